"""Reads for live contacts: the visitor queue, a visitor's place in it, how long a visit
takes, and the queue as schedules reads it."""

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
from frontdesk.live.models import Call, Visit


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


def visits_anyone_waiting(*, day: date) -> bool:
    """Whether any visitor of the day waits to be called up."""
    return Visit.objects.filter(day=day, state=VisitState.WAITING).exists()


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


def handling_spans(*, since: datetime) -> dict[str, list[float]]:
    """Seconds each call (answered to ended) and visit (served to done) since `since` took, by
    channel ("phone", "visit"); at most the first 2,000 of each."""
    found: dict[str, list[float]] = {}
    for model, begin, finish, channel in (
        (Call, "answered_at", "ended_at", "phone"),
        (Visit, "served_at", "done_at", "visit"),
    ):
        found[channel] = [
            (b - a).total_seconds()
            # A call or visit the desk closed itself lasted until someone noticed, not as long
            # as its work took.
            for a, b in model.objects.filter(
                **{f"{begin}__gte": since, f"{finish}__isnull": False, "timed_out_at": None}
            ).values_list(begin, finish)[:2000]
            if a and b and b > a
        ]
    return found


def live_minutes_by_ticket(*, since: datetime, until: datetime) -> dict[int, float]:
    """Minutes each call (answered to ended) and visit (served to done) took, by the ticket it
    became, for tickets that came in in [since, until); those the desk closed itself left out."""
    found: dict[int, float] = {}
    for model, begin, finish in (
        (Call, "answered_at", "ended_at"),
        (Visit, "served_at", "done_at"),
    ):
        rows = model.objects.filter(
            ticket__created_at__gte=since,
            ticket__created_at__lt=until,
            timed_out_at=None,
            **{f"{begin}__isnull": False, f"{finish}__isnull": False},
        ).values_list("ticket_id", begin, finish)
        for ticket_id, started, ended in rows.iterator(chunk_size=2000):
            if ended > started:
                found[ticket_id] = (ended - started).total_seconds() / 60
    return found


class ScheduleQueue:
    """The live desk as schedules reads it (its `LiveQueue`), lent in live's AppConfig.ready()."""

    def handling_spans(self, *, since: datetime) -> dict[str, list[float]]:
        """Seconds each call and visit since `since` took, by channel."""
        return handling_spans(since=since)

    def waiting(self, *, day: date) -> int:
        """Visitors of the day who wait to be called up."""
        return visits_waiting(day=day)

    def anyone_waiting(self, *, day: date) -> bool:
        """Whether any visitor of the day waits to be called up."""
        return visits_anyone_waiting(day=day)

    def minutes_each(self) -> float:
        """How long a visit at the desk takes, in minutes."""
        return visit_minutes_each()

    def wait(self, *, ahead: int, agents: int, each_minutes: float) -> timedelta:
        """How long someone with `ahead` visitors before them waits."""
        return visit_wait(ahead=ahead, agents=agents, each_minutes=each_minutes)

    def ahead_of(self, *, visit: object) -> int | None:
        """Visitors before this one while it waits; None once it no longer waits."""
        if not isinstance(visit, Visit) or visit.state != VisitState.WAITING:
            return None
        return visits_ahead(visit=visit)
