"""Reads for schedules' desk status: what customers are told of the hours, breaks and waits."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.dates import WEEKDAYS

from frontdesk.accounts.choices import Presence
from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import presence_states
from frontdesk.core.clock import desk_today
from frontdesk.engine.sla import next_opening, open_window
from frontdesk.schedules.choices import STATUS_TONES, BreakKind, StatusCode
from frontdesk.schedules.registry import live_queue
from frontdesk.schedules.selectors.forecast import WRITTEN_CHANNELS
from frontdesk.schedules.selectors.shifts import (
    break_next_for,
    breaks_between,
    shifts_between,
    within_warning,
)
from frontdesk.sla.selectors import business_hours_of, calendar_for
from frontdesk.tickets.selectors import ticket_first_answers


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
    *, now: datetime | None = None, agent: User | None = None, visit: object | None = None
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
            place=VisitPlace(ahead=_ahead(visit) or 0, wait_minutes=None) if visit else None,
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
    queue = live_queue()
    waiting = queue.waiting(day=day)
    serving = sum(1 for a in present if states[a] in SERVING_VISITORS)
    each = queue.minutes_each()

    def wait_behind(ahead: int) -> int | None:
        if resumes is None:
            return None
        wait = resumes - now + queue.wait(ahead=ahead, agents=serving, each_minutes=each)
        return int(wait.total_seconds() // 60)

    new_wait = wait_behind(waiting)
    desk_lines = [StatusLine(StatusCode.WAITING, count=waiting)]
    if new_wait:
        desk_lines.append(StatusLine(StatusCode.DESK_WAIT, count=new_wait))
    place = None
    if visit is not None:
        ahead = _ahead(visit)
        place = VisitPlace(
            ahead=ahead or 0,
            wait_minutes=None if ahead is None else wait_behind(ahead),
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


def _ahead(visit: object | None) -> int | None:
    # Visitors before this one while it waits; None when it does not wait.
    return None if visit is None else live_queue().ahead_of(visit=visit)


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
    answered = ticket_first_answers(channels=WRITTEN_CHANNELS, since=now - timedelta(days=7))
    if len(answered) < 3:
        return None
    spans = sorted((b - a).total_seconds() / 60 for a, b in answered if a and b)
    return max(1, int(spans[len(spans) // 2]))
