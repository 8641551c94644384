"""`frontdesk log`: log a contact on a customer's timeline in one line."""

from __future__ import annotations

import argparse
import sys

from frontdesk.cli.accounts import active_agent


def cmd_log(args: argparse.Namespace) -> int:
    """Log a contact in one line: `customer. agent. problem. time.`"""
    import json

    from frontdesk.core.errors import Invalid
    from frontdesk.journal.services import log_line_json, log_line_read, log_line_save

    writer = active_agent(args.writer, "log")
    if writer is None:
        return 2
    parsed = log_line_read(line=args.line, writer=writer)
    if args.json:
        print(json.dumps(log_line_json(parsed), ensure_ascii=False))
    else:
        for warning in parsed.warnings:
            print(f"note: {warning.text()}")
    if args.dry_run:
        return 0
    try:
        saved = log_line_save(
            line=args.line,
            writer=writer,
            customer_id=args.customer,
            new_customer=args.new_customer,
        )
    except Invalid as error:
        print(f"frontdesk log: {error}", file=sys.stderr)
        return 1
    if not args.json:
        print(f"logged on {saved.customer.name}'s timeline: {saved.summary}")
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the group's commands to the `frontdesk` parser."""
    log = commands.add_parser(
        "log", help="log a contact in one line: customer. agent. topic. time."
    )
    log.add_argument("line")
    log.add_argument("--as", dest="writer", required=True, help="the agent writing the line")
    log.add_argument(
        "--dry-run", action="store_true", help="print what was understood, save nothing"
    )
    log.add_argument("--json", action="store_true", help="print the parse as JSON")
    log.add_argument("--customer", type=int, help="the customer id, when the name was a choice")
    log.add_argument("--new-customer", action="store_true", help="create the customer if unknown")
    log.set_defaults(handler=cmd_log)
