"""Reads for live contacts: the visitor queue and its expected wait."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from frontdesk.live.choices import VisitState
from frontdesk.live.models import Visit
from frontdesk.routing.choices import Presence
from frontdesk.routing.models import AgentPresence

# Until the desk has served a few visitors, a visit is taken to last this long.
DEFAULT_VISIT_MINUTES = 10


def visit_expected_wait(*, visit: Visit) -> timedelta:
    """How long the visitor will likely wait: the visitors before them, times the recent median
    visit, shared among the agents at the desk."""
    ahead = Visit.objects.filter(
        day=visit.day, state=VisitState.WAITING, number__lt=visit.number
    ).count()
    return _wait_behind(ahead)


def visit_expected_wait_for_new() -> timedelta:
    """How long a visitor taking a number now would likely wait."""
    waiting = Visit.objects.filter(day=timezone.localdate(), state=VisitState.WAITING).count()
    return _wait_behind(waiting)


def _wait_behind(ahead: int) -> timedelta:
    recent = list(
        Visit.objects.filter(done_at__isnull=False, served_at__isnull=False)
        .order_by("-done_at")
        .values_list("served_at", "done_at")[:20]
    )
    minutes: float = DEFAULT_VISIT_MINUTES
    if len(recent) >= 3:
        spans = sorted(
            (done - served).total_seconds() / 60 for served, done in recent if served and done
        )
        minutes = max(1.0, spans[len(spans) // 2])
    serving = AgentPresence.objects.filter(state__in=[Presence.AVAILABLE, Presence.VISITOR]).count()
    return timedelta(minutes=minutes * ahead / max(1, serving))


def visit_of_ticket(*, ticket_id: int) -> Visit | None:
    """The visit a ticket serves, if it is one."""
    return Visit.objects.filter(ticket_id=ticket_id).first()
