"""Reads for schedules' shifts and breaks: who works when, the breaks in a span, the weeks, and
the breaks that are due."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.core.clock import desk_zone
from frontdesk.engine.breaks import Shift
from frontdesk.schedules.choices import BreakKind
from frontdesk.schedules.models import Break, ShiftChange, ShiftPattern


def _aware(day: date, at: time, zone: str) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(zone))


def _span(day: date, start: time, end: time, zone: str) -> tuple[datetime, datetime]:
    # An end at or before the start is the next morning: the shift runs past midnight. In UTC,
    # so that end - start is the real length across a change of clocks.
    begins = _aware(day, start, zone)
    ends = _aware(day + timedelta(days=1) if end <= start else day, end, zone)
    return begins.astimezone(UTC), ends.astimezone(UTC)


def shifts_between(
    *, start: datetime, end: datetime, agent_ids: Collection[int] | None = None
) -> list[Shift]:
    """Every shift that overlaps [start, end): the weekly patterns, with one-off changes
    replacing the pattern on their day; ordered by agent and start."""
    patterns = ShiftPattern.objects.filter(agent__is_active=True)
    changes = ShiftChange.objects.filter(
        day__gte=(start - timedelta(days=2)).date(), day__lte=(end + timedelta(days=1)).date()
    )
    if agent_ids is not None:
        patterns = patterns.filter(agent_id__in=agent_ids)
        changes = changes.filter(agent_id__in=agent_ids)
    changed = {(c.agent_id, c.day): c for c in changes}
    spans: list[Shift] = []
    for pattern in patterns:
        zone = ZoneInfo(pattern.time_zone)
        first = start.astimezone(zone).date() - timedelta(days=1)
        last = end.astimezone(zone).date()
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            if day.weekday() != pattern.weekday or (pattern.agent_id, day) in changed:
                continue
            if pattern.valid_from and day < pattern.valid_from:
                continue
            if pattern.valid_until and day > pattern.valid_until:
                continue
            begins, ends = _span(day, pattern.start, pattern.end, pattern.time_zone)
            spans.append(Shift(agent_id=pattern.agent_id, start=begins, end=ends))
    for change in changed.values():
        if change.off or change.start is None or change.end is None:
            continue
        begins, ends = _span(change.day, change.start, change.end, change.time_zone)
        spans.append(Shift(agent_id=change.agent_id, start=begins, end=ends))
    return sorted(
        (s for s in spans if s.start < end and s.end > start), key=lambda s: (s.agent_id, s.start)
    )


def breaks_between(*, start: datetime, end: datetime) -> QuerySet[Break]:
    """Breaks that overlap [start, end), with their agents; an ended break counts to its end."""
    return (
        Break.objects.filter(start__lt=end, end__gt=start)
        .exclude(ended_at__isnull=False, ended_at__lte=start)
        .select_related("agent")
    )


def week_start(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


def week_bounds(monday: date) -> tuple[datetime, datetime]:
    """The week from Monday 00:00 to the next Monday, in the desk's time zone."""
    start = datetime.combine(monday, time(0), tzinfo=desk_zone())
    return start, datetime.combine(monday + timedelta(days=7), time(0), tzinfo=desk_zone())


@dataclass(frozen=True)
class SpanShifts:
    """The shifts that start in a span (a week's own), every break that belongs to them, and the
    shifts around them that share some of their time."""

    own: list[Shift]
    around: list[Shift]  # start outside the span: last Sunday's night shift, next Monday's
    # (the break, when the shift it belongs to starts): a break belongs to the shift it starts
    # in, past midnight and past the span's end too; one in no shift, to its own start.
    breaks: list[tuple[Break, datetime]]
    reach: tuple[datetime, datetime]  # from the span's start to the end of its last own shift


def span_shifts(
    *, start: datetime, end: datetime, agent_ids: Collection[int] | None = None
) -> SpanShifts:
    """The shifts that start in [start, end), with the breaks that belong to them: a night
    shift's breaks after midnight are its day's, and a week's Sunday night is that week's."""
    own = [s for s in shifts_between(start=start, end=end, agent_ids=agent_ids) if start <= s.start]
    reach_end = max([end, *(s.end for s in own)])
    every = shifts_between(start=start, end=reach_end, agent_ids=agent_ids)
    by_agent: dict[int, list[Shift]] = {}
    for shift in every:
        by_agent.setdefault(shift.agent_id, []).append(shift)
    rows = Break.objects.filter(start__lt=reach_end, end__gt=start).order_by("start")
    if agent_ids is not None:
        rows = rows.filter(agent_id__in=agent_ids)
    owned = []
    for row in rows:
        holder = next(
            (s for s in by_agent.get(row.agent_id, []) if s.start <= row.start < s.end), None
        )
        begins = holder.start if holder is not None else row.start
        if start <= begins < end:
            owned.append((row, begins))
    return SpanShifts(
        own=own,
        around=[s for s in every if not start <= s.start < end],
        breaks=owned,
        reach=(start, reach_end),
    )


def within_warning(start: datetime, now: datetime) -> bool:
    """Whether a break starting at `start` is within the warning time of `now` (or begun)."""
    return start - now <= timedelta(minutes=settings.BREAK_WARNING_MINUTES)


def break_next_for(*, agent: User, now: datetime) -> Break | None:
    """The agent's break going on now, or the next one in the coming day."""
    return (
        Break.objects.filter(agent=agent, end__gt=now, start__lt=now + timedelta(days=1))
        .filter(ended_at__isnull=True)
        .order_by("start")
        .first()
    )


def minutes_to_break(*, agent: User, now: datetime | None = None) -> int | None:
    """Whole minutes until the agent's next break when it starts within the warning time
    (what they can still take on), else None."""
    now = now or timezone.now()
    upcoming = break_next_for(agent=agent, now=now)
    if upcoming is None or upcoming.start <= now:
        return None
    if not within_warning(upcoming.start, now):
        return None
    return int((upcoming.start - now).total_seconds() // 60)


def breaks_to_warn(*, now: datetime) -> QuerySet[Break]:
    """Planned breaks starting within the warning time whose queue has not been warned."""
    warn = timedelta(minutes=settings.BREAK_WARNING_MINUTES)
    return Break.objects.filter(
        kind=BreakKind.PLANNED, warned_at__isnull=True, start__gt=now, start__lte=now + warn
    )


def breaks_starting(*, now: datetime) -> QuerySet[Break]:
    """Breaks whose time has come and that have not been started."""
    return Break.objects.filter(
        start__lte=now, end__gt=now, started_at__isnull=True, ended_at__isnull=True
    ).select_related("agent")


def breaks_over(*, now: datetime) -> QuerySet[Break]:
    """Breaks whose end has passed and that have not been closed."""
    return Break.objects.filter(end__lte=now, ended_at__isnull=True).select_related("agent")


def agent_week(*, agent: User, day: date) -> tuple[list[Shift], list[Break]]:
    """An agent's shifts that start in the week of `day` (in the desk's time zone), and their
    breaks (a Sunday night's after midnight too)."""
    start, end = week_bounds(week_start(day))
    week = span_shifts(start=start, end=end, agent_ids=[agent.pk])
    return week.own, [row for row, _shift_start in week.breaks]
