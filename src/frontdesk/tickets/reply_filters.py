"""What apps above tickets do to an agent's reply before it is sent (macros expand /codes)."""

from __future__ import annotations

from typing import Protocol

from frontdesk.accounts.models import User
from frontdesk.tickets.models import Ticket


class ReplyFilter(Protocol):
    """Turns the text an agent typed into the text sent; may refuse it with `Invalid`."""

    def __call__(self, *, text: str, ticket: Ticket, agent: User) -> str: ...


_FILTERS: list[ReplyFilter] = []


def reply_filter_register(reply_filter: ReplyFilter) -> None:
    """Run `reply_filter` on every reply sent from the ticket page, in the order registered."""
    if reply_filter not in _FILTERS:
        _FILTERS.append(reply_filter)


def reply_text_prepare(*, text: str, ticket: Ticket, agent: User) -> str:
    """The reply as it will be sent: the typed text through every registered filter."""
    for reply_filter in _FILTERS:
        text = reply_filter(text=text, ticket=ticket, agent=agent)
    return text
