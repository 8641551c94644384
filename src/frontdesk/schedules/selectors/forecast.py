"""Reads for schedules' forecast: the load the desk can expect, the agents it needs, and how
the planned shifts and breaks cover it (the lead's week)."""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TypedDict

from django.conf import settings
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.core.clock import desk_zone
from frontdesk.engine.breaks import Shift, Shortfall, shortfalls, staffed
from frontdesk.engine.sla import business_between
from frontdesk.engine.staffing import StaffingError, agents_needed
from frontdesk.schedules.adapters import breaks_within
from frontdesk.schedules.constants import (
    DEFAULT_HANDLING_SECONDS,
    FORECAST_WEEKS,
    INTERVAL,
    WRITTEN_TARGET_SECONDS,
)
from frontdesk.schedules.models import Break
from frontdesk.schedules.registry import live_queue
from frontdesk.schedules.selectors.shifts import (
    breaks_between,
    shifts_between,
    span_shifts,
    week_bounds,
)
from frontdesk.sla.selectors import calendar_for
from frontdesk.tickets.selectors import ticket_arrivals

LIVE_CHANNELS = ("phone", "visit")
WRITTEN_CHANNELS = ("email", "web", "chat")


@dataclass(frozen=True)
class Load:
    """The contacts expected in one interval, per hour, and how long each takes."""

    live_per_hour: float
    live_seconds: float
    written_per_hour: float
    written_seconds: float


def handling_seconds() -> dict[str, float]:
    """Average handling time per kind of contact, from the desk's own history where it has
    enough of it (calls answered to ended, visits served to done), else the defaults."""
    since = timezone.now() - timedelta(weeks=FORECAST_WEEKS)
    found: dict[str, float] = dict(DEFAULT_HANDLING_SECONDS)
    for channel, spans in live_queue().handling_spans(since=since).items():
        if len(spans) >= 5:
            found[channel] = sum(spans) / len(spans)
    return found


def forecast(
    *, start: datetime, end: datetime, now: datetime | None = None
) -> dict[datetime, Load]:
    """The expected load of each interval from start to end: the average of the same weekday
    and time of day over the last weeks of the desk's own contacts, per channel."""
    now = now or timezone.now()
    zone = desk_zone()
    since = now - timedelta(weeks=FORECAST_WEEKS)
    slots: Counter[tuple[int, int, str]] = Counter()
    for created, channel in ticket_arrivals(since=since, until=now):
        local = created.astimezone(zone)
        slots[(local.weekday(), _slot_of(local), channel)] += 1
    hours = INTERVAL.total_seconds() / 3600
    seconds = handling_seconds()
    live_seconds = _mean_of(seconds, LIVE_CHANNELS, slots)
    written_seconds = _mean_of(seconds, WRITTEN_CHANNELS, slots)
    loads: dict[datetime, Load] = {}
    for at in intervals(start, end):
        local = at.astimezone(zone)
        key = (local.weekday(), _slot_of(local))
        live = sum(slots[(*key, c)] for c in LIVE_CHANNELS) / FORECAST_WEEKS / hours
        written = sum(slots[(*key, c)] for c in WRITTEN_CHANNELS) / FORECAST_WEEKS / hours
        loads[at] = Load(live, live_seconds, written, written_seconds)
    return loads


def _slot_of(local: datetime) -> int:
    return (local.hour * 60 + local.minute) // int(INTERVAL.total_seconds() // 60)


def _mean_of(
    seconds: dict[str, float], channels: tuple[str, ...], slots: Counter[tuple[int, int, str]]
) -> float:
    # Weighted by how many contacts each channel brings, so a rare channel does not dominate.
    counts = {c: sum(n for (_d, _s, channel), n in slots.items() if channel == c) for c in channels}
    total = sum(counts.values())
    if not total:
        return sum(seconds[c] for c in channels) / len(channels)
    return sum(seconds[c] * n for c, n in counts.items()) / total


def interval_floor(moment: datetime) -> datetime:
    """The start of the interval `moment` falls in, in UTC (quarter hours from the epoch)."""
    step = int(INTERVAL.total_seconds())
    return datetime.fromtimestamp(int(moment.timestamp()) // step * step, tz=UTC)


def intervals(start: datetime, end: datetime) -> list[datetime]:
    """The starts of the intervals covering [start, end), on whole quarter hours (UTC)."""
    # In UTC: adding quarter hours to a local time would count wall-clock time across DST.
    first = interval_floor(start)
    count = max(0, math.ceil((end - first) / INTERVAL))
    return [first + INTERVAL * n for n in range(count)]


def agents_required(load: Load) -> int:
    """Agents one interval needs: Erlang C on the desk's targets for calls and visits, and for
    written work with an hour to answer, at most the desk's occupancy."""
    return _agents_for(
        load,
        settings.STAFFING_TARGET_PERCENT,
        settings.STAFFING_TARGET_SECONDS,
        settings.STAFFING_MAX_OCCUPANCY_PERCENT,
    )


def agents_for_rates(*, per_hour: Mapping[str, float], seconds: Mapping[str, float]) -> int:
    """Agents needed for contacts arriving at these rates (per hour, by channel) with these
    handling times (`handling_seconds()`), by the same Erlang C as the forecast."""

    def mean_seconds(channels: tuple[str, ...]) -> float:
        total = sum(per_hour.get(c, 0.0) for c in channels)
        if not total:
            return 0.0
        return sum(seconds[c] * per_hour.get(c, 0.0) for c in channels) / total

    return agents_required(
        Load(
            live_per_hour=sum(per_hour.get(c, 0.0) for c in LIVE_CHANNELS),
            live_seconds=mean_seconds(LIVE_CHANNELS),
            written_per_hour=sum(per_hour.get(c, 0.0) for c in WRITTEN_CHANNELS),
            written_seconds=mean_seconds(WRITTEN_CHANNELS),
        )
    )


@functools.lru_cache(maxsize=4096)
def _agents_for(load: Load, percent: int, target_seconds: int, occupancy_percent: int) -> int:
    # A week has 672 quarter hours and many share a load (the empty night ones all do).
    occupancy = occupancy_percent / 100
    needed = 0
    for rate, seconds, target in (
        (load.live_per_hour, load.live_seconds, target_seconds),
        (load.written_per_hour, load.written_seconds, WRITTEN_TARGET_SECONDS),
    ):
        if rate <= 0:
            continue
        try:
            needed += agents_needed(
                rate_per_hour=rate,
                aht_seconds=seconds,
                target_level=percent / 100,
                target_seconds=target,
                max_occupancy=occupancy,
            ).agents
        except StaffingError:
            # Only a load beyond any staffing fails here; ask for everyone the load implies.
            needed += math.ceil(rate * seconds / 3600 / occupancy)
    return needed


def requirement(
    *, start: datetime, end: datetime, now: datetime | None = None
) -> dict[datetime, int]:
    """Agents needed in each interval from start to end, by the forecast; nobody while the desk
    is closed (what is written at night is answered when it opens, and nobody can call then)."""
    loads = forecast(start=start, end=end, now=now)
    calendar = calendar_for(team_id=None)
    return {
        at: agents_required(load) if business_between(at, at + INTERVAL, calendar) else 0
        for at, load in loads.items()
    }


@dataclass(frozen=True)
class Coverage:
    """Staffing against the requirement over a span, interval by interval."""

    intervals: list[datetime]
    required: dict[datetime, int]
    staffed: dict[datetime, int]
    shortfalls: tuple[Shortfall, ...]


def coverage(*, start: datetime, end: datetime) -> Coverage:
    """How the planned shifts and breaks cover the forecast from start to end (widened to whole
    intervals)."""
    slots = intervals(start, end)
    if not slots:
        return Coverage(intervals=[], required={}, staffed={}, shortfalls=())
    start, end = slots[0], slots[-1] + INTERVAL
    shifts = shifts_between(start=start - timedelta(days=1), end=end)
    planned = breaks_within(shifts, breaks_between(start=start, end=end))
    required = requirement(start=start, end=end)
    counted = staffed(shifts=shifts, breaks=planned, start=start, end=end, interval=INTERVAL)
    return Coverage(
        intervals=list(required),
        required=required,
        staffed={at: counted.get(at, 0) for at in required},
        shortfalls=shortfalls(shifts=shifts, breaks=planned, required=required, interval=INTERVAL),
    )


class WeekCell(TypedDict):
    """One agent's shifts on one day of the week, and their breaks."""

    shifts: list[Shift]
    breaks: list[Break]


class WeekRow(TypedDict):
    """One agent's week: a cell for each of the seven days."""

    agent: User
    cells: list[WeekCell]


class HourCover(TypedDict):
    """One hour of a day: the most agents needed and the fewest at work in any of its quarters."""

    hour: int
    required: int
    staffed: int


class DayCover(TypedDict):
    """One day's 24 hours of cover."""

    day: date
    hours: list[HourCover]


@dataclass(frozen=True)
class WeekPlan:
    """The lead's week: each agent's shifts and breaks per day, and coverage per hour."""

    days: list[date]
    rows: list[WeekRow]  # one per agent
    hours: list[DayCover]  # one per day
    shortfalls: int  # quarter hours below the need


def week_plan(*, monday: date, agents: Iterable[User]) -> WeekPlan:
    """Shifts, breaks and coverage of the week starting `monday`, for the lead's week page."""
    start, end = week_bounds(monday)
    zone = desk_zone()
    days = [monday + timedelta(days=n) for n in range(7)]
    week = span_shifts(start=start, end=end)
    # Grouped by (agent, local day) in one pass: a desk of 200 has thousands of each a week. A
    # shift is its starting day's, and so are its breaks, past midnight too.
    shifts: dict[tuple[int, date], list[Shift]] = {}
    for shift in week.own:
        shifts.setdefault((shift.agent_id, shift.start.astimezone(zone).date()), []).append(shift)
    breaks: dict[tuple[int, date], list[Break]] = {}
    for row, shift_start in week.breaks:
        breaks.setdefault((row.agent_id, shift_start.astimezone(zone).date()), []).append(row)
    rows: list[WeekRow] = [
        {
            "agent": agent,
            "cells": [
                {"shifts": shifts.get((agent.pk, d), []), "breaks": breaks.get((agent.pk, d), [])}
                for d in days
            ],
        }
        for agent in agents
    ]
    covered = coverage(start=start, end=end)
    by_hour: dict[tuple[date, int], list[datetime]] = {}
    for at in covered.intervals:
        local = at.astimezone(zone)
        by_hour.setdefault((local.date(), local.hour), []).append(at)
    hours: list[DayCover] = []
    for day in days:
        day_hours: list[HourCover] = []
        for hour in range(24):
            slots = by_hour.get((day, hour), [])
            day_hours.append(
                {
                    "hour": hour,
                    "required": max((covered.required[at] for at in slots), default=0),
                    "staffed": min((covered.staffed[at] for at in slots), default=0),
                }
            )
        hours.append({"day": day, "hours": day_hours})
    return WeekPlan(days=days, rows=rows, hours=hours, shortfalls=len(covered.shortfalls))
