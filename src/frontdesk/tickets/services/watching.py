"""Who has a ticket open and who is typing a reply to it, for the collision warning.

Kept only in the cache (Redis when several web processes share it), never in a table: every
open ticket page reports every few seconds, and a report is worth nothing a minute later.
"""

from __future__ import annotations

import time

from django.core.cache import cache

from frontdesk.accounts.models import User
from frontdesk.tickets.constants import TYPING_SECONDS, WATCHING_SECONDS
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import watching_key


def ticket_watch(*, ticket: Ticket, agent: User, typing: bool, now: float | None = None) -> None:
    """Record that the agent has the ticket open, and is typing a reply to it if `typing`."""
    now = time.time() if now is None else now
    key = watching_key(ticket.pk)
    watchers = {
        agent_id: seen
        for agent_id, seen in (cache.get(key) or {}).items()
        if now - seen["seen"] <= WATCHING_SECONDS
    }
    before = watchers.get(str(agent.pk), {})
    watchers[str(agent.pk)] = {
        "name": agent.display_name,
        "seen": now,
        "typed": now if typing else before.get("typed", 0.0),
    }
    # Two agents reporting at the same instant may each write over the other's report: the
    # next report, seconds later, puts it back; a lock would cost every report for that.
    cache.set(key, watchers, WATCHING_SECONDS + TYPING_SECONDS)
