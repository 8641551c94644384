"""Reads for live contacts: the visitor queue, a visitor's place in it, and how long a visit
takes."""

from __future__ import annotations

from datetime import date, timedelta

from frontdesk.live.choices import VisitState
from frontdesk.live.constants import DEFAULT_VISIT_MINUTES, RECENT_VISITS
from frontdesk.live.models import Visit


def visit_minutes_each() -> float:
    """How long a visit at the desk takes: the median of the last visits served, or the
    default until the desk has served a few."""
    recent = list(
        Visit.objects.filter(done_at__isnull=False, served_at__isnull=False)
        .order_by("-done_at")
        .values_list("served_at", "done_at")[:RECENT_VISITS]
    )
    if len(recent) < 3:
        return DEFAULT_VISIT_MINUTES
    spans = sorted(
        (done - served).total_seconds() / 60 for served, done in recent if served and done
    )
    return max(1.0, spans[len(spans) // 2])


def visit_wait(*, ahead: int, agents: int, each_minutes: float) -> timedelta:
    """How long someone with `ahead` visitors before them waits, the visits shared among the
    agents at the desk (at least one: someone comes back)."""
    return timedelta(minutes=each_minutes * ahead / max(1, agents))


def visits_waiting(*, day: date) -> int:
    """Visitors of the day who wait to be called up."""
    return Visit.objects.filter(day=day, state=VisitState.WAITING).count()


def visits_ahead(*, visit: Visit) -> int:
    """Visitors of the same day, still waiting, who took a number before this one."""
    return Visit.objects.filter(
        day=visit.day, state=VisitState.WAITING, number__lt=visit.number
    ).count()


def visit_of_ticket(*, ticket_id: int) -> Visit | None:
    """The visit a ticket serves, if it is one."""
    return Visit.objects.filter(ticket_id=ticket_id).first()
