"""What apps above tickets lend it: the desk's status, worded for an acknowledgement, and lines
about the ticket itself (problems: "we know of this problem"). Schedules and problems fill them
in their AppConfig.ready(), so that tickets, below them, never imports them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frontdesk.tickets.models import Ticket

_status_texts: list[Callable[[], str]] = []


def acknowledgement_status_register(text: Callable[[], str]) -> None:
    """Lend tickets the desk's status for acknowledgements (once, from an AppConfig.ready())."""
    _status_texts[:] = [text]


def acknowledgement_status_text() -> str:
    """The desk's status for an acknowledgement, in the active language; empty when no app
    lends one."""
    return _status_texts[0]() if _status_texts else ""


_ticket_lines: list[Callable[[Ticket], str]] = []


def acknowledgement_line_register(line: Callable[[Ticket], str]) -> None:
    """Lend tickets a line about the ticket for its acknowledgement (from an AppConfig.ready())."""
    if line not in _ticket_lines:
        _ticket_lines.append(line)


def acknowledgement_lines(ticket: Ticket) -> list[str]:
    """The lines apps lend about this ticket for its acknowledgement, in the active language;
    the empty ones left out."""
    return [text for text in (line(ticket) for line in _ticket_lines) if text]
