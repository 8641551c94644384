"""The `frontdesk` command: serve, work, migrate, fill a demo desk, manage agents and tokens,
simulate a day."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from frontdesk.cli import (
    accounts,
    backup,
    customers,
    desk,
    journal,
    mail,
    manage,
    problems,
    run,
    simulate,
    staffing,
    triage,
)
from frontdesk.cli.run import mail_port_for
from frontdesk.cli.startup import NEEDS_SCHEMA, database_check, django_setup
from frontdesk.cli.supervise import supervise

__all__ = ["build_parser", "mail_port_for", "main", "supervise"]

# The order `frontdesk --help` lists the commands in.
GROUPS = (
    run,
    desk,
    accounts,
    customers,
    staffing,
    simulate,
    triage,
    problems,
    mail,
    journal,
    backup,
    manage,
)


def build_parser() -> argparse.ArgumentParser:
    """The `frontdesk` parser, each command group adding its own commands."""
    parser = argparse.ArgumentParser(prog="frontdesk", description="frontdesk help desk")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status (2: it could not start)."""
    args = build_parser().parse_args(argv)
    if before_setup := getattr(args, "before_setup", None):
        before_setup(args)
    if getattr(args, "needs_django", True):
        django_setup()
        if not database_check(_command_name(args), getattr(args, "database", NEEDS_SCHEMA)):
            return 2
    return int(args.handler(args))


def _command_name(args: argparse.Namespace) -> str:
    """The command as typed, for messages: `frontdesk mail listen`."""
    words = [args.command]
    words += [getattr(args, dest, None) for dest in ("agent_command", "token_command", "action")]
    return " ".join(["frontdesk", *(word for word in words if word)])
