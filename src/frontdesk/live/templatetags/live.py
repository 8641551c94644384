"""The visit buttons on a ticket page."""

from __future__ import annotations

from django import template

from frontdesk.live.selectors import visit_of_ticket
from frontdesk.tickets.models import Ticket

register = template.Library()


@register.inclusion_tag("live/_visit_controls.html", takes_context=True)
def visit_controls(context: template.Context, ticket: Ticket) -> dict[str, object]:
    """ "Call up" for a waiting visitor, "Served" for one at the desk; nothing for other tickets."""
    visit = visit_of_ticket(ticket_id=ticket.pk) if ticket.channel == "visit" else None
    return {"visit": visit, "ticket": ticket, "csrf_token": context.get("csrf_token")}
