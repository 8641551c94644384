"""The visit buttons on a ticket page, and the QR code that takes a visitor's number along."""

from __future__ import annotations

import segno
from django import template
from django.utils.safestring import SafeString, mark_safe

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
