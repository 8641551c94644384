"""`frontdesk agent` and `frontdesk token`: manage agents and their API tokens."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command must start before Django is set up
    from frontdesk.accounts.models import User


def cmd_agent_add(args: argparse.Namespace) -> int:
    """Create an agent."""
    from frontdesk.accounts.services import agent_create
    from frontdesk.core.errors import Invalid

    try:
        agent = agent_create(
            username=args.username,
            role=args.role,
            password=args.password,
            full_name=args.name,
            email=args.email,
        )
    except Invalid as error:
        print(f"frontdesk agent add: {error}", file=sys.stderr)
        return 2
    print(f"created {agent.role} {agent.username}")
    return 0


def cmd_agent_role(args: argparse.Namespace) -> int:
    """Give an agent another role; what they may reach follows it."""
    from frontdesk.accounts.selectors import agent_by_username
    from frontdesk.accounts.services import agent_set_role

    agent = agent_by_username(username=args.username)
    if agent is None:
        print(f"frontdesk agent role: no agent called {args.username!r}", file=sys.stderr)
        return 2
    agent_set_role(agent=agent, role=args.role)
    print(f"{agent.username} is now {agent.role}")
    return 0


def active_agent(username: str, command: str) -> User | None:
    """The active agent of that name, or None after saying so on standard error."""
    from frontdesk.accounts.selectors import agent_by_username

    agent = agent_by_username(username=username)
    if agent is None or not agent.is_active:
        print(f"frontdesk {command}: no active agent called {username!r}", file=sys.stderr)
        return None
    return agent


def cmd_token_create(args: argparse.Namespace) -> int:
    """Print a new API token for an agent, alone on standard output."""
    from frontdesk.accounts.tokens import token_create
    from frontdesk.core.errors import Invalid

    agent = active_agent(args.username, "token create")
    if agent is None:
        return 2
    try:
        raw = token_create(user=agent, name=args.name, scope=args.scope, days=args.days)
    except Invalid as error:
        print(f"frontdesk token create: {error}", file=sys.stderr)
        return 2
    print(raw)
    return 0


def cmd_token_list(args: argparse.Namespace) -> int:
    """List an agent's tokens: id, first characters, scope, end, last use, state and name."""
    from django.utils import timezone

    from frontdesk.accounts.selectors import agent_by_username, tokens_of

    agent = agent_by_username(username=args.username)
    if agent is None:
        print(f"frontdesk token list: no agent called {args.username!r}", file=sys.stderr)
        return 2
    now = timezone.now()
    print("id\tstarts\tscope\tends\tlast used\tstate\tname")
    for token in tokens_of(agent=agent):
        if token.revoked_at is not None:
            state = "revoked"
        elif token.expires_at is not None and token.expires_at <= now:
            state = "ended"
        else:
            state = "before scopes: replace" if token.made_before_scopes else "active"
        ends = f"{token.expires_at:%Y-%m-%d}" if token.expires_at else "never"
        used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
        print(f"{token.pk}\t{token.prefix}…\t{token.scope}\t{ends}\t{used}\t{state}\t{token.name}")
    return 0


def cmd_token_revoke(args: argparse.Namespace) -> int:
    """Revoke one of an agent's tokens, named by its id or its first characters."""
    from frontdesk.accounts.selectors import agent_by_username, token_of
    from frontdesk.accounts.tokens import token_revoke

    agent = agent_by_username(username=args.username)
    found = token_of(agent=agent, id_or_prefix=args.token) if agent is not None else None
    if agent is None or found is None:
        print(
            f"frontdesk token revoke: {args.username!r} has no token {args.token!r}",
            file=sys.stderr,
        )
        return 2
    token = token_revoke(actor=agent, token_id=found.pk)
    print(f"revoked {token.prefix}… of {agent.username}")
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the group's commands to the `frontdesk` parser."""
    agent = commands.add_parser("agent", help="manage agents").add_subparsers(
        dest="agent_command", required=True
    )
    agent_add = agent.add_parser("add", help="create an agent")
    agent_add.add_argument("username")
    agent_add.add_argument("--role", default="agent", choices=["agent", "lead", "admin"])
    agent_add.add_argument("--password", default=None)
    agent_add.add_argument("--name", default="", help="full name")
    agent_add.add_argument("--email", default="")
    agent_add.set_defaults(handler=cmd_agent_add)
    agent_role = agent.add_parser("role", help="give an agent another role")
    agent_role.add_argument("username")
    agent_role.add_argument("role", choices=["agent", "lead", "admin"])
    agent_role.set_defaults(handler=cmd_agent_role)

    token = commands.add_parser("token", help="manage API tokens").add_subparsers(
        dest="token_command", required=True
    )
    token_create = token.add_parser("create", help="print a new API token for an agent")
    token_create.add_argument("username")
    token_create.add_argument("--name", default="", help="what the token is for")
    token_create.add_argument(
        "--scope",
        default="read",
        choices=["read", "write", "admin"],
        help="what it may do (default: read; admin only for a lead's or an admin's)",
    )
    token_create.add_argument(
        "--days",
        type=int,
        default=None,
        help="days it works (default FRONTDESK_TOKEN_DAYS, max 365)",
    )
    token_create.set_defaults(handler=cmd_token_create)
    token_list = token.add_parser("list", help="list an agent's API tokens")
    token_list.add_argument("username")
    token_list.set_defaults(handler=cmd_token_list)
    token_revoke = token.add_parser("revoke", help="revoke one of an agent's API tokens")
    token_revoke.add_argument("username")
    token_revoke.add_argument("token", help="the token's id or its first characters (fd_…)")
    token_revoke.set_defaults(handler=cmd_token_revoke)
