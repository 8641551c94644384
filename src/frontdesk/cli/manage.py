"""`frontdesk manage`: any Django management command."""

from __future__ import annotations

import argparse


def cmd_manage(args: argparse.Namespace) -> int:
    """Run any Django management command (createsuperuser, shell, dbshell, …)."""
    from django.core.management import execute_from_command_line

    execute_from_command_line(["frontdesk manage", *args.rest])
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the group's commands to the `frontdesk` parser."""
    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    # Django's own commands (migrate, showmigrations, dbshell, …) decide what they need.
    manage.set_defaults(handler=cmd_manage, database=None)
