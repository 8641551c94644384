"""Service-level clocks that run on business hours: they stop at night, at weekends and on
public holidays, and while the ticket waits on the customer."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from frontdesk.engine.errors import EngineError

# How far ahead a clock may look for business time before it gives up (a calendar with no hours).
HORIZON_DAYS = 3 * 366


class CalendarError(EngineError):
    """A business calendar that cannot be used; the message says why."""


@dataclass(frozen=True)
class BusinessCalendar:
    """When a team works: opening windows per weekday (0 = Monday) in its time zone, and the
    dates it is closed."""

    zone: str = "UTC"
    windows: Mapping[int, tuple[tuple[time, time], ...]] = field(
        default_factory=lambda: {day: ((time(9), time(17)),) for day in range(5)}
    )
    holidays: frozenset[date] = frozenset()

    def validate(self) -> None:
        """Refuse a calendar that would never let a clock run, naming the problem."""
        try:
            ZoneInfo(self.zone)
        except (KeyError, ValueError) as error:
            raise CalendarError("unknown-time-zone", f"unknown time zone {self.zone!r}") from error
        for day, windows in self.windows.items():
            if day not in range(7):
                raise CalendarError(
                    "weekday-out-of-range", f"weekday {day} is not 0 (Monday) to 6 (Sunday)"
                )
            for start, end in windows:
                if start >= end:
                    raise CalendarError(
                        "window-reversed", f"a window must end after it starts ({start}–{end})"
                    )
        if not any(self.windows.get(day) for day in range(7)):
            raise CalendarError(
                "no-opening-window", "business hours need at least one opening window"
            )

    def open_spans(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """The opening windows from `start`'s day on, as aware datetimes, up to the horizon."""
        zone = ZoneInfo(self.zone)
        first = start.astimezone(zone).date()
        for offset in range(HORIZON_DAYS):
            day = first + timedelta(days=offset)
            if day in self.holidays:
                continue
            for opens, closes in sorted(self.windows.get(day.weekday(), ())):
                yield (
                    datetime.combine(day, opens, tzinfo=zone),
                    datetime.combine(day, closes, tzinfo=zone),
                )


def business_add(start: datetime, minutes: float, calendar: BusinessCalendar) -> datetime:
    """The moment `minutes` of business time after `start`."""
    remaining = timedelta(minutes=minutes)
    for opens, closes in _spans_from(start, calendar):
        begin = max(opens, start)
        if begin > closes:
            continue
        if begin + remaining <= closes:
            return begin + remaining
        remaining -= closes - begin
    raise CalendarError("no-hours-within-horizon", f"no business hours within {HORIZON_DAYS} days")


def business_between(start: datetime, end: datetime, calendar: BusinessCalendar) -> timedelta:
    """How much business time lies between two moments (zero if `end` is not after `start`)."""
    total = timedelta(0)
    if end <= start:
        return total
    for opens, closes in _spans_from(start, calendar):
        if opens >= end:
            break
        begin, finish = max(opens, start), min(closes, end)
        if finish > begin:
            total += finish - begin
    return total


def is_open(calendar: BusinessCalendar, at: datetime) -> bool:
    """Whether the calendar is open at the moment `at`."""
    return business_between(at, at + timedelta(seconds=1), calendar) > timedelta(0)


def open_window(calendar: BusinessCalendar, at: datetime) -> tuple[datetime, datetime] | None:
    """The opening window `at` falls in, with the windows that follow it without a gap (a night
    split at midnight is one window), or None when the calendar is closed at `at`."""
    for opens, closes in _joined_spans(at, calendar):
        if opens > at:
            return None
        if at < closes:
            return opens, closes
    return None


def next_opening(calendar: BusinessCalendar, at: datetime) -> datetime | None:
    """The first moment after `at` at which the calendar opens (not a window that only carries
    on an open one), or None if it never does within the horizon."""
    return next((opens for opens, _closes in _joined_spans(at, calendar) if opens > at), None)


def _joined_spans(
    start: datetime, calendar: BusinessCalendar
) -> Iterator[tuple[datetime, datetime]]:
    # Stored hours end at 23:59 at the latest, so a night across midnight has a minute's gap.
    joined: tuple[datetime, datetime] | None = None
    for opens, closes in _spans_from(start, calendar):
        if joined is not None and opens <= joined[1] + timedelta(minutes=1):
            joined = (joined[0], max(joined[1], closes))
            continue
        if joined is not None:
            yield joined
        joined = (opens, closes)
    if joined is not None:
        yield joined


def _spans_from(start: datetime, calendar: BusinessCalendar) -> Iterator[tuple[datetime, datetime]]:
    if start.tzinfo is None:
        raise CalendarError("no-time-zone", "times must carry a time zone")
    # A window of the day before can still be open at `start` (a night shift past midnight is
    # two windows, so one day back is enough).
    return calendar.open_spans(start - timedelta(days=1))


@dataclass(frozen=True)
class SlaTargets:
    """Minutes of business time allowed for the first answer and for the solution, per level."""

    first_response: Mapping[int, int] = field(
        default_factory=lambda: {1: 60, 2: 240, 3: 480, 4: 480}
    )
    resolution: Mapping[int, int] = field(
        default_factory=lambda: {1: 480, 2: 1440, 3: 2400, 4: 2400}
    )


# At most this share of a level's target is its warning stretch ("at risk"): a level-1 ticket
# answered within the hour is not at risk the minute it arrives.
WARNING_SHARE = 0.25


def warning_window(target_minutes: float, warning_minutes: float) -> timedelta:
    """How long before a due its ticket counts as at risk: the lead's warning minutes, but
    never more than a quarter of the target."""
    return timedelta(minutes=min(warning_minutes, target_minutes * WARNING_SHARE))


@dataclass(frozen=True)
class Dues:
    """When a ticket's first answer and solution are due."""

    first_response: datetime
    resolution: datetime


def dues_for(
    *,
    opened: datetime,
    level: int,
    targets: SlaTargets,
    calendar: BusinessCalendar,
    paused: timedelta = timedelta(0),
) -> Dues:
    """The ticket's dues: its level's targets counted in business time from when it was opened,
    pushed back by the business time it has spent paused."""
    extra = paused.total_seconds() / 60
    return Dues(
        first_response=business_add(opened, targets.first_response[level] + extra, calendar),
        resolution=business_add(opened, targets.resolution[level] + extra, calendar),
    )
