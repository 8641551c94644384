"""The SLA state of a ticket, as a line on its page."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.core.clock import span_text
from frontdesk.tickets.choices import QUEUED_STATUSES
from frontdesk.tickets.models import Ticket

register = template.Library()


@register.inclusion_tag("tickets/_sla_state.html")
def sla_state(ticket: Ticket) -> dict[str, object]:
    """Where the ticket's service-level clock stands: running, at risk, breached, paused, met."""
    due = ticket.sla_due
    now = timezone.now()
    which = _("solution") if ticket.first_responded_at else _("first answer")
    if due is None or ticket.status not in (*QUEUED_STATUSES, "waiting", "on_hold"):
        return {"state": "none", "text": "", "due": None}
    if ticket.sla_paused_at is not None:
        state, text = "paused", _("paused while waiting")
    elif due <= now:
        minutes = int((now - due).total_seconds() // 60)
        state, text = (
            "breached",
            _("%(which)s overdue by %(span)s")
            % {
                "which": which,
                "span": span_text(minutes),
            },
        )
    else:
        minutes = int((due - now).total_seconds() // 60)
        state = "risk" if ticket.sla_at_risk else "running"
        text = _("%(which)s due in %(span)s") % {"which": which, "span": span_text(minutes)}
    return {"state": state, "text": text, "due": due}
