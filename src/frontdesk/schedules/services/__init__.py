"""Writes for schedules: shifts, planning and moving breaks, stepping away and coming back,
warning the queue before a break, and presence that follows the schedule (playbooks are in
`playbooks.py`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.choices import Presence
from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import leads_reachable, presence_states
from frontdesk.accounts.services import agents_mail, presence_set
from frontdesk.core.clock import desk_zone, time_text
from frontdesk.core.errors import Invalid
from frontdesk.engine.breaks import BreakError, Shortfall, breaks_place, shifts_check, shortfalls
from frontdesk.engine.staffing import StaffingError, staffing_with
from frontdesk.schedules.adapters import break_of, breaks_within, rule_of
from frontdesk.schedules.choices import BreakKind, StepAwayReason
from frontdesk.schedules.constants import BREAK_MAX_MINUTES, INTERVAL
from frontdesk.schedules.models import Break, BreakRule, ShiftChange, ShiftPattern
from frontdesk.schedules.selectors import (
    Load,
    breaks_between,
    breaks_over,
    breaks_starting,
    breaks_to_warn,
    coverage,
    forecast,
    interval_floor,
    requirement,
    shifts_between,
    span_shifts,
    week_bounds,
)
from frontdesk.schedules.signals import agent_stepped_away
from frontdesk.tickets.services import tickets_release

logger = logging.getLogger(__name__)
# How often presence_follow_schedule runs (the periodic job's interval).
SCHEDULE_STEP = timedelta(minutes=1)


def _lead_only(actor: User) -> None:
    if not actor.is_lead:
        raise Invalid(_("Only a lead can change the schedule."))


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise Invalid(_("Unknown time zone %(zone)s.") % {"zone": name}) from error
    return name


def _week_minutes(weekday: int, start: time, end: time) -> list[tuple[int, int]]:
    # A weekly shift as minute ranges of the week; one past midnight (or past Sunday) is split.
    begin = weekday * 1440 + start.hour * 60 + start.minute
    length = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    length += 1440 if length <= 0 else 0
    finish = begin + length
    week = 7 * 1440
    if finish <= week:
        return [(begin, finish)]
    return [(begin, week), (0, finish - week)]


def shift_pattern_add(
    *,
    actor: User,
    agent: User,
    weekday: int,
    start: time,
    end: time,
    time_zone: str = "",
    valid_from: date | None = None,
    valid_until: date | None = None,
) -> ShiftPattern:
    """Give an agent a weekly shift; refuse one that overlaps another of theirs."""
    _lead_only(actor)
    if weekday not in range(7):
        raise Invalid(_("The weekday must be 0 (Monday) to 6 (Sunday)."))
    if start == end:
        raise Invalid(_("A shift must end at another time than it starts."))
    if valid_from and valid_until and valid_until < valid_from:
        raise Invalid(_("A shift cannot stop before it begins."))
    zone = _zone(time_zone or str(desk_zone()))
    new = _week_minutes(weekday, start, end)
    for other in ShiftPattern.objects.filter(agent=agent):
        if other.time_zone != zone:
            continue  # compared by real instants below, when the week is planned
        for a, b in _week_minutes(other.weekday, other.start, other.end):
            if any(a < d and c < b for c, d in new) and _periods_meet(
                other, valid_from, valid_until
            ):
                raise Invalid(
                    _("%(agent)s already works %(start)s–%(end)s then; shifts cannot overlap.")
                    % {
                        "agent": agent.display_name,
                        "start": time_text(other.start),
                        "end": time_text(other.end),
                    }
                )
    return ShiftPattern.objects.create(
        agent=agent,
        weekday=weekday,
        start=start,
        end=end,
        time_zone=zone,
        valid_from=valid_from,
        valid_until=valid_until,
    )


def _periods_meet(other: ShiftPattern, start: date | None, end: date | None) -> bool:
    if other.valid_until and start and other.valid_until < start:
        return False
    return not (other.valid_from and end and end < other.valid_from)


def shift_pattern_remove(*, actor: User, pattern: ShiftPattern) -> None:
    """Take a weekly shift off an agent's week."""
    _lead_only(actor)
    pattern.delete()


def shift_change_set(
    *,
    actor: User,
    agent: User,
    day: date,
    off: bool,
    start: time | None = None,
    end: time | None = None,
    time_zone: str = "",
    note: str = "",
) -> ShiftChange:
    """Change one day of an agent's week (other hours, or a day off); it replaces the weekly
    shift of that day."""
    _lead_only(actor)
    if not off and (start is None or end is None):
        raise Invalid(_("Give the hours of the changed shift, or mark the day off."))
    if not off and start == end:
        raise Invalid(_("A shift must end at another time than it starts."))
    zone = _zone(time_zone or str(desk_zone()))
    with transaction.atomic():
        ShiftChange.objects.filter(agent=agent, day=day).delete()
        return ShiftChange.objects.create(
            agent=agent,
            day=day,
            off=off,
            start=None if off else start,
            end=None if off else end,
            time_zone=zone,
            note=note[:200],
        )


@dataclass(frozen=True)
class PlanResult:
    """What planning a week did: breaks placed, and where staffing is still short."""

    placed: int
    shortfalls: tuple[Shortfall, ...]


@transaction.atomic
def breaks_plan(*, actor: User, monday: date, now: datetime | None = None) -> PlanResult:
    """Place the breaks of the shifts that start in the week by the break rules so that
    staffing stays at the forecast's requirement wherever it can; breaks placed by hand,
    started or past stay where they are. Planning again replaces what planning placed."""
    _lead_only(actor)
    now = now or timezone.now()
    # Two leads planning at once take turns (the rules' rows are locked until this commits):
    # the second then replaces the first one's breaks instead of adding its own beside them.
    rules = [rule_of(r) for r in BreakRule.objects.select_for_update()]
    # The week plans the shifts that start in it, with all their breaks: a Sunday night's
    # after midnight too. Shifts from the weeks around it count at work with their breaks as
    # they are, so planning weeks in any order, or one week twice, places each break once.
    start, end = week_bounds(monday)
    week = span_shifts(start=start, end=end)
    shifts = [s for s in week.own if s.end > now]
    around = [s for s in week.around if s.end > now]
    reach_start, reach_end = week.reach
    movable = [
        row.pk
        for row, _shift_start in week.breaks
        if row.kind == BreakKind.PLANNED
        and not row.by_hand
        and row.start >= now
        and row.started_at is None
        and row.warned_at is None
    ]
    Break.objects.filter(pk__in=movable).delete()
    earliest = min([reach_start, *(s.start for s in around)])
    kept = breaks_within([*shifts, *around], breaks_between(start=earliest, end=reach_end))
    required = requirement(start=reach_start, end=reach_end)
    try:
        shifts_check(shifts=[*shifts, *around])
        plan = breaks_place(
            shifts=shifts,
            rules=rules,
            required=required,
            interval=INTERVAL,
            fixed=kept,
            around=around,
        )
    except BreakError as error:
        raise Invalid(str(error)) from error
    kept_keys = {(b.agent_id, b.start) for b in kept}
    new = [
        Break(agent_id=b.agent_id, start=b.start, end=b.end, kind=BreakKind.PLANNED)
        for b in plan.breaks
        if (b.agent_id, b.start) not in kept_keys and b.start >= now
    ]
    Break.objects.bulk_create(new)
    return PlanResult(placed=len(new), shortfalls=plan.shortfalls)


@dataclass(frozen=True)
class WaitEffect:
    """What a change does to one interval: agents at work and expected waiting before and after."""

    start: datetime
    required: int
    staffed_before: int
    staffed_after: int
    asa_before: float | None  # seconds; None when no queue forms or it grows without bound
    asa_after: float | None


class CoverageWarning(Invalid):
    """A change would leave the desk short; it is saved only when the lead confirms it."""

    def __init__(self, message: str, effects: list[WaitEffect]) -> None:
        super().__init__(message)
        self.effects = effects


def break_move(
    *, actor: User, brk: Break, start: datetime, confirm: bool = False
) -> tuple[Break, list[WaitEffect]]:
    """Move a break to a new start (same length); when that leaves the desk short, say where
    and what it does to waiting, and move it only if the lead confirms."""
    _lead_only(actor)
    if brk.started_at is not None or brk.ended_at is not None:
        raise Invalid(_("This break has already begun; it cannot be moved."))
    length = brk.end - brk.start
    end = start + length
    span_start = interval_floor(min(brk.start, start))
    span_end = interval_floor(max(brk.end, end)) + INTERVAL
    shifts = shifts_between(start=span_start - timedelta(hours=12), end=span_end)
    others = breaks_within(
        shifts,
        [
            b
            for b in breaks_between(start=span_start - timedelta(hours=12), end=span_end)
            if b.pk != brk.pk
        ],
    )
    moved = break_of(Break(agent=brk.agent, start=start, end=end))
    try:
        shifts_check(shifts=shifts, breaks=[*others, moved])
    except BreakError as error:
        raise Invalid(str(error)) from error
    current = breaks_within(shifts, [brk])
    required = requirement(start=span_start, end=span_end)
    before = shortfalls(
        shifts=shifts, breaks=[*others, *current], required=required, interval=INTERVAL
    )
    after = shortfalls(shifts=shifts, breaks=[*others, moved], required=required, interval=INTERVAL)
    # Where the move leaves fewer at work than the need and fewer than before.
    had = {s.start: s.staffed for s in before}
    worse = {s.start: s for s in after if s.staffed < had.get(s.start, s.required)}
    effects = _effects(worse, had)
    if effects and not confirm:
        raise CoverageWarning(
            _("Moved there, the break leaves the desk short in %(count)d quarter-hour(s).")
            % {"count": len(effects)},
            effects,
        )
    brk.start, brk.end, brk.by_hand, brk.warned_at = start, end, True, None
    brk.save(update_fields=["start", "end", "by_hand", "warned_at"])
    return brk, effects


def _effects(worse: dict[datetime, Shortfall], had: dict[datetime, int]) -> list[WaitEffect]:
    # `had`: agents at work before the move where the desk was short already; elsewhere the
    # moved break is the one agent fewer.
    if not worse:
        return []
    loads = forecast(start=min(worse), end=max(worse) + INTERVAL)
    effects = []
    for at, short in sorted(worse.items()):
        before = had.get(at, short.staffed + 1)
        load = loads.get(at)
        effects.append(
            WaitEffect(
                start=at,
                required=short.required,
                staffed_before=before,
                staffed_after=short.staffed,
                asa_before=_asa(load, before),
                asa_after=_asa(load, short.staffed),
            )
        )
    return effects


def _asa(load: Load | None, agents: int) -> float | None:
    if load is None or load.live_per_hour <= 0 or agents <= 0:
        return None
    try:
        return staffing_with(
            agents=agents,
            rate_per_hour=load.live_per_hour,
            aht_seconds=load.live_seconds,
            target_seconds=settings.STAFFING_TARGET_SECONDS,
        ).asa_seconds
    except StaffingError:
        return None  # too few agents: the queue grows without bound


def break_add(*, actor: User, agent: User, start: datetime, minutes: int) -> Break:
    """Put a break in an agent's day by hand (the planner leaves it where it is)."""
    _lead_only(actor)
    if not 1 <= minutes <= BREAK_MAX_MINUTES:
        raise Invalid(_("A break lasts between 1 and 240 minutes."))
    brk = Break(agent=agent, start=start, end=start + timedelta(minutes=minutes), by_hand=True)
    shifts = shifts_between(start=start - timedelta(hours=12), end=brk.end, agent_ids=[agent.pk])
    others = [
        break_of(b) for b in Break.objects.filter(agent=agent, start__lt=brk.end, end__gt=start)
    ]
    try:
        shifts_check(shifts=shifts, breaks=[*others, break_of(brk)])
    except BreakError as error:
        raise Invalid(str(error)) from error
    brk.save()
    return brk


def break_step_away(
    *, agent: User, reason: str, minutes: int, now: datetime | None = None
) -> Break:
    """An unplanned break at once: customers are told it with an apology and when service
    resumes, the agent's waiting items go back to the team, and the leads hear if the desk is
    left short."""
    if reason not in StepAwayReason.values:
        raise Invalid(_("Say why you step away."))
    if not 1 <= minutes <= BREAK_MAX_MINUTES:
        raise Invalid(
            _("Say when you will be back: in 1 to %(most)d minutes.") % {"most": BREAK_MAX_MINUTES}
        )
    now = now or timezone.now()
    with transaction.atomic():
        Break.objects.filter(agent=agent, ended_at__isnull=True, start__lte=now).update(
            ended_at=now
        )
        brk = Break.objects.create(
            agent=agent,
            start=now,
            end=now + timedelta(minutes=minutes),
            kind=BreakKind.UNPLANNED,
            reason=reason,
            warned_at=now,  # the apology goes out at once: there was no time to warn
            started_at=now,
        )
        presence_set(agent=agent, state=Presence.BREAK)
        # A call or visitor of theirs goes to a colleague first (live receives the signal),
        # then their written work.
        agent_stepped_away.send(sender=Break, agent=agent, at=now)
        tickets_release(agent=agent, note=f"{agent.display_name} stepped away")
        transaction.on_commit(lambda: _tell_leads_if_short(brk.pk))
    return brk


def _tell_leads_if_short(break_id: int) -> None:
    from frontdesk.schedules.tasks import coverage_short_notify

    coverage_short_notify.enqueue(break_id)


def coverage_short_notify(*, break_id: int) -> int:
    """Mail the leads when a break leaves the desk below the forecast's need now; how many
    were told."""
    brk = Break.objects.select_related("agent").get(pk=break_id)
    short = coverage(start=brk.start, end=brk.end).shortfalls
    if not short:
        return 0
    worst = min(short, key=lambda s: s.staffed - s.required)

    def compose(lead: User) -> tuple[str, str]:
        subject = _("Coverage short: %(agent)s stepped away") % {"agent": brk.agent.display_name}
        body = _(
            "%(agent)s stepped away (%(reason)s) until %(until)s. The desk now has %(staffed)d "
            "agent(s) at work where the forecast needs %(required)d, in %(count)d interval(s) "
            "of 15 minutes. Someone could cover, or a break could move."
        ) % {
            "agent": brk.agent.display_name,
            "reason": StepAwayReason(brk.reason).label if brk.reason else "",
            "until": time_text(brk.end),
            "staffed": worst.staffed,
            "required": worst.required,
            "count": len(short),
        }
        return subject, body

    return agents_mail(agents=leads_reachable(), compose=compose)


def break_return(*, agent: User, now: datetime | None = None) -> Break | None:
    """The agent is back: their break ends now and they take work again."""
    now = now or timezone.now()
    current = Break.objects.filter(agent=agent, ended_at__isnull=True, start__lte=now).first()
    with transaction.atomic():
        if current is not None:
            current.ended_at = now
            current.save(update_fields=["ended_at"])
        presence_set(agent=agent, state=Presence.AVAILABLE)
    return current


def breaks_warn_due(*, now: datetime) -> int:
    """Warn the queue of every planned break within the warning time, once: from now on the
    visitor screen, the portal and acknowledgements say it; how many breaks were warned."""
    # One conditional update: two workers running the job at once warn each break once.
    return breaks_to_warn(now=now).update(warned_at=now)


def presence_follow_schedule(*, now: datetime) -> int:
    """Put agents on a break when their planned break starts and back when it ends, and off
    shift when their shift is over; how many presences changed. An agent on a call or with a
    visitor finishes first (the playbook says how)."""
    changed = 0
    states = presence_states(active_only=False)
    for brk in breaks_starting(now=now):
        if states.get(brk.agent_id) in {Presence.CALL, Presence.VISITOR}:
            continue
        started = Break.objects.filter(pk=brk.pk, started_at__isnull=True).update(started_at=now)
        if started and states.get(brk.agent_id) != Presence.BREAK:
            presence_set(agent=brk.agent, state=Presence.BREAK)
            changed += 1
    for brk in breaks_over(now=now):
        closed = Break.objects.filter(pk=brk.pk, ended_at__isnull=True).update(ended_at=now)
        if closed and states.get(brk.agent_id) == Presence.BREAK:
            presence_set(agent=brk.agent, state=Presence.AVAILABLE)
            changed += 1
    # Shifts that began or ended since the last run (the job runs every minute): the agent is
    # put in or out of work once, and may change it by hand afterwards.
    recent = shifts_between(start=now - SCHEDULE_STEP, end=now + timedelta(seconds=1))
    begun = {s.agent_id for s in recent if now - SCHEDULE_STEP < s.start <= now}
    ended = {s.agent_id for s in recent if now - SCHEDULE_STEP < s.end <= now} - begun
    for agent in User.objects.filter(pk__in=begun, presence__state=Presence.OFF):
        presence_set(agent=agent, state=Presence.AVAILABLE)
        changed += 1
    leaving = [Presence.AVAILABLE, Presence.BREAK, Presence.AWAY]
    for agent in User.objects.filter(pk__in=ended, presence__state__in=leaving):
        presence_set(agent=agent, state=Presence.OFF)
        changed += 1
    return changed
