"""`frontdesk problems detect`: replay JSON Lines reports and print the alerts they raise."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta


def cmd_problems_detect(args: argparse.Namespace) -> int:
    """Replay reports in arrival order; one line per alert, bad lines on stderr (exit 1)."""
    from frontdesk.engine.problems import Baseline, ProblemDetector, Report
    from frontdesk.engine.problems.jsonlines import (
        LineError,
        alert_to_json,
        alert_to_text,
        reports_read,
    )

    try:
        source = open(args.file, encoding="utf-8") if args.file else sys.stdin  # noqa: SIM115
    except OSError as error:
        print(
            f"frontdesk problems detect: cannot read {args.file}: {error.strerror}", file=sys.stderr
        )
        return 2
    reports: list[Report] = []
    failed = False
    with source:
        try:
            for item in reports_read(source):
                if isinstance(item, LineError):
                    print(item.to_json(), file=sys.stderr)
                    failed = True
                else:
                    reports.append(item)
        except UnicodeDecodeError:
            print(
                f"frontdesk problems detect: {args.file or 'input'} is not UTF-8 text",
                file=sys.stderr,
            )
            return 2
    # Replayed in arrival order, as the live desk sees them; equal times keep the file's order.
    reports.sort(key=lambda r: r.arrived_at)
    baseline = None
    if args.learn and reports:
        # The first hours are the desk's usual traffic: counted, never alerted on.
        until = reports[0].arrived_at + timedelta(hours=args.learn)
        baseline = Baseline.build(reports, since=reports[0].arrived_at, until=until)
        reports = [report for report in reports if report.arrived_at >= until]
    detector = ProblemDetector(baseline=baseline)
    show = alert_to_json if args.json else alert_to_text
    for report in reports:
        alert = detector.observe(report)
        if alert is not None:
            print(show(alert), flush=True)
    return 1 if failed else 0


def _hours(value: str) -> float:
    try:
        hours = float(value)
    except ValueError:
        hours = -1
    if not 0 <= hours <= 24 * 366:
        raise argparse.ArgumentTypeError(f"not a number of hours: {value!r}")
    return hours


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the group's commands to the `frontdesk` parser."""
    problems = commands.add_parser("problems", help="detect problems many customers report")
    actions = problems.add_subparsers(dest="action", required=True, metavar="ACTION")
    detect = actions.add_parser(
        "detect", help="replay JSON Lines reports and print the alerts (no database needed)"
    )
    detect.add_argument("file", nargs="?", help="JSON Lines file; standard input when omitted")
    detect.add_argument("--json", action="store_true", help="one JSON object per alert")
    detect.add_argument(
        "--learn",
        type=_hours,
        default=0,
        metavar="HOURS",
        help="read the first HOURS as the usual traffic (the baseline), alerting only after",
    )
    detect.set_defaults(handler=cmd_problems_detect, needs_django=False)
