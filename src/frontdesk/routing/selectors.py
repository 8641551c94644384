"""Reads for routing: an agent's queue and the morning sweep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from frontdesk.accounts.models import User
from frontdesk.engine.queue import QueueReason, reasons_for
from frontdesk.macros.models import Macro
from frontdesk.macros.selectors import macro_list, macro_suggested
from frontdesk.tickets.adapters import queue_item_of
from frontdesk.tickets.choices import Level, QueueKind
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import queue_for_agent


@dataclass(frozen=True)
class QueueEntry:
    """One ticket in an agent's queue, with its place and the reasons for it."""

    ticket: Ticket
    position: int
    reasons: tuple[QueueReason, ...]


def queue_of(*, agent: User, now: datetime, limit: int = 50) -> list[QueueEntry]:
    """The agent's queue in order, each item with why it is there."""
    tickets = queue_for_agent(agent=agent, limit=limit)
    return [
        QueueEntry(ticket=ticket, position=n, reasons=reasons_for(queue_item_of(ticket), now))
        for n, ticket in enumerate(tickets, start=1)
    ]


@dataclass(frozen=True)
class Sweep:
    """The backlog the way the morning sweep reads it: level 1 to answer in full, quick ones,
    key customers, hard cases."""

    urgent: list[Ticket]
    quick: list[tuple[Ticket, Macro | None]]
    key: list[Ticket]
    hard: list[Ticket]


def sweep_of(*, agent: User, limit: int = 50) -> Sweep:
    """The agent's backlog (theirs and free to take) in the morning sweep's four groups."""
    backlog = (
        Ticket.objects.filter(queue_key__isnull=False)
        .filter(Q(assignee=agent) | Q(assignee__isnull=True))
        .exclude(queue_kind=QueueKind.LIVE)
        .select_related("customer")
        .order_by("queue_since", "id")
    )
    urgent: list[Ticket] = []
    quick: list[tuple[Ticket, Macro | None]] = []
    key: list[Ticket] = []
    hard: list[Ticket] = []
    macros = list(macro_list())  # read once, not once per quick win
    for ticket in backlog[: limit * 10]:
        codes = {row.get("code") for row in ticket.reasons or [] if isinstance(row, dict)}
        if ticket.level == Level.URGENT:
            # A double charge or a blocked customer is owed the answer itself, at once: a
            # holding reply ("this will take longer") would be the wrong thing to send, however
            # long the message is.
            if len(urgent) < limit:
                urgent.append(ticket)
        elif ticket.quick_win and len(quick) < limit:
            quick.append((ticket, macro_suggested(ticket=ticket, macros=macros)))
        elif ticket.customer.is_key and len(key) < limit:
            key.append(ticket)
        elif "hard" in codes and len(hard) < limit:
            hard.append(ticket)
    return Sweep(urgent=urgent, quick=quick, key=key, hard=hard)
