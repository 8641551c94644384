"""Reads for live contacts: the visitor queue, a visitor's place in it, and how long a visit
takes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from frontdesk.live.choices import VisitState
from frontdesk.live.constants import (
    DEFAULT_VISIT_MINUTES,
    NUMBER_LINK_SECONDS,
    NUMBER_SALT,
    RECENT_VISITS,
    SCREEN_LANGUAGE_SECONDS,
)
from frontdesk.live.models import Visit


def visit_minutes_each() -> float:
    """How long a visit at the desk takes: the median of the last visits served, or the
    default until the desk has served a few."""
    recent = list(
        Visit.objects.filter(done_at__isnull=False, served_at__isnull=False, timed_out_at=None)
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


def visits_called(*, day: date, limit: int) -> list[Visit]:
    """The day's visitors at the desk now, the one called up last first, with who called them."""
    return list(
        Visit.objects.filter(day=day, state=VisitState.SERVING)
        .select_related("served_by")
        .order_by("-served_at", "-number")[:limit]
    )


def visits_next(*, day: date, limit: int) -> list[int]:
    """The day's numbers that will be called up next, in order."""
    return list(
        Visit.objects.filter(day=day, state=VisitState.WAITING)
        .order_by("number")
        .values_list("number", flat=True)[:limit]
    )


def visit_by_id(*, visit_id: object) -> Visit | None:
    """A visit by the id the kiosk keeps in the tablet's session."""
    if not isinstance(visit_id, int):
        return None
    return Visit.objects.filter(pk=visit_id).first()


def visit_token(*, visit: Visit) -> str:
    """The signed, unguessable part of the address of a visitor's number page."""
    return signing.dumps(visit.pk, salt=NUMBER_SALT)


def visit_by_token(*, token: str) -> Visit | None:
    """The visit a number page's token names, while it is valid; None for a forged or old one."""
    try:
        visit_id = signing.loads(token, salt=NUMBER_SALT, max_age=NUMBER_LINK_SECONDS)
    except signing.BadSignature:
        return None
    return visit_by_id(visit_id=visit_id)


def visit_link_build(*, visit: Visit) -> str:
    """The full address of a visitor's number page, for their phone (a QR code or e-mail)."""
    return settings.PUBLIC_URL + reverse("live:number", args=[visit_token(visit=visit)])


def screen_language(*, asked: str, now: datetime) -> str:
    """The language the waiting-room screen shows now: one of the desk's languages asked for
    (`?lang=he`, or several in turn, `?lang=et,he`), else the desk's default language."""
    known = {code for code, _name in settings.LANGUAGES}
    codes = [code for code in (part.strip() for part in asked.split(",")) if code in known]
    if not codes:
        return str(settings.LANGUAGE_CODE)
    return codes[int(now.timestamp()) // SCREEN_LANGUAGE_SECONDS % len(codes)]


def visit_of_ticket(*, ticket_id: int) -> Visit | None:
    """The visit a ticket serves, if it is one."""
    return Visit.objects.filter(ticket_id=ticket_id).first()
