"""How long placing a week of breaks takes: 200 agents, 15-minute intervals. Prints a table and
one JSON line.

Run: .venv/bin/python bench/breaks_bench.py [--agents 200] [--runs 5]

The roster is made the same way every time (random.Random(7)): each agent works 5 of the 7 days
of a week in UTC, one 8-hour shift a day starting on a quarter hour between 06:00 and 14:00. Every
shift gets three breaks: a 30-minute lunch starting 3 to 5 hours in, a 15-minute break in the
first half (1 to 3.5 hours in) and another in the second half (4.5 to 7 hours in). The requirement
in each interval is 85% of the agents on shift there without breaks, rounded down. Measured: the
whole `breaks_place` call (checking the input, counting, placing, the shortfalls left), median and
slowest of the runs.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from common import table

from frontdesk.engine.breaks import BreakRule, Shift, breaks_place, staffed

INTERVAL = timedelta(minutes=15)
WEEK_START = datetime(2026, 11, 23, tzinfo=UTC)
RULES = (
    BreakRule(length=timedelta(minutes=30), earliest=timedelta(hours=3), latest=timedelta(hours=5)),
    BreakRule(
        length=timedelta(minutes=15), earliest=timedelta(hours=1), latest=timedelta(hours=3.5)
    ),
    BreakRule(
        length=timedelta(minutes=15), earliest=timedelta(hours=4.5), latest=timedelta(hours=7)
    ),
)


def roster(agents: int) -> list[Shift]:
    """Five 8-hour shifts a week for each agent, the same every run."""
    rng = random.Random(7)  # noqa: S311 - reproducible data, not secrets
    shifts = []
    for agent in range(1, agents + 1):
        for day in sorted(rng.sample(range(7), 5)):
            start = WEEK_START + timedelta(days=day, hours=6) + INTERVAL * rng.randrange(33)
            shifts.append(Shift(agent_id=agent, start=start, end=start + timedelta(hours=8)))
    return shifts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agents", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    shifts = roster(args.agents)
    on_shift = staffed(
        shifts=shifts,
        breaks=[],
        start=WEEK_START,
        end=WEEK_START + timedelta(days=7),
        interval=INTERVAL,
    )
    required = {moment: count * 85 // 100 for moment, count in on_shift.items()}

    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        plan = breaks_place(shifts=shifts, rules=RULES, required=required, interval=INTERVAL)
        timings.append((time.perf_counter() - started) * 1000)

    report = {
        "agents": args.agents,
        "shifts": len(shifts),
        "breaks": len(plan.breaks),
        "intervals": len(required),
        "shortfalls": len(plan.shortfalls),
        "runs": args.runs,
        "median_ms": round(statistics.median(timings), 1),
        "max_ms": round(max(timings), 1),
    }
    header = ["agents", "shifts", "breaks placed", "intervals", "shortfalls"]
    header += ["median ms", "max ms"]
    row = [f"{report[key]:,}" for key in ("agents", "shifts", "breaks", "intervals", "shortfalls")]
    table(
        f"Breaks for a week at 15-minute intervals ({args.runs} runs)",
        header,
        [[*row, report["median_ms"], report["max_ms"]]],
    )
    print("\n" + json.dumps({"bench": "breaks", **report}))


if __name__ == "__main__":
    main()
