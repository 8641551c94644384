"""Reads for schedules: shifts and breaks in a span, the forecast and the staffing it needs,
coverage, the desk's status for customers, and what an agent should know about their break."""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dates import WEEKDAYS

from frontdesk.accounts.choices import Presence
from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import presence_of, presence_states
from frontdesk.core.clock import desk_today, desk_zone, time_text
from frontdesk.engine.breaks import Shift, Shortfall, shortfalls, staffed
from frontdesk.engine.sla import business_between, next_opening, open_window
from frontdesk.engine.staffing import StaffingError, agents_needed
from frontdesk.live.choices import VisitState
from frontdesk.live.models import Call, Visit
from frontdesk.live.selectors import visit_minutes_each, visit_wait, visits_ahead, visits_waiting
from frontdesk.schedules.adapters import breaks_within
from frontdesk.schedules.choices import STATUS_TONES, BreakKind, PlaybookMoment, StatusCode
from frontdesk.schedules.constants import (
    DEFAULT_HANDLING_SECONDS,
    FORECAST_WEEKS,
    INTERVAL,
    WRITTEN_TARGET_SECONDS,
)
from frontdesk.schedules.models import Break, Playbook, ShiftChange, ShiftPattern
from frontdesk.sla.selectors import business_hours_of, calendar_for

LIVE_CHANNELS = ("phone", "visit")
WRITTEN_CHANNELS = ("email", "web", "chat")
# A warning given less than this long before the break did not give anyone time to prepare.
LATE_WARNING = timedelta(minutes=5)


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
    for model, begin, finish, channel in (
        (Call, "answered_at", "ended_at", "phone"),
        (Visit, "served_at", "done_at", "visit"),
    ):
        spans = [
            (b - a).total_seconds()
            # A call or visit the desk closed itself lasted until someone noticed, not as long
            # as its work took.
            for a, b in model.objects.filter(
                **{f"{begin}__gte": since, f"{finish}__isnull": False, "timed_out_at": None}
            ).values_list(begin, finish)[:2000]
            if a and b and b > a
        ]
        if len(spans) >= 5:
            found[channel] = sum(spans) / len(spans)
    return found


def forecast(
    *, start: datetime, end: datetime, now: datetime | None = None
) -> dict[datetime, Load]:
    """The expected load of each interval from start to end: the average of the same weekday
    and time of day over the last weeks of the desk's own contacts, per channel."""
    from frontdesk.tickets.models import Ticket

    now = now or timezone.now()
    zone = desk_zone()
    since = now - timedelta(weeks=FORECAST_WEEKS)
    slots: Counter[tuple[int, int, str]] = Counter()
    for created, channel in (
        Ticket.objects.filter(created_at__gte=since, created_at__lt=now)
        .values_list("created_at", "channel")
        .iterator(chunk_size=2000)
    ):
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


@dataclass(frozen=True)
class DeskBreak:
    """A break as customers hear of it: when, until when, and whether anyone stays at the desk."""

    agent_id: int
    start: datetime
    end: datetime
    closes: bool  # nobody is at work during it
    unplanned: bool
    reason: str
    warned: bool  # the queue has been warned of it (the warning job ran)


def desk_breaks(*, now: datetime, within: timedelta = timedelta(hours=24)) -> list[DeskBreak]:
    """Breaks now and in the next `within`, as the public sees them, soonest first."""
    until = now + within
    shifts = shifts_between(start=now - timedelta(hours=12), end=until)
    rows = list(breaks_between(start=now, end=until).filter(ended_at__isnull=True))
    found = []
    for row in rows:
        others = {
            s.agent_id
            for s in shifts
            if s.agent_id != row.agent_id and s.start <= row.start and s.end >= row.end
        }
        # Someone else on a break at the same time is not at the desk either.
        away = {b.agent_id for b in rows if b.start < row.end and b.end > row.start}
        found.append(
            DeskBreak(
                agent_id=row.agent_id,
                start=row.start,
                end=row.end,
                closes=not others - away,
                unplanned=row.kind == BreakKind.UNPLANNED,
                reason=row.reason,
                warned=row.warned_at is not None,
            )
        )
    return sorted(found, key=lambda b: (b.start, b.end))


@dataclass(frozen=True)
class StatusLine:
    """One thing the desk tells customers: a code, worded in the reader's language by
    schedules/wording.py, and what the wording needs."""

    code: str  # a StatusCode
    start: datetime | None = None
    end: datetime | None = None
    count: int = 0
    reason: str = ""
    closes: bool = False  # nobody is at the desk because of it
    begun: bool = False

    @property
    def tone(self) -> str:
        """How the card shows the line (CSS classes)."""
        return STATUS_TONES.get(StatusCode(self.code), "")


@dataclass(frozen=True)
class VisitPlace:
    """Where one visitor stands: how many are before them, and about how long they wait."""

    ahead: int
    wait_minutes: int | None  # None while the desk is closed or away for a time it did not say


@dataclass(frozen=True)
class DeskStatus:
    """What the status page, the portal, the kiosk, the waiting-room screen and the
    acknowledgements tell customers, decided once, so that none of them says two things."""

    open_now: bool
    hours: list[tuple[str, list[tuple[str, str]]]]  # weekday name, opening windows
    now_break: DeskBreak | None  # the break customers hear of now (none while closed)
    next_break: DeskBreak | None  # the next one before closing that has not started
    warning: DeskBreak | None  # the next one, if it starts within the warning time
    at_desk: int  # agents at the desk now: not on a break, not away
    waiting: int | None  # visitors waiting; None while closed
    visit_wait_minutes: int | None  # for a visitor taking a number now; None when not known
    written_answer_minutes: int | None  # None while closed: we answer when we open
    zone: str  # times are shown in the desk's time zone
    lines: tuple[StatusLine, ...]  # for everyone: the card, the screen, e-mails
    desk_lines: tuple[StatusLine, ...]  # for someone about to take a number
    place: VisitPlace | None = None  # for the visitor the status was asked for

    @property
    def open_days(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The days the desk opens at all, with their windows."""
        return [(day, windows) for day, windows in self.hours if windows]

    @property
    def written_answer_hours(self) -> int | None:
        """The written answer time in whole hours, once it is two hours or more."""
        minutes = self.written_answer_minutes
        return round(minutes / 60) if minutes is not None and minutes >= 120 else None


# Agents who serve the people at the desk, and those who serve visitors among them.
AT_THE_DESK = frozenset({Presence.AVAILABLE, Presence.VISITOR, Presence.CALL})
SERVING_VISITORS = frozenset({Presence.AVAILABLE, Presence.VISITOR})
STEPPED_OUT = frozenset({Presence.BREAK, Presence.AWAY})


def desk_status(
    *, now: datetime | None = None, agent: User | None = None, visit: Visit | None = None
) -> DeskStatus:
    """The desk's hours, whether it is open, its breaks now and next, who is away, and the
    waits customers can expect; with `agent`, that agent's break too (the one answering the
    reader), and with `visit`, that visitor's place. While closed it says only that, and when
    it opens."""
    now = now or timezone.now()
    row = business_hours_of(team_id=None)
    hours = [
        (str(WEEKDAYS[day]), [(a, b) for a, b in (row.windows or {}).get(str(day), [])])
        for day in range(7)
    ]
    calendar = calendar_for(team_id=None)
    window = open_window(calendar, now)
    day = desk_today(now)
    if window is None:
        opens = next_opening(calendar, now)
        closed = [StatusLine(StatusCode.CLOSED)]
        if opens is not None:
            zone = ZoneInfo(row.time_zone)
            days = (opens.astimezone(zone).date() - now.astimezone(zone).date()).days
            closed.append(StatusLine(StatusCode.OPENS, start=opens, count=days))
        return DeskStatus(
            open_now=False,
            hours=hours,
            now_break=None,
            next_break=None,
            warning=None,
            at_desk=0,
            waiting=None,
            visit_wait_minutes=None,
            written_answer_minutes=None,
            zone=row.time_zone,
            lines=tuple(closed),
            desk_lines=(),
            place=VisitPlace(ahead=_ahead(visit), wait_minutes=None) if visit else None,
        )
    closes = window[1]
    breaks = desk_breaks(now=now, within=closes - now)
    going = [b for b in breaks if b.start <= now]
    coming = next((b for b in breaks if b.start > now), None)
    states = presence_states()
    on_break = {b.agent_id for b in going}
    present = {a for a, state in states.items() if state in AT_THE_DESK} - on_break
    untold = _away_untold(states, on_break, now)
    lines: list[StatusLine] = []
    if agent is not None:
        lines += _own_break(agent, now, closes)
    now_break, now_line = _break_now(going, untold, empty=not present)
    lines += now_line
    warning = coming if coming and coming.warned and within_warning(coming.start, now) else None
    if warning is not None:
        lines.append(
            StatusLine(
                StatusCode.BREAK_SOON, start=warning.start, end=warning.end, closes=warning.closes
            )
        )
    elif coming is not None:
        lines.append(StatusLine(StatusCode.NEXT_BREAK, start=coming.start, end=coming.end))
    if present or not (going or untold):
        # A desk open 24 hours a day says only that it is open.
        until = closes if closes - now < timedelta(hours=24) else None
        lines.append(StatusLine(StatusCode.OPEN, end=until))
    written = _written_answer_minutes(now)
    if written is not None:
        lines.append(StatusLine(StatusCode.WRITTEN_ANSWER, count=written))
    # Service resumes when the first of those on a break is back; when someone is away without
    # saying until when, nobody can say how long a visitor waits.
    if present or not (going or untold):
        resumes: datetime | None = now
    else:
        resumes = min((b.end for b in going), default=None)
    waiting = visits_waiting(day=day)
    serving = sum(1 for a in present if states[a] in SERVING_VISITORS)
    each = visit_minutes_each()

    def wait_behind(ahead: int) -> int | None:
        if resumes is None:
            return None
        wait = resumes - now + visit_wait(ahead=ahead, agents=serving, each_minutes=each)
        return int(wait.total_seconds() // 60)

    new_wait = wait_behind(waiting)
    desk_lines = [StatusLine(StatusCode.WAITING, count=waiting)]
    if new_wait:
        desk_lines.append(StatusLine(StatusCode.DESK_WAIT, count=new_wait))
    place = None
    if visit is not None:
        ahead = _ahead(visit)
        place = VisitPlace(
            ahead=ahead,
            wait_minutes=wait_behind(ahead) if visit.state == VisitState.WAITING else None,
        )
    return DeskStatus(
        open_now=True,
        hours=hours,
        now_break=now_break,
        next_break=coming,
        warning=warning,
        at_desk=len(present),
        waiting=waiting,
        visit_wait_minutes=new_wait,
        written_answer_minutes=written,
        zone=row.time_zone,
        lines=tuple(lines),
        desk_lines=tuple(desk_lines),
        place=place,
    )


def _ahead(visit: Visit | None) -> int:
    if visit is None or visit.state != VisitState.WAITING:
        return 0
    return visits_ahead(visit=visit)


def _away_untold(states: dict[int, str], on_break: set[int], now: datetime) -> set[int]:
    # Agents who set themselves on a break or away by hand, with no break saying until when.
    # On a desk that keeps shifts, only those on shift now are missed at the desk.
    out = {a for a, state in states.items() if state in STEPPED_OUT} - on_break
    if not out:
        return out
    on_shift = {s.agent_id for s in shifts_between(start=now, end=now + timedelta(seconds=1))}
    return out & on_shift if on_shift else out


def _own_break(agent: User, now: datetime, closes: datetime) -> list[StatusLine]:
    upcoming = break_next_for(agent=agent, now=now)
    if upcoming is None or not within_warning(upcoming.start, now) or upcoming.start >= closes:
        return []
    return [
        StatusLine(
            StatusCode.OWN_BREAK,
            start=upcoming.start,
            end=upcoming.end,
            begun=upcoming.start <= now,
        )
    ]


def _break_now(
    going: list[DeskBreak], untold: set[int], *, empty: bool
) -> tuple[DeskBreak | None, list[StatusLine]]:
    # One line for everything going on now: an apology for someone who had to step away
    # comes first; with nobody at the desk, service resumes when the first of them is back.
    first_back = min((b.end for b in going), default=None)
    unplanned = [b for b in going if b.unplanned]
    if unplanned:
        latest = max(unplanned, key=lambda b: b.start)
        until = first_back if empty and first_back else latest.end
        told = replace(latest, end=until, closes=empty)
        line = StatusLine(StatusCode.STEPPED_AWAY, end=until, reason=latest.reason, closes=empty)
        return told, [line]
    if going:
        until = first_back if empty and first_back else max(b.end for b in going)
        told = replace(going[0], end=until, closes=empty)
        return told, [StatusLine(StatusCode.BREAK_NOW, end=until, closes=empty)]
    if untold:
        return None, [StatusLine(StatusCode.AWAY, closes=empty)]
    return None, []


def _written_answer_minutes(now: datetime) -> int | None:
    # The median first answer of the last week's written requests: what the desk really does.
    from frontdesk.tickets.models import Ticket

    answered = list(
        Ticket.objects.filter(
            channel__in=WRITTEN_CHANNELS,
            created_at__gte=now - timedelta(days=7),
            first_responded_at__isnull=False,
        ).values_list("created_at", "first_responded_at")[:2000]
    )
    if len(answered) < 3:
        return None
    spans = sorted((b - a).total_seconds() / 60 for a, b in answered if a and b)
    return max(1, int(spans[len(spans) // 2]))


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


def moments_for(*, agent: User, now: datetime, upcoming: Break | None = None) -> list[str]:
    """The awkward moments the agent is in, for which a playbook opens in one click
    (`upcoming`: the agent's next break, when the caller has read it already)."""
    upcoming = upcoming or break_next_for(agent=agent, now=now)
    if upcoming is None or upcoming.kind == BreakKind.UNPLANNED:
        return []
    if not within_warning(upcoming.start, now):
        return []
    moments: list[str] = []
    waiting = Visit.objects.filter(day=desk_today(now), state=VisitState.WAITING)
    if waiting.exists():
        moments += [PlaybookMoment.PEOPLE_WAITING, PlaybookMoment.ANGRY_LAST]
    if upcoming.warned_at is None or upcoming.start - upcoming.warned_at < LATE_WARNING:
        moments.append(PlaybookMoment.NOT_WARNED)
    if presence_of(agent=agent).state == Presence.CALL:
        moments.append(PlaybookMoment.DURING_CALL)
    return moments


def playbook_for(*, moment: str, language: str) -> Playbook | None:
    """The playbook for a moment in a language, else in English."""
    rows = {p.language: p for p in Playbook.objects.filter(moment=moment)}
    return rows.get(language) or rows.get("en")


def playbook_steps(*, playbook: Playbook, upcoming: Break | None) -> list[dict[str, str]]:
    """The playbook's steps with {time} and {end} filled in from the agent's break, on the
    desk's clock."""
    start = time_text(upcoming.start) if upcoming else "…"
    end = time_text(upcoming.end) if upcoming else "…"
    return [
        {
            key: str(step.get(key, "")).replace("{time}", start).replace("{end}", end)
            for key in ("do", "say")
        }
        for step in playbook.steps
        if isinstance(step, dict)
    ]


def playbooks_all() -> QuerySet[Playbook]:
    """Every playbook, by moment and language."""
    return Playbook.objects.all()


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


@dataclass(frozen=True)
class WeekPlan:
    """The lead's week: each agent's shifts and breaks per day, and coverage per hour."""

    days: list[date]
    # One row per agent: {"agent": User, "cells": [{"shifts": [...], "breaks": [...]}] × 7}.
    rows: list[dict[str, object]]
    # One row per day: {"day": date, "hours": [{"hour", "required", "staffed"}] × 24}; the
    # fewest at work and the most needed in each hour.
    hours: list[dict[str, object]]
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
    rows: list[dict[str, object]] = [
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
    hours: list[dict[str, object]] = []
    for day in days:
        day_hours = []
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


def agent_week(*, agent: User, day: date) -> tuple[list[Shift], list[Break]]:
    """An agent's shifts that start in the week of `day` (in the desk's time zone), and their
    breaks (a Sunday night's after midnight too)."""
    start, end = week_bounds(week_start(day))
    week = span_shifts(start=start, end=end, agent_ids=[agent.pk])
    return week.own, [row for row, _shift_start in week.breaks]
