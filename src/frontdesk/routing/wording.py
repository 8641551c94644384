"""How the queue's reasons and waiting times read in each page language."""

from __future__ import annotations

from django.utils.translation import gettext as _

from frontdesk.core.clock import span_text
from frontdesk.engine.answers import ANSWER_REASON
from frontdesk.engine.queue import QueueReason
from frontdesk.tickets.adapters import level_one_reason, reasons_from_rows
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.wording import reason_text


def _answered_before(ticket: Ticket) -> str:
    codes = [r.detail for r in reasons_from_rows(ticket.reasons) if r.code == ANSWER_REASON]
    return codes[0] if codes else ""


def queue_reason_text(reason: QueueReason, ticket: Ticket) -> str:
    """One reason for a ticket's place, in the active language."""
    span = span_text(reason.minutes or 0)
    if reason.code == "level1":
        why = level_one_reason(ticket)
        return _("level 1: %(why)s") % {"why": reason_text(why)} if why else _("level 1")
    if reason.code == "quick":
        answered = _answered_before(ticket)
        if answered:
            # The macro the question was matched to: the card says which answer settles it.
            return _("quick win, answered before: /%(code)s") % {"code": answered}
        if reason.minutes:
            return _("quick win ~%(minutes)s min") % {"minutes": reason.minutes}
        return _("quick win")
    if reason.code == "effort":
        return _("about %(minutes)s min of work") % {"minutes": reason.minutes}
    texts = {
        "live": _("live contact"),
        "callback": _("call-back for a missed call"),
        "follow-up": _("follow-up due"),
        "sla-due": _("SLA due in %(span)s") % {"span": span},
        "sla-breached": _("SLA breached %(span)s ago") % {"span": span},
        "key": _("key customer"),
        "level2": _("new customer"),
        "waiting": _("waiting %(span)s") % {"span": span},
    }
    return texts.get(reason.code, reason.text())
