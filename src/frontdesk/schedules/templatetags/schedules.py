"""The break bar on agents' pages, and the desk's status card for customers."""

from __future__ import annotations

from datetime import timedelta

from django import template
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.core.clock import desk_zone
from frontdesk.schedules.choices import PlaybookMoment, StepAwayReason
from frontdesk.schedules.selectors import (
    DeskStatus,
    StatusLine,
    break_next_for,
    desk_status,
    moments_for,
    within_warning,
)
from frontdesk.schedules.wording import status_line_text

register = template.Library()


@register.inclusion_tag("schedules/_break_bar.html", takes_context=True)
def break_bar(context: template.Context) -> dict[str, object]:
    """What the agent should know about their next break, and the buttons around it."""
    request = context["request"]
    now = timezone.now()
    upcoming = break_next_for(agent=request.user, now=now)
    current = upcoming if upcoming is not None and upcoming.start <= now else None
    minutes = int((upcoming.start - now).total_seconds() // 60) if upcoming and not current else 0
    soon = upcoming is not None and not current and within_warning(upcoming.start, now)
    moments = moments_for(agent=request.user, now=now, upcoming=upcoming) if upcoming else []
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "current": current,
        "upcoming": upcoming if upcoming and upcoming.start - now <= timedelta(hours=2) else None,
        "minutes": minutes,
        "soon": soon,
        "moments": [(m, PlaybookMoment(m).label) for m in moments],
        "reasons": StepAwayReason.choices,
        "zone": str(desk_zone()),
    }


@register.inclusion_tag("schedules/_desk_status.html")
def desk_status_card(
    full: bool = False,
    agent: object = None,
    status: DeskStatus | None = None,
    visitor: bool = False,
) -> dict[str, object]:
    """The desk's status for customers; with `agent`, also that agent's break (the one who
    answers this customer). A page that read the status already passes it. A visitor who has
    a number (`visitor`) sees their own wait on the page, so the card leaves out the wait for
    someone taking a number now."""
    if status is None:
        status = desk_status(agent=agent if isinstance(agent, User) else None)
    return {"status": status, "full": full, "visitor": visitor}


@register.filter
def status_text(line: StatusLine, zone: str) -> str:
    """A status line in the active language: {{ line|status_text:status.zone }}."""
    return status_line_text(line=line, zone=zone)
