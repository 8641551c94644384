"""Reads for routing: presence and the queue's weights."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from frontdesk.accounts.models import User
from frontdesk.engine.queue import QueueReason, QueueWeights, WeightError, reasons_for, weights_from
from frontdesk.routing.choices import Presence
from frontdesk.routing.models import AgentPresence, QueueSettings
from frontdesk.tickets.adapters import queue_item_of
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import queue_for_agent


def presence_of(*, agent: User) -> AgentPresence:
    """The agent's presence; an agent who never set one is off shift."""
    found = AgentPresence.objects.filter(agent=agent).first()
    return found or AgentPresence(agent=agent, state=Presence.OFF)


def queue_weights() -> QueueWeights:
    """The weights the desk orders its queue by: the lead's, or the defaults."""
    stored = QueueSettings.objects.values_list("weights", flat=True).first()
    if not stored:
        return QueueWeights()
    try:
        return weights_from(dict(stored))
    except (WeightError, TypeError):
        # Saved weights are checked on the way in; a hand-edited row must not stop the desk.
        return QueueWeights()


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
