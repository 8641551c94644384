"""How much the desk's order buys: generated busy days through the simulator, four policies.

Both day shapes (`busy-monday`, `steady`) × three staffing levels (overloaded, tight,
comfortable: agents = offered load × 0.9 / 1.05 / 1.3) × four policies (frontdesk, fifo,
priority-age, oracle), over several seeds, with triage's estimates 0.6–1.5× the truth. Prints the
comparison table, whether the issue-15 target is met per day × staffing, and last one JSON line
(documented in bench/README.md; `make bench` draws its charts from it).

    .venv/bin/python bench/simulation_bench.py [--seeds 5 | --quick] [--weights JSON]
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections.abc import Sequence
from typing import Any

from common import table

from frontdesk.engine.queue import QueueWeights, weights_from
from frontdesk.engine.simulation import (
    POLICY_NAMES,
    Summary,
    agents_plain,
    compare,
    gain_captured,
    policies_named,
)
from frontdesk.engine.simulation.generate import (
    DAY_OPENS,
    SHAPES,
    STAFFING,
    agents_for,
    day_generate,
)

# Issue 15's target for the default order, per day shape × staffing level.
GAIN_MIN = 0.8
LEVEL1_P90_MAX_MINUTES = 30.0
P90_RATIO_MAX = 1.4

FIGURES = (
    "mean_wait_minutes",
    "median_wait_minutes",
    "p90_wait_minutes",
    "max_wait_minutes",
    "level1_p90_wait_minutes",
    "key_mean_wait_minutes",
    "utilisation",
)


def cell_measure(
    trace: str, staffing: str, seeds: Sequence[int], weights: QueueWeights
) -> list[dict[str, Any]]:
    """One row per policy for a day shape and staffing level: each figure the mean over seeds."""
    days: dict[str, list[Summary]] = {name: [] for name in POLICY_NAMES}
    agents = []
    for seed in seeds:
        arrivals = day_generate(trace, seed=seed)
        count = agents_for(arrivals, staffing)
        agents.append(count)
        policies = policies_named(POLICY_NAMES, weights=weights)
        for summary in compare(arrivals, agents_plain(count, DAY_OPENS), policies):
            days[summary.policy].append(summary)
    rows = []
    for name, summaries in days.items():
        row: dict[str, Any] = {
            "trace": trace,
            "staffing": staffing,
            "agents": round(statistics.fmean(agents), 2),
            "seeds": len(seeds),
            "policy": name,
        }
        for figure in FIGURES:
            values = [getattr(s, figure) for s in summaries if getattr(s, figure) is not None]
            row[figure] = round(statistics.fmean(values), 2) if values else None
        row["sla_breaches"] = {
            level: round(statistics.fmean(s.sla_breaches[level] for s in summaries), 1)
            for level in summaries[0].sla_breaches
        }
        rows.append(row)
    by_policy = {str(row["policy"]): row for row in rows}
    fifo, oracle = by_policy["fifo"], by_policy["oracle"]
    possible = float(fifo["mean_wait_minutes"]) - float(oracle["mean_wait_minutes"])
    for row in rows:
        gained = float(fifo["mean_wait_minutes"]) - float(row["mean_wait_minutes"])
        row["gain_captured"] = round(gained / possible, 3) if possible > 0 else None
        # The worst single day, so an average cannot hide one: days where the oracle gains
        # nothing do not count.
        each = [
            gain_captured(mine, base, best)
            for mine, base, best in zip(
                days[row["policy"]], days["fifo"], days["oracle"], strict=True
            )
        ]
        known = [share for share in each if share is not None]
        row["gain_captured_worst_day"] = round(min(known), 3) if known else None
    return rows


def target_check(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Whether the frontdesk order meets the target in every day shape × staffing level."""
    cells = []
    for trace in SHAPES:
        for staffing in STAFFING:
            mine = {
                r["policy"]: r for r in rows if r["trace"] == trace and r["staffing"] == staffing
            }
            desk, fifo = mine["frontdesk"], mine["fifo"]
            gain = desk["gain_captured"]
            level1 = desk["level1_p90_wait_minutes"]
            ratio = float(desk["p90_wait_minutes"]) / max(float(fifo["p90_wait_minutes"]), 0.01)
            met = (
                gain is not None
                and float(gain) >= GAIN_MIN
                and (level1 is None or float(level1) < LEVEL1_P90_MAX_MINUTES)
                and ratio <= P90_RATIO_MAX
            )
            cells.append(
                {
                    "trace": trace,
                    "staffing": staffing,
                    "gain_captured": gain,
                    "gain_captured_worst_day": desk["gain_captured_worst_day"],
                    "level1_p90_wait_minutes": level1,
                    "p90_ratio_to_fifo": round(ratio, 2),
                    "met": met,
                }
            )
    return {
        "met": all(cell["met"] for cell in cells),
        "gain_captured_min": GAIN_MIN,
        "level1_p90_max_minutes": LEVEL1_P90_MAX_MINUTES,
        "p90_ratio_to_fifo_max": P90_RATIO_MAX,
        "cells": cells,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5, help="days per shape (seeds 0..N-1)")
    parser.add_argument(
        "--quick", action="store_true", help="two seeds (for make bench's quick run)"
    )
    parser.add_argument("--weights", help="the frontdesk policy's weights, as a JSON object")
    args = parser.parse_args()
    if args.quick:
        args.seeds = 2
    weights = weights_from(json.loads(args.weights)) if args.weights else QueueWeights()
    seeds = range(args.seeds)

    rows = [
        row
        for trace in SHAPES
        for staffing in STAFFING
        for row in cell_measure(trace, staffing, seeds, weights)
    ]
    table(
        f"Simulated busy days ({args.seeds} seeds each, estimates 0.6–1.5× the truth; "
        "first-response waits in minutes, means over the seeds)",
        [
            "day",
            "staffing",
            "agents",
            "policy",
            "mean",
            "median",
            "p90",
            "max",
            "L1 p90",
            "key mean",
            "SLA 1/2/3/4",
            "busy",
            "gain",
        ],
        [
            [
                r["trace"],
                r["staffing"],
                r["agents"],
                r["policy"],
                r["mean_wait_minutes"],
                r["median_wait_minutes"],
                r["p90_wait_minutes"],
                r["max_wait_minutes"],
                "-" if r["level1_p90_wait_minutes"] is None else r["level1_p90_wait_minutes"],
                "-" if r["key_mean_wait_minutes"] is None else r["key_mean_wait_minutes"],
                "/".join(f"{v:g}" for v in r["sla_breaches"].values()),
                f"{float(r['utilisation']):.0%}",
                "-" if r["gain_captured"] is None else f"{float(r['gain_captured']):.0%}",
            ]
            for r in rows
        ],
    )
    target = target_check(rows)
    table(
        f"Target: frontdesk captures ≥ {GAIN_MIN:.0%} of the oracle's gain over fifo on mean "
        f"wait, level-1 p90 < {LEVEL1_P90_MAX_MINUTES:g} min, p90 ≤ {P90_RATIO_MAX}× fifo's",
        ["day", "staffing", "gain", "worst day", "L1 p90", "p90 / fifo", "met"],
        [
            [
                c["trace"],
                c["staffing"],
                "-" if c["gain_captured"] is None else f"{float(c['gain_captured']):.0%}",
                "-"
                if c["gain_captured_worst_day"] is None
                else f"{float(c['gain_captured_worst_day']):.0%}",
                c["level1_p90_wait_minutes"],
                c["p90_ratio_to_fifo"],
                "yes" if c["met"] else "NO",
            ]
            for c in target["cells"]
        ],
    )
    print(f"\ntarget met everywhere: {'yes' if target['met'] else 'no'}")
    print(json.dumps({"bench": "simulation", "rows": rows, "target": target}))


if __name__ == "__main__":
    main()
