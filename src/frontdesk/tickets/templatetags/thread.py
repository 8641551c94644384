"""How a ticket's thread reads: system notes and mail flags worded in the reader's language."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils.translation import gettext as _

from frontdesk.accounts.choices import Assignment
from frontdesk.core.clock import datetime_text, time_text
from frontdesk.engine import mail
from frontdesk.tickets.choices import Status
from frontdesk.tickets.constants import PROBLEM_REPLY, THIRD_PARTY
from frontdesk.tickets.models import Message

register = template.Library()


def _isolated(text: str) -> str:
    """A phone number kept left to right and on one line inside a sentence: in a Hebrew note
    "+372 5555 0101" would otherwise read "0101 5555 372+", or break in two."""
    return "\u2066" + text.replace(" ", "\u00a0") + "\u2069" if text else text


@register.filter
def system_text(message: Message) -> str:
    """A system note in the active language, from what it recorded; its stored English text
    when it recorded nothing this page knows."""
    event = message.event or {}
    code = event.get("code")
    if code == "status" and {event.get("from"), event.get("to")} <= set(Status.values):
        return _("Status: %(old)s → %(new)s") % {
            "old": Status(event["from"]).label,
            "new": Status(event["to"]).label,
        }
    if code == "tags":
        return _("Tags: %(old)s → %(new)s") % {
            "old": ", ".join(event.get("from") or []) or "—",
            "new": ", ".join(event.get("to") or []) or "—",
        }
    if code == "merged_into":
        return _("Merged into %(reference)s") % {"reference": event.get("reference", "")}
    if code == "merged_in":
        return _("Merged %(references)s into this ticket") % {
            "references": ", ".join(event.get("references") or [])
        }
    if code == "custom":
        return "; ".join(
            _("%(label)s: %(old)s → %(new)s")
            % {
                "label": change.get("label", ""),
                "old": _custom_shown(change.get("from")),
                "new": _custom_shown(change.get("to")),
            }
            for change in event.get("changes") or []
            if isinstance(change, dict)
        )
    if code == "assigned":
        if not event.get("name"):
            return _("Assigned to nobody")
        return _("Assigned to %(name)s") % {"name": event["name"]}
    if code == "released":
        return _("%(name)s stepped away: back to the team") % {"name": event.get("name", "")}
    if code == "taken":
        return _("Taken by %(name)s") % {"name": event.get("name", "")}
    if code == "handed_out":
        mode = event.get("mode")
        how = Assignment(mode).label if mode in Assignment.values else ""
        return _("Assigned to %(name)s (%(how)s)") % {"name": event.get("name", ""), "how": how}
    if code == "sla_due":
        return _("SLA due in %(minutes)s min") % {"minutes": event.get("minutes", 0)}
    if code == "sla_breached":
        return _("SLA breached")
    if code == "sla_escalated":
        return _("SLA breached: escalated to the leads")
    if code == "missed_call":
        # Notes from before the instant was kept carry the time as it was written then.
        at = _moment(event.get("at"))
        return _("Missed call at %(time)s: call back %(number)s") % {
            "time": time_text(at) if at else event.get("time", ""),
            "number": _isolated(str(event.get("number", ""))),
        }
    if code == "call_unanswered":
        return _("No answer in %(minutes)s min: call back %(number)s") % {
            "minutes": event.get("minutes", ""),
            "number": _isolated(str(event.get("number", ""))),
        }
    if code == "call_timed_out":
        return _(
            "No hang-up came from the phone system in %(minutes)s min: the call is taken as over"
        ) % {"minutes": event.get("minutes", "")}
    if code == "call_released":
        return _("%(name)s stepped away during the call: call back %(number)s") % {
            "name": event.get("name", ""),
            "number": _isolated(str(event.get("number", ""))),
        }
    if code == "visit_left":
        return _("Visitor %(number)s left before being served") % {
            "number": event.get("number", "")
        }
    if code == "visit_gone":
        return _("Visitor %(number)s was not served in %(minutes)s min: taken as gone") % {
            "number": event.get("number", ""),
            "minutes": event.get("minutes", ""),
        }
    if code == "visit_timed_out":
        return _("Nobody marked the visitor served in %(minutes)s min: the visit is closed") % {
            "minutes": event.get("minutes", "")
        }
    if code == "visit_released":
        return _("%(name)s stepped away: visitor %(number)s waits for the next agent") % {
            "name": event.get("name", ""),
            "number": event.get("number", ""),
        }
    if code == "follow_up":
        due = _moment(event.get("due"))
        return _("Follow-up due %(when)s") % {"when": datetime_text(due) if due else ""}
    if code == "problem_linked":
        return _("Linked to the problem “%(title)s”") % {"title": event.get("title", "")}
    if code == "problem_unlinked":
        return _("Unlinked from the problem “%(title)s”") % {"title": event.get("title", "")}
    if code == "follow_up_overdue":
        return _("Follow-up overdue: escalated to the leads")
    return message.text


# Flags that say how a message was made, not what was wrong with it; a third party's message
# is marked beside its author instead.
UNSHOWN_FLAGS = {"system", "acknowledgement", THIRD_PARTY, PROBLEM_REPLY}


@register.filter
def mail_flags(message: Message) -> list[str]:
    """What was wrong with an incoming message, worded for agents; unknown flags as stored."""
    words = {
        mail.BAD_CHARSET: _("Unknown or wrong character set"),
        mail.BROKEN_MIME: _("Broken MIME structure"),
        mail.NO_MESSAGE_ID: _("No Message-ID"),
        mail.NO_SENDER: _("No sender address to answer"),
        mail.HEADER_INJECTION: _("Line break in a header"),
        mail.EMPTY_ATTACHMENT: _("Empty attachment"),
        mail.NO_TEXT: _("No text"),
        mail.AMBIGUOUS_SENDER: _("Several senders named"),
        mail.MISLEADING_NAME: _("Sender name shows another address"),
        mail.NUL_REMOVED: _("NUL characters removed"),
        mail.TOO_DEEP: _("Parts nested too deeply were not read"),
        "attachment-refused": _("Attachments over the limits were not kept"),
    }
    return [words.get(flag, flag) for flag in message.flags or () if flag not in UNSHOWN_FLAGS]


def _custom_shown(value: object) -> str:
    return "—" if value is None or value == "" else str(value)


def _moment(recorded: object) -> datetime | None:
    """An instant a system note recorded (ISO 8601 with its offset), if it recorded one."""
    if not isinstance(recorded, str):
        return None
    try:
        moment = datetime.fromisoformat(recorded)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
