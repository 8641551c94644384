"""The visit buttons on a ticket page, the QR code that takes a visitor's number along, and the
players of a call's recordings."""

from __future__ import annotations

import segno
from django import template
from django.utils.safestring import SafeString, mark_safe

from frontdesk.customers.models import Customer, Interaction
from frontdesk.live.models import Recording
from frontdesk.live.recording_selectors import recordings_by_ticket, recordings_of_ticket
from frontdesk.live.selectors import visit_of_ticket
from frontdesk.tickets.models import Ticket

register = template.Library()


@register.inclusion_tag("live/_visit_controls.html", takes_context=True)
def visit_controls(context: template.Context, ticket: Ticket) -> dict[str, object]:
    """ "Call up" for a waiting visitor, "Served" for one at the desk; nothing for other tickets."""
    visit = visit_of_ticket(ticket_id=ticket.pk) if ticket.channel == "visit" else None
    return {"visit": visit, "ticket": ticket, "csrf_token": context.get("csrf_token")}


@register.simple_tag
def qr_svg(address: str) -> SafeString:
    """An address as a QR code, an inline SVG drawn here (no image service, nothing loaded)."""
    code = segno.make(address, error="m", micro=False)
    # segno writes only path data and its own attributes: nothing of the address is text.
    return mark_safe(code.svg_inline(scale=4, dark="#000", light="#fff", omitsize=True))  # noqa: S308


@register.inclusion_tag("live/_recordings.html")
def call_recordings(
    ticket_id: int, *, compact: bool = False, portal: bool = False
) -> dict[str, object]:
    """A player for each recording of the call a ticket came from: on the ticket page, in a
    line of the customer's timeline (`compact`), or for the customer (`portal`: only the files
    the desk keeps, never the phone system's own addresses)."""
    recordings = recordings_of_ticket(ticket_id=ticket_id)
    if portal:
        recordings = [recording for recording in recordings if recording.file]
    return {"recordings": recordings, "compact": compact, "portal": portal}


@register.inclusion_tag("live/_recordings.html")
def timeline_recordings(entry: Interaction) -> dict[str, object]:
    """A player for each recording of a call on the customer's timeline. The recordings of all
    the customer's calls are read once, with the first call's line, and kept on the customer
    the timeline's entries share, so that a long timeline costs one query, not one a call."""
    recordings = _customer_recordings(entry.customer).get(entry.ticket_id or 0, [])
    return {"recordings": recordings, "compact": True, "portal": False}


def _customer_recordings(customer: Customer) -> dict[int, list[Recording]]:
    # The timeline's entries come from `customer.interactions`, so they share one Customer
    # object, which lives as long as the page's rendering.
    cached: dict[int, list[Recording]] | None = getattr(customer, "_recordings_by_ticket", None)
    if cached is None:
        cached = recordings_by_ticket(customer=customer)
        customer._recordings_by_ticket = cached  # type: ignore[attr-defined]
    return cached


@register.filter
def recording_length(seconds: int) -> str:
    """A recording's length as a player writes it: 2:05, 1:02:05."""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
