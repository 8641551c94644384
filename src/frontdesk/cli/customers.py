"""`frontdesk customer`: a customer's data on request — print it all as JSON, or erase it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command must start before Django is set up
    from frontdesk.customers.models import Customer


def _customer(command: str, customer_id: int) -> Customer | None:
    from frontdesk.customers.models import Customer

    customer = Customer.objects.filter(pk=customer_id).first()
    if customer is None:
        print(f"frontdesk customer {command}: no customer #{customer_id}", file=sys.stderr)
    return customer


def cmd_export(args: argparse.Namespace) -> int:
    """Print everything the desk holds about one customer as JSON; recorded in the audit trail."""
    from frontdesk.customers.privacy import customer_export

    customer = _customer("export", args.id)
    if customer is None:
        return 2
    data = customer_export(customer=customer, actor=None)
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    """Erase one customer's data, keeping the figures; without --yes, say what would go."""
    from frontdesk.core.errors import Invalid
    from frontdesk.customers.privacy import customer_erase, erasure_plan

    customer = _customer("erase", args.id)
    if customer is None:
        return 2
    if not args.yes:
        plan = erasure_plan(customer=customer)
        print(f"would erase customer #{customer.pk} ({customer.name}):")
        for what, count in plan.items():
            print(f"  {what}: {count}")
        if plan.get("open_tickets"):
            print(f"  note: {plan['open_tickets']} open ticket(s) would lose their text")
        print("nothing changed; add --yes to erase")
        return 2
    try:
        counts = customer_erase(customer=customer, actor=None)
    except Invalid as error:
        print(f"frontdesk customer erase: {error}", file=sys.stderr)
        return 1
    print(f"erased customer #{customer.pk}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the group's commands to the `frontdesk` parser."""
    customer = commands.add_parser("customer", help="export or erase one customer's data")
    actions = customer.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="print everything held about a customer as JSON")
    export.add_argument("id", type=int, help="the customer's number")
    export.set_defaults(handler=cmd_export)
    erase = actions.add_parser(
        "erase", help="erase a customer's data (anonymise; the figures stay)"
    )
    erase.add_argument("id", type=int, help="the customer's number")
    erase.add_argument("--yes", action="store_true", help="really erase; without it, a dry run")
    erase.set_defaults(handler=cmd_erase)
