"""The lead's reports: what the desk's work came to over a span of days, as figures.

The rows come from the apps that own them (tickets, journal, schedules' Erlang C), each in one
query whatever the number of tickets; the medians and 90th percentiles are computed here in
Python, so SQLite and PostgreSQL give the same numbers. The 90th percentile is the nearest-rank
one the simulator uses (the smallest time that 90% of the tickets did not exceed), so a what-if
and a report speak of the same thing.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

from django.utils.translation import gettext as _

from frontdesk.accounts.selectors import names_of
from frontdesk.core.clock import desk_midnight, desk_zone
from frontdesk.core.errors import Invalid
from frontdesk.engine.simulation.summary import percentile
from frontdesk.journal.selectors import PromisesKept, follow_ups_kept_between
from frontdesk.reports.constants import BACKLOG_AGES, DEFAULT_DAYS, MAX_DAYS
from frontdesk.satisfaction.selectors import RatingRow, ratings_between
from frontdesk.schedules.selectors.forecast import agents_for_rates, handling_seconds
from frontdesk.tickets.choices import Channel, Level
from frontdesk.tickets.report_selectors import (
    TicketTimes,
    backlog_by_age,
    holding_replies_between,
    ticket_times_between,
)

SEGMENTS = ("key", "new", "returning")
G = TypeVar("G")


@dataclass(frozen=True)
class Period:
    """The stretch of time a report covers, from `start` up to (not including) `end`."""

    start: datetime
    end: datetime

    @property
    def days(self) -> float:
        return (self.end - self.start) / timedelta(days=1)


@dataclass(frozen=True)
class Span:
    """A report's days, the first and the last both included, on the desk's clock."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def period(self) -> Period:
        return Period(desk_midnight(self.first), desk_midnight(self.last + timedelta(days=1)))


def report_span(*, first: date | None, last: date | None, today: date) -> Span:
    """The days a report covers: as asked, else the last week up to today; `Invalid` when the
    first comes after the last or the span is longer than MAX_DAYS."""
    last = last or (today if first is None else min(today, first + timedelta(DEFAULT_DAYS - 1)))
    first = first or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise Invalid(_("The first day comes after the last one."))
    if (last - first).days + 1 > MAX_DAYS:
        raise Invalid(_("A report covers at most %(days)d days.") % {"days": MAX_DAYS})
    return Span(first=first, last=last)


def _moment(raw: str, name: str) -> datetime:
    try:
        found = datetime.fromisoformat(raw)
    except ValueError:
        raise Invalid(
            _("%(name)s is no ISO 8601 date or time: %(value)s") % {"name": name, "value": raw}
        ) from None
    if "T" not in raw.upper() and " " not in raw:
        return desk_midnight(found.date())  # a date: its start on the desk's clock
    if found.tzinfo is None:
        raise Invalid(_("%(name)s needs its offset from UTC, e.g. +02:00 or Z.") % {"name": name})
    return found


def report_period(*, since: str | None, until: str | None, now: datetime) -> Period:
    """The time a report asked through the API covers, from ISO 8601 dates (a date: its start
    on the desk's clock) or date-times with offsets: [since, until), by default the last
    DEFAULT_DAYS days up to now; `Invalid` when unreadable, empty or longer than MAX_DAYS."""
    end = _moment(until, "until") if until else now
    start = _moment(since, "since") if since else end - timedelta(days=DEFAULT_DAYS)
    if start >= end:
        raise Invalid(_("since must come before until."))
    if end - start > timedelta(days=MAX_DAYS):
        raise Invalid(_("A report covers at most %(days)d days.") % {"days": MAX_DAYS})
    return Period(start=start, end=end)


@dataclass(frozen=True)
class Times:
    """How long a set of tickets took, in minutes: how many, the median and the 90th
    percentile (None when there are none)."""

    count: int
    median_minutes: float | None
    p90_minutes: float | None


def times_of(minutes: Iterable[float]) -> Times:
    """The count, median and nearest-rank 90th percentile of these minutes, to 0.1 minute."""
    found = list(minutes)
    if not found:
        return Times(count=0, median_minutes=None, p90_minutes=None)
    return Times(
        count=len(found),
        median_minutes=round(statistics.median(found), 1),
        p90_minutes=round(percentile(found, 0.9), 1),
    )


@dataclass(frozen=True)
class Group:
    """One channel's, level's, team's or agent's share: contacts created and solved in the
    span, the first-response time of those created, the resolution time of those solved."""

    created: int
    solved: int
    first_response: Times
    resolution: Times


@dataclass(frozen=True)
class SlaCount:
    """Tickets created in the span that have an SLA: solved within every due (attained), past a
    due (breached), or neither yet (running)."""

    attained: int = 0
    breached: int = 0
    running: int = 0


@dataclass(frozen=True)
class HourLoad:
    """One hour of the day over the span: contacts per day that came in within it, and the
    agents Erlang C says that load needs (as the schedule's forecast counts them)."""

    hour: int
    contacts_per_day: float
    agents_needed: int


@dataclass(frozen=True)
class DayCount:
    """One day of the period on the desk's clock: contacts created and tickets solved."""

    day: date
    created: int
    solved: int


@dataclass(frozen=True)
class Ratings:
    """Customers' ratings given in the span, each ticket's latest once: how many, good, bad,
    and the share of good ones in percent (None when nobody rated)."""

    rated: int
    good: int
    bad: int
    good_percent: float | None


def ratings_of(rows: Iterable[RatingRow]) -> Ratings:
    """How many of these ratings were good and bad, and the good ones' share, to 0.1%."""
    found = list(rows)
    good = sum(1 for row in found if row.good)
    share = round(100 * good / len(found), 1) if found else None
    return Ratings(rated=len(found), good=good, bad=len(found) - good, good_percent=share)


def _ratings_by(
    rows: list[RatingRow], key: Callable[[RatingRow], Hashable]
) -> dict[Hashable, Ratings]:
    grouped: dict[Hashable, list[RatingRow]] = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return {name: ratings_of(group) for name, group in grouped.items()}


@dataclass(frozen=True)
class Report:
    """Every figure of the lead's reports for one span."""

    period: Period
    created: int
    solved: int
    backlog: int
    backlog_ages: list[int]  # per BACKLOG_AGES, then older
    first_response: Times
    resolution: Times
    by_channel: dict[str, Group]
    by_level: dict[int, Group]
    by_team: dict[str | None, Group]  # by team name; None: no team
    by_agent: dict[str | None, Group]  # by agent name; None: nobody's
    sla: SlaCount
    sla_by_level: dict[int, SlaCount]
    per_hour: list[HourLoad]
    per_day: list[DayCount]  # every day of the period, on the desk's clock
    segments: dict[str, int]  # contacts created, per SEGMENTS
    holding_replies: tuple[int, int]  # (by agents, by the desk itself)
    promises: PromisesKept
    satisfaction: Ratings
    satisfaction_by_channel: dict[str, Ratings]
    satisfaction_by_level: dict[int, Ratings]
    satisfaction_by_agent: dict[str | None, Ratings]  # by agent name; None: nobody's


def _minutes(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds() / 60


def _within(moment: datetime | None, period: Period) -> bool:
    return moment is not None and period.start <= moment < period.end


def _groups(
    rows: list[TicketTimes], period: Period, key: Callable[[TicketTimes], Hashable]
) -> dict[Hashable, Group]:
    created: dict[Hashable, list[TicketTimes]] = defaultdict(list)
    solved: dict[Hashable, list[TicketTimes]] = defaultdict(list)
    for row in rows:
        if _within(row.created_at, period):
            created[key(row)].append(row)
        if _within(row.solved_at, period):
            solved[key(row)].append(row)
    return {
        name: Group(
            created=len(created[name]),
            solved=len(solved[name]),
            first_response=times_of(
                _minutes(r.first_responded_at, r.created_at)
                for r in created[name]
                if r.first_responded_at is not None
            ),
            resolution=times_of(
                _minutes(r.solved_at, r.created_at) for r in solved[name] if r.solved_at is not None
            ),
        )
        for name in {*created, *solved}
    }


def _sla_state(row: TicketTimes) -> str:
    # The sweep records a breach while the clock runs; an answer or a solution given after its
    # due between two sweeps is a breach all the same.
    late_answer = (
        row.first_responded_at is not None
        and row.first_response_due is not None
        and row.first_responded_at > row.first_response_due
    )
    late_solution = (
        row.solved_at is not None
        and row.resolution_due is not None
        and row.solved_at > row.resolution_due
    )
    if row.sla_breached_at is not None or late_answer or late_solution:
        return "breached"
    return "attained" if row.solved_at is not None else "running"


def _sla(rows: Iterable[TicketTimes]) -> SlaCount:
    states = Counter(_sla_state(row) for row in rows if row.first_response_due is not None)
    return SlaCount(
        attained=states["attained"], breached=states["breached"], running=states["running"]
    )


def _segment(row: TicketTimes, period: Period) -> str:
    if row.customer_is_key:
        return "key"
    return "new" if row.customer_first_seen >= period.start else "returning"


def _per_hour(created: list[TicketTimes], period: Period) -> list[HourLoad]:
    zone = desk_zone()
    counts: Counter[tuple[int, str]] = Counter(
        (row.created_at.astimezone(zone).hour, row.channel) for row in created
    )
    seconds = handling_seconds()
    loads = []
    for hour in range(24):
        per_hour = {c: counts[(hour, c)] / period.days for c in Channel.values}
        loads.append(
            HourLoad(
                hour=hour,
                contacts_per_day=round(sum(per_hour.values()), 2),
                agents_needed=agents_for_rates(per_hour=per_hour, seconds=seconds),
            )
        )
    return loads


def _per_day(rows: list[TicketTimes], period: Period) -> list[DayCount]:
    zone = desk_zone()
    created = Counter(
        r.created_at.astimezone(zone).date() for r in rows if _within(r.created_at, period)
    )
    solved = Counter(
        r.solved_at.astimezone(zone).date()
        for r in rows
        if r.solved_at is not None and _within(r.solved_at, period)
    )
    first = period.start.astimezone(zone).date()
    last = (period.end - timedelta(microseconds=1)).astimezone(zone).date()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return [DayCount(day=day, created=created[day], solved=solved[day]) for day in days]


def _named(groups: dict[Hashable, G], names: dict[int, str]) -> dict[str | None, G]:
    named = {
        names.get(key) if isinstance(key, int) else None: group for key, group in groups.items()
    }
    return dict(
        sorted(named.items(), key=lambda item: (item[0] is None, (item[0] or "").casefold()))
    )


def report_figures(*, period: Period, now: datetime) -> Report:
    """Every figure of the lead's reports for `period`; the backlog and promises as of `now`."""
    rows = ticket_times_between(since=period.start, until=period.end)
    created = [row for row in rows if _within(row.created_at, period)]
    solved = [row for row in rows if _within(row.solved_at, period)]
    whole = _groups(rows, period, lambda row: None).get(None) or Group(
        0, 0, times_of([]), times_of([])
    )
    ages = backlog_by_age(now=now, bounds=BACKLOG_AGES)
    by_channel = _groups(rows, period, lambda row: row.channel)
    by_level = _groups(rows, period, lambda row: row.level)
    teams = _groups(rows, period, lambda row: row.team_id)
    agents = _groups(rows, period, lambda row: row.assignee_id)
    ratings = ratings_between(since=period.start, until=period.end)
    rated_by_agent = _ratings_by(ratings, lambda row: row.assignee_id)
    rated_by_channel = _ratings_by(ratings, lambda row: row.channel)
    rated_by_level = _ratings_by(ratings, lambda row: row.level)
    agent_names, team_names = names_of(
        agent_ids=[k for k in {*agents, *rated_by_agent} if isinstance(k, int)],
        team_ids=[k for k in teams if isinstance(k, int)],
    )
    segments = Counter(_segment(row, period) for row in created)
    return Report(
        period=period,
        created=len(created),
        solved=len(solved),
        backlog=sum(ages),
        backlog_ages=ages,
        first_response=whole.first_response,
        resolution=whole.resolution,
        by_channel={c: by_channel[c] for c in Channel.values if c in by_channel},
        by_level={int(v): by_level[v] for v in Level.values if v in by_level},
        by_team=_named(teams, team_names),
        by_agent=_named(agents, agent_names),
        sla=_sla(created),
        sla_by_level={int(v): _sla(r for r in created if r.level == v) for v in Level.values},
        per_hour=_per_hour(created, period),
        per_day=_per_day(rows, period),
        segments={name: segments[name] for name in SEGMENTS},
        holding_replies=holding_replies_between(since=period.start, until=period.end),
        promises=follow_ups_kept_between(since=period.start, until=period.end, now=now),
        satisfaction=ratings_of(ratings),
        satisfaction_by_channel={
            c: rated_by_channel[c] for c in Channel.values if c in rated_by_channel
        },
        satisfaction_by_level={
            int(v): rated_by_level[v] for v in Level.values if v in rated_by_level
        },
        satisfaction_by_agent=_named(rated_by_agent, agent_names),
    )
