"""`frontdesk simulate`: replay a trace of contacts through the desk's order and others, with no
database."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any


def cmd_simulate(args: argparse.Namespace) -> int:
    """Print each policy's waits for the trace and the agents (exit 2 on a bad trace)."""
    from frontdesk.engine.queue import WeightError, weights_from
    from frontdesk.engine.simulation import (
        TraceError,
        agents_plain,
        compare,
        estimates_fill,
        noise_parse,
        policies_named,
        trace_read,
    )

    try:
        with _open(args.trace) as source:
            arrivals = trace_read(source)
        noise = noise_parse(args.estimate_noise) if args.estimate_noise else None
        arrivals = estimates_fill(
            arrivals, noise=noise, seed=args.seed, estimate_text=_triage_estimator(arrivals)
        )
        weights = weights_from(_weights(args.weights)) if args.weights else None
        policies = policies_named(
            args.policy or ["frontdesk", "fifo", "priority-age", "oracle"], weights=weights
        )
        opened = _moment(args.open) if args.open else arrivals[0].arrived_at
        summaries = compare(arrivals, agents_plain(args.agents, opened), policies)
    except (TraceError, WeightError, ValueError, OSError) as error:
        print(f"frontdesk simulate: {error}", file=sys.stderr)
        return 2
    if args.json:
        for summary in summaries:
            print(json.dumps(summary.to_json()))
        return 0
    _table(summaries, agents=args.agents, items=len(arrivals))
    return 0


def cmd_simulate_day(args: argparse.Namespace) -> int:
    """Write a generated busy day as a trace, and say the agents each staffing level gives it."""
    from frontdesk.engine.simulation import TraceError
    from frontdesk.engine.simulation.generate import (
        STAFFING,
        agents_for,
        day_generate,
        offered_load,
        trace_lines,
    )

    try:
        noise = _noise(args.estimate_noise)
        arrivals = day_generate(args.kind, seed=args.seed, noise=noise)
        text = "".join(line + "\n" for line in trace_lines(arrivals))
        if args.out == "-":
            sys.stdout.write(text)
        else:
            Path(args.out).write_text(text, encoding="utf-8")
    except (TraceError, OSError) as error:
        print(f"frontdesk simulate-day: {error}", file=sys.stderr)
        return 2
    staffing = ", ".join(f"{name} {agents_for(arrivals, name)}" for name in STAFFING)
    print(
        f"{len(arrivals)} contacts, offered load {offered_load(arrivals, 9):.1f} erlangs; "
        f"agents: {staffing}",
        file=sys.stderr,
    )
    return 0


def _noise(text: str) -> tuple[float, float] | None:
    from frontdesk.engine.simulation import noise_parse

    return None if text == "none" else noise_parse(text)


def _open(name: str) -> Any:
    return sys.stdin if name == "-" else open(name, encoding="utf-8")


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"--open is not an ISO 8601 time: {text!r}") from error
    if moment.tzinfo is None:
        raise ValueError(f"--open needs an offset (+02:00 or Z): {text!r}")
    return moment


def _weights(text: str) -> dict[str, float]:
    """`--weights`: a JSON object of weights (as GET /api/v1/queue-weights gives), or its file."""
    path = Path(text)
    raw = path.read_text(encoding="utf-8") if not text.lstrip().startswith("{") else text
    try:
        values = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ValueError(f"--weights is not a JSON object: {error.msg}") from error
    if not isinstance(values, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in values.values()
    ):
        raise ValueError("--weights must be a JSON object of names and numbers")
    return values


def _triage_estimator(arrivals: list[Any]) -> Any:
    """Triage's effort estimate from a contact's words, loaded only when a trace needs it."""
    if not any(a.estimated_minutes is None and (a.subject or a.body) for a in arrivals):
        return None
    from frontdesk.cli.triage import triage_parts
    from frontdesk.engine.triage import Contact, triage_contact

    detection, lexicons = triage_parts()

    def estimate(arrival: Any) -> float:
        contact = Contact(
            id=arrival.id, channel=arrival.channel, subject=arrival.subject, body=arrival.body
        )
        return triage_contact(contact, lexicons=lexicons, detection=detection).effort_minutes

    return estimate


def _table(summaries: list[Any], *, agents: int, items: int) -> None:
    from frontdesk.engine.simulation import gain_captured

    header = ["policy", "mean", "median", "p90", "max", "L1 p90", "key mean", "SLA 1/2/3/4", "busy"]
    rows = [header]
    for s in summaries:
        breaches = "/".join(str(s.sla_breaches[level]) for level in "1234")
        rows.append(
            [
                s.policy,
                f"{s.mean_wait_minutes:.1f}",
                f"{s.median_wait_minutes:.1f}",
                f"{s.p90_wait_minutes:.1f}",
                f"{s.max_wait_minutes:.1f}",
                "-" if s.level1_p90_wait_minutes is None else f"{s.level1_p90_wait_minutes:.1f}",
                "-" if s.key_mean_wait_minutes is None else f"{s.key_mean_wait_minutes:.1f}",
                breaches,
                f"{s.utilisation:.0%}",
            ]
        )
    print(f"{items} contacts, {agents} agents; first-response waits in minutes")
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print(
            "  ".join(
                cell.rjust(w) if i else cell.ljust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    named = {s.policy: s for s in summaries}
    if {"frontdesk", "fifo", "oracle"} <= named.keys():
        share = gain_captured(named["frontdesk"], named["fifo"], named["oracle"])
        if share is not None:
            print(f"frontdesk captures {share:.0%} of the oracle's gain over fifo on mean wait")


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the group's commands to the `frontdesk` parser."""
    simulate = commands.add_parser(
        "simulate", help="replay a trace of contacts through the queue's order (no database)"
    )
    simulate.add_argument(
        "--trace", required=True, metavar="FILE", help="JSON Lines arrivals ('-' reads stdin)"
    )
    simulate.add_argument(
        "--agents", type=_positive, required=True, metavar="N", help="agents at work"
    )
    simulate.add_argument(
        "--open", metavar="ISO8601", help="when agents start (default: the first arrival)"
    )
    simulate.add_argument(
        "--policy",
        action="append",
        metavar="NAME",
        help="frontdesk, fifo, priority-age or oracle; repeat for several (default: all four)",
    )
    simulate.add_argument("--seed", type=int, default=0, metavar="S", help="seed of the noise")
    simulate.add_argument(
        "--estimate-noise",
        metavar="LOW-HIGH",
        help="when a line has no estimate and no text: the true time times a factor in LOW-HIGH",
    )
    simulate.add_argument(
        "--weights", metavar="JSON|FILE", help="the frontdesk policy's weights (default: built in)"
    )
    simulate.add_argument("--json", action="store_true", help="one JSON object per policy")
    simulate.set_defaults(handler=cmd_simulate, needs_django=False)

    day = commands.add_parser(
        "simulate-day",
        help="write a generated busy day as a trace for frontdesk simulate (no database)",
    )
    day.add_argument("kind", metavar="KIND", help="busy-monday or steady")
    day.add_argument("--seed", type=int, default=0, metavar="S", help="which day of that kind")
    day.add_argument("--out", default="-", metavar="FILE", help="where to write ('-': stdout)")
    day.add_argument(
        "--estimate-noise",
        default="0.6-1.5",
        metavar="LOW-HIGH",
        help="triage's estimate: the true time times a factor in LOW-HIGH ('none': the true time)",
    )
    day.set_defaults(handler=cmd_simulate_day, needs_django=False)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from error
    if value < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return value
