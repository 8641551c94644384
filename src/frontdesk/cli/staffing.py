"""`frontdesk staffing`: the agents a load needs, by Erlang C, with no database."""

from __future__ import annotations

import argparse
import sys


def cmd_staffing(args: argparse.Namespace) -> int:
    """Print the agents a load needs (Erlang C) and what that many achieve."""
    import json

    from frontdesk.engine.staffing import StaffingError, agents_needed

    try:
        found = agents_needed(
            rate_per_hour=args.rate,
            aht_seconds=args.aht,
            target_level=args.target_level,
            target_seconds=args.target_seconds,
            max_occupancy=args.max_occupancy,
        )
    except StaffingError as error:
        print(f"frontdesk staffing: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(
            json.dumps(
                {
                    "agents": found.agents,
                    "service_level": round(found.service_level, 6),
                    "asa_seconds": round(found.asa_seconds, 3),
                    "p_wait": round(found.p_wait, 6),
                    "occupancy": round(found.occupancy, 6),
                }
            )
        )
        return 0
    print(f"agents needed:        {found.agents}")
    print(f"service level:        {found.service_level:.1%} within {args.target_seconds:g} s")
    print(f"average speed answer: {found.asa_seconds:.1f} s")
    print(f"probability to wait:  {found.p_wait:.1%}")
    print(f"occupancy:            {found.occupancy:.1%}")
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the group's commands to the `frontdesk` parser."""
    staffing = commands.add_parser(
        "staffing", help="agents needed for a load, by Erlang C (no database needed)"
    )
    staffing.add_argument(
        "--rate", type=float, required=True, metavar="CONTACTS_PER_HOUR", help="contacts an hour"
    )
    staffing.add_argument(
        "--aht", type=float, required=True, metavar="SECONDS", help="average handling time"
    )
    staffing.add_argument(
        "--target-level",
        type=float,
        required=True,
        metavar="FRACTION",
        help="share answered in time, e.g. 0.8",
    )
    staffing.add_argument(
        "--target-seconds", type=float, required=True, metavar="T", help="answered within T s"
    )
    staffing.add_argument(
        "--max-occupancy", type=float, default=1.0, metavar="FRACTION", help="e.g. 0.85"
    )
    staffing.add_argument("--json", action="store_true", help="one JSON object")
    staffing.set_defaults(handler=cmd_staffing, needs_django=False)
