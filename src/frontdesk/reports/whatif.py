"""What-if: the desk's past days replayed through the simulator, as they were and with a lead's
change (another order, more agents on some hours, breaks moved), side by side.

The replay runs on business time: the span's opening hours laid end to end, so that a night, a
weekend or a holiday takes no time. What arrives while the desk is closed waits for it to open,
as the SLA clock does, so waits are in the business minutes the SLA targets count, and a shift
or break outside the opening hours shrinks to the part inside them.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from frontdesk.core.clock import desk_midnight, desk_zone
from frontdesk.core.errors import Invalid
from frontdesk.engine.breaks.roster import Shift as RosterShift
from frontdesk.engine.queue import QueueWeights
from frontdesk.engine.simulation import (
    Agent,
    Arrival,
    FirstInFirstOut,
    FrontdeskOrder,
    Oracle,
    Policy,
    PriorityThenAge,
    Shift,
    Summary,
    simulate,
    summarise,
)
from frontdesk.engine.sla import SlaTargets
from frontdesk.live.selectors import live_minutes_by_ticket
from frontdesk.reports.whatif_clock import BusinessClock, business_clock
from frontdesk.schedules.selectors import breaks_between, shifts_between
from frontdesk.sla.selectors import calendar_for, sla_targets
from frontdesk.tickets.history_selectors import ContactRow, ticket_contacts_between
from frontdesk.tickets.selectors import queue_weights

# A replay runs within the request: four weeks of a busy desk (6,800 contacts) take one to two
# seconds on a shared 2-core machine (bench/whatif_bench.py).
MAX_SPAN_DAYS = 31
MAX_CONTACTS = 12_000
# Handling time and estimate of a contact nobody measured or estimated.
DEFAULT_MINUTES = 10.0
# A take-to-answer span longer than this says the agent did other things in between.
LONGEST_MEASURE_MINUTES = 240.0
# A handling time is at least a minute: a reply sent seconds after taking it was written before.
SHORTEST_MINUTES = 1.0


class Source(StrEnum):
    """Where a contact's handling time in the replay came from, best first."""

    CALL = "call"  # the call's answer to its end
    VISIT = "visit"  # the visitor called up to gone
    REPLY = "reply"  # taken up to first answered
    ESTIMATE = "estimate"  # triage's estimate
    DEFAULT = "default"  # nothing recorded


class PolicyChoice(StrEnum):
    """The orders a variation may work in."""

    CURRENT = "current"  # the desk's order with its weights
    WEIGHTS = "weights"  # the desk's order with the lead's trial weights
    FIFO = "fifo"
    PRIORITY_AGE = "priority-age"
    ORACLE = "oracle"


@dataclass(frozen=True)
class Contacts:
    """The span's contacts as the simulator takes them, with the desk's hour each one's clock
    started in (for the charts) and where each handling time came from."""

    arrivals: list[Arrival]
    hours: dict[str, int]
    sources: Counter[Source]

    @property
    def measured(self) -> int:
        """Contacts whose handling time was measured, not estimated."""
        return sum(self.sources[s] for s in (Source.CALL, Source.VISIT, Source.REPLY))


def contacts_from(
    rows: Sequence[ContactRow],
    live_minutes: Mapping[int, float],
    clock: BusinessClock,
    zone: ZoneInfo,
) -> Contacts:
    """The contacts as arrivals on the business clock: true handling time the best measure
    recorded, the estimate triage made (or the default) what the desk orders by."""
    arrivals = []
    hours = {}
    sources: Counter[Source] = Counter()
    for row in rows:
        minutes, source = _handling(row, live_minutes)
        sources[source] += 1
        ident = str(row.ticket_id)
        arrivals.append(
            Arrival(
                id=ident,
                arrived_at=clock.at(row.created_at),
                channel=row.channel,
                level=row.level,
                is_key=row.is_key,
                handle_minutes=max(SHORTEST_MINUTES, minutes),
                estimated_minutes=float(row.effort_minutes or DEFAULT_MINUTES),
            )
        )
        hours[ident] = clock.opened(row.created_at).astimezone(zone).hour
    arrivals.sort(key=lambda arrival: arrival.arrived_at)
    return Contacts(arrivals=arrivals, hours=hours, sources=sources)


def _handling(row: ContactRow, live_minutes: Mapping[int, float]) -> tuple[float, Source]:
    if row.ticket_id in live_minutes:
        return live_minutes[row.ticket_id], Source.VISIT if row.channel == "visit" else Source.CALL
    if row.taken_at is not None and row.first_responded_at is not None:
        minutes = (row.first_responded_at - row.taken_at).total_seconds() / 60
        if 0 < minutes <= LONGEST_MEASURE_MINUTES:
            return minutes, Source.REPLY
    if row.effort_minutes:
        return float(row.effort_minutes), Source.ESTIMATE
    return DEFAULT_MINUTES, Source.DEFAULT


def agents_from_roster(
    shifts: Sequence[RosterShift],
    breaks: Sequence[tuple[int, datetime, datetime]],
    clock: BusinessClock,
    *,
    breaks_moved_minutes: int = 0,
) -> list[Agent]:
    """The roster's agents on the business clock, each break (agent id, start, end) in the
    shift it starts in, moved by `breaks_moved_minutes` but kept within its shift."""
    moved = timedelta(minutes=breaks_moved_minutes)
    by_agent: dict[int, list[Shift]] = defaultdict(list)
    for shift in shifts:
        own = []
        for agent_id, start, end in breaks:
            if agent_id != shift.agent_id or not shift.start <= start < shift.end:
                continue
            length = min(end - start, shift.end - shift.start)
            begins = min(max(start + moved, shift.start), shift.end - length)
            planned = (clock.at(begins), clock.at(begins + length))
            if planned[1] > planned[0]:
                own.append(planned)
        start, end = clock.at(shift.start), clock.at(shift.end)
        if end > start:
            by_agent[shift.agent_id].append(Shift(start=start, end=end, breaks=tuple(own)))
    return [
        Agent(name=f"agent-{agent_id}", shifts=shifts_joined(held))
        for agent_id, held in sorted(by_agent.items())
    ]


def shifts_joined(shifts: Sequence[Shift]) -> tuple[Shift, ...]:
    """The shifts in order, those that touch on the business clock (one day's close is the next
    day's opening) joined into one: the same work, and far fewer shifts for the simulator to
    look through at every step of a month."""
    joined: list[Shift] = []
    for shift in sorted(shifts, key=lambda s: s.start):
        last = joined[-1] if joined else None
        if last is not None and last.end is not None and shift.start <= last.end:
            end = None if shift.end is None else max(last.end, shift.end)
            joined[-1] = Shift(start=last.start, end=end, breaks=last.breaks + shift.breaks)
        else:
            joined.append(shift)
    return tuple(joined)


def agents_all_day(count: int, clock: BusinessClock) -> list[Agent]:
    """`count` agents at work whenever the desk is open, without breaks."""
    return [
        Agent(name=f"agent-{n}", shifts=(Shift(start=clock.origin),)) for n in range(1, count + 1)
    ]


def agents_extra(
    *,
    count: int,
    weekday: int,
    start: time,
    end: time,
    days: Sequence[date],
    zone: ZoneInfo,
    clock: BusinessClock,
) -> tuple[list[Agent], int]:
    """`count` more agents, each working `start`–`end` on every `weekday` of `days` (their
    hours outside the opening hours count for nothing), and on how many days the desk was open
    in those hours; no agents when it never was."""
    shifts = []
    for day in days:
        if day.weekday() != weekday:
            continue
        begins = clock.at(datetime.combine(day, start, tzinfo=zone))
        ends = clock.at(datetime.combine(day, end, tzinfo=zone))
        if ends > begins:
            shifts.append(Shift(start=begins, end=ends))
    if not shifts or not count:
        return [], len(shifts)
    joined = shifts_joined(shifts)
    return [Agent(name=f"extra-{n}", shifts=joined) for n in range(1, count + 1)], len(shifts)


@dataclass(frozen=True)
class Variation:
    """A lead's change to the desk's days: the order, more agents on a weekday's hours, breaks
    moved (minutes; negative is earlier)."""

    policy: PolicyChoice = PolicyChoice.CURRENT
    weights: QueueWeights | None = None
    extra_agents: int = 0
    extra_weekday: int = 0
    extra_start: time = time(9)
    extra_end: time = time(12)
    breaks_moved_minutes: int = 0


def policy_for(
    choice: PolicyChoice, *, weights: QueueWeights, trial: QueueWeights | None, targets: SlaTargets
) -> Policy:
    """The simulator's policy for a choice: the desk's order with its own weights or with the
    trial ones, or one of the orders to compare with."""
    if choice == PolicyChoice.CURRENT:
        return FrontdeskOrder(weights=weights, targets=targets)
    if choice == PolicyChoice.WEIGHTS:
        return FrontdeskOrder(weights=trial or weights, targets=targets, name="frontdesk-trial")
    others: dict[PolicyChoice, Policy] = {
        PolicyChoice.FIFO: FirstInFirstOut(),
        PolicyChoice.PRIORITY_AGE: PriorityThenAge(),
        PolicyChoice.ORACLE: Oracle(),
    }
    return others[choice]


@dataclass(frozen=True)
class Outcome:
    """One replay's figures, and its mean wait by the desk's hour of arrival."""

    summary: Summary
    wait_by_hour: dict[int, float]


@dataclass(frozen=True)
class History:
    """The span as it was: its days, contacts, roster (shifts and breaks) and business clock."""

    days: list[date]
    clock: BusinessClock
    contacts: Contacts
    shifts: list[RosterShift]
    breaks: list[tuple[int, datetime, datetime]]
    # Agents at work whenever the desk was open, when the span has no roster.
    agents_without_roster: int
    zone: ZoneInfo = field(default_factory=desk_zone)

    @property
    def roster(self) -> bool:
        """Whether the span has shifts of its own (else every agent works the opening hours)."""
        return bool(self.shifts)

    def agents(self, *, breaks_moved_minutes: int = 0) -> list[Agent]:
        """The agents as they worked (or would, with breaks moved)."""
        if not self.roster:
            return agents_all_day(self.agents_without_roster, self.clock)
        found = agents_from_roster(
            self.shifts, self.breaks, self.clock, breaks_moved_minutes=breaks_moved_minutes
        )
        return found or agents_all_day(self.agents_without_roster, self.clock)


@dataclass(frozen=True)
class WhatIf:
    """The span replayed as it was and with the variation."""

    history: History
    variation: Variation
    baseline: Outcome
    changed: Outcome
    agents: int
    # Days on which the extra agents' hours fell in the opening hours.
    extra_days: int


def whatif_history(*, since: date, until: date, agents_without_roster: int) -> History:
    """The desk's days from `since` to `until` (both included, the desk's dates) as a replay
    takes them: its contacts, its roster and its business hours."""
    days = [since + timedelta(days=n) for n in range((until - since).days + 1)]
    if not days or len(days) > MAX_SPAN_DAYS:
        raise Invalid(_("Choose from 1 to %(most)d days.") % {"most": MAX_SPAN_DAYS})
    start, end = desk_midnight(since), desk_midnight(until + timedelta(days=1))
    clock = business_clock(calendar_for(team_id=None), start, end)
    if not clock.windows:
        raise Invalid(_("The desk was closed all through these days: there is nothing to replay."))
    rows = ticket_contacts_between(since=start, until=end)
    if not rows:
        raise Invalid(_("No customer contacted the desk in these days."))
    if len(rows) > MAX_CONTACTS:
        raise Invalid(
            _("These days hold more than %(most)d contacts: choose fewer days.")
            % {"most": MAX_CONTACTS}
        )
    zone = desk_zone()
    contacts = contacts_from(rows, live_minutes_by_ticket(since=start, until=end), clock, zone)
    breaks = [
        (row.agent_id, row.started_at or row.start, row.ended_at or row.end)
        for row in breaks_between(start=start, end=end)
    ]
    return History(
        days=days,
        clock=clock,
        contacts=contacts,
        shifts=shifts_between(start=start, end=end),
        breaks=[(agent, begins, ends) for agent, begins, ends in breaks if ends > begins],
        agents_without_roster=agents_without_roster,
        zone=zone,
    )


def outcome_of(
    history: History, agents: Sequence[Agent], policy: Policy, targets: SlaTargets
) -> Outcome:
    """One replay of the history's contacts with these agents, in this order."""
    run = simulate(history.contacts.arrivals, agents, policy)
    waits: dict[int, list[float]] = defaultdict(list)
    hours = history.contacts.hours
    for served in run.served:
        waits[hours[served.arrival.id]].append(served.wait_minutes)
    for arrival in run.unserved:
        waits[hours[arrival.id]].append((run.closed_at - arrival.arrived_at).total_seconds() / 60)
    return Outcome(
        summary=summarise(run, targets),
        wait_by_hour={hour: statistics.fmean(found) for hour, found in sorted(waits.items())},
    )


def whatif_compare(
    *,
    history: History,
    variation: Variation,
    weights: QueueWeights | None = None,
    targets: SlaTargets | None = None,
) -> WhatIf:
    """The history replayed as it was (the desk's order with `weights`, its roster) and with
    the variation, SLA breaches counted against `targets` (both the desk's when not given)."""
    targets = targets or sla_targets()
    weights = weights or queue_weights()
    agents = history.agents()
    baseline = outcome_of(
        history,
        agents,
        policy_for(PolicyChoice.CURRENT, weights=weights, trial=None, targets=targets),
        targets,
    )
    extra, extra_days = agents_extra(
        count=variation.extra_agents,
        weekday=variation.extra_weekday,
        start=variation.extra_start,
        end=variation.extra_end,
        days=history.days,
        zone=history.zone,
        clock=history.clock,
    )
    changed_agents = history.agents(breaks_moved_minutes=variation.breaks_moved_minutes) + extra
    policy = policy_for(variation.policy, weights=weights, trial=variation.weights, targets=targets)
    return WhatIf(
        history=history,
        variation=variation,
        baseline=baseline,
        changed=outcome_of(history, changed_agents, policy, targets),
        agents=len(agents),
        extra_days=extra_days if extra else 0,
    )
