"""A discrete-event simulation of a desk: contacts arrive, agents on shift take the next item by
a policy and work it for its true handling time, and take their breaks.

Agents never stop in the middle of an item. Within `break_fit_minutes` of a planned break an agent
takes only items whose estimate fits before it, as the desk's "take next" does; when the true time
overruns, the break starts late and keeps its length. An agent takes nothing after the shift ends
but finishes what is in hand. Nobody serves while on a break.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import IntEnum

from frontdesk.engine.simulation.policies import Key, Policy
from frontdesk.engine.simulation.trace import Arrival, TraceError

# The desk's default warning before a break (FRONTDESK_BREAK_WARNING_MINUTES).
BREAK_FIT_MINUTES = 15


@dataclass(frozen=True)
class Shift:
    """One stretch of an agent's work: `end` None works until the queue is empty."""

    start: datetime
    end: datetime | None = None
    # Planned breaks (start, end) within the shift.
    breaks: tuple[tuple[datetime, datetime], ...] = ()


@dataclass(frozen=True)
class Agent:
    """A simulated agent and when they work."""

    name: str
    shifts: tuple[Shift, ...]


def agents_plain(count: int, start: datetime) -> list[Agent]:
    """`count` agents who start at `start`, take no breaks and work until the queue is empty."""
    if count < 1:
        raise TraceError("no-agents", "a desk needs at least one agent")
    return [Agent(name=f"agent {n}", shifts=(Shift(start=start),)) for n in range(1, count + 1)]


@dataclass(frozen=True)
class Served:
    """One item worked: by whom, from when to when."""

    arrival: Arrival
    agent: str
    start: datetime
    end: datetime

    @property
    def wait_minutes(self) -> float:
        """Minutes from arrival to the first response (the moment an agent takes it up)."""
        return (self.start - self.arrival.arrived_at).total_seconds() / 60


@dataclass(frozen=True)
class BreakTaken:
    """A break as it happened: planned, and when it really started and ended."""

    agent: str
    planned: tuple[datetime, datetime]
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Run:
    """What one simulated day came to under one policy."""

    policy: str
    served: tuple[Served, ...]
    # Items no agent was left to take (every shift over).
    unserved: tuple[Arrival, ...]
    breaks: tuple[BreakTaken, ...]
    opened_at: datetime
    closed_at: datetime
    # Agent-minutes on shift and not on a break (overtime to finish an item included).
    available_minutes: float
    busy_minutes: float


class _Event(IntEnum):
    # At one moment: items arrive and agents free up first, then keys change, then agents act.
    ARRIVE = 0
    FREE = 1
    RISK = 2
    WAKE = 3


@dataclass
class _AgentState:
    agent: Agent
    busy_until: datetime | None = None
    on_break_until: datetime | None = None
    pending: list[tuple[datetime, datetime]] = field(default_factory=list)
    taken: list[BreakTaken] = field(default_factory=list)
    served: list[Served] = field(default_factory=list)
    # Shifts by start, and the first that has not ended yet: time only moves forward, so
    # finding the shift going on is a step along the list, not a search through it.
    shifts: list[Shift] = field(default_factory=list)
    current: int = 0

    def on_shift(self, now: datetime) -> bool:
        while self.current < len(self.shifts) and _ended(self.shifts[self.current], now):
            self.current += 1
        return self.current < len(self.shifts) and self.shifts[self.current].start <= now


def _ended(shift: Shift, now: datetime) -> bool:
    return shift.end is not None and shift.end <= now


def simulate(
    arrivals: Sequence[Arrival],
    agents: Sequence[Agent],
    policy: Policy,
    *,
    break_fit_minutes: int = BREAK_FIT_MINUTES,
) -> Run:
    """Work the arrivals (in arrival order) with the agents, taking items by `policy`."""
    if not agents:
        raise TraceError("no-agents", "a desk needs at least one agent")
    states = [
        _AgentState(
            agent,
            pending=sorted(b for s in agent.shifts for b in s.breaks),
            shifts=sorted(agent.shifts, key=lambda s: s.start),
        )
        for agent in agents
    ]
    counter = itertools.count()
    events: list[tuple[datetime, int, int, int]] = []

    def schedule(moment: datetime, kind: _Event, who: int) -> None:
        heapq.heappush(events, (moment, kind, next(counter), who))

    for index, arrival in enumerate(arrivals):
        schedule(arrival.arrived_at, _Event.ARRIVE, index)
    for who, state in enumerate(states):
        for shift in state.agent.shifts:
            schedule(shift.start, _Event.WAKE, who)
        for start, _end in state.pending:
            schedule(start, _Event.WAKE, who)
            schedule(start - timedelta(minutes=break_fit_minutes), _Event.WAKE, who)

    waiting: list[tuple[Key, int, int]] = []  # (key, index, version)
    version = [0] * len(arrivals)
    taken = [False] * len(arrivals)
    served: list[Served] = []
    opened_at = min(s.start for state in states for s in state.agent.shifts)

    def enqueue(index: int, now: datetime) -> None:
        arrival = arrivals[index]
        risk = policy.risk_at(arrival)
        at_risk = risk is not None and risk <= now
        version[index] += 1
        heapq.heappush(waiting, (policy.key(arrival, at_risk=at_risk), index, version[index]))
        if risk is not None and not at_risk:
            schedule(risk, _Event.RISK, index)

    def take(fits: float | None) -> int | None:
        aside = []
        found = None
        while waiting:
            entry = heapq.heappop(waiting)
            _key, index, seen = entry
            if taken[index] or seen != version[index]:
                continue
            if fits is not None and arrivals[index].estimate > fits:
                aside.append(entry)
                continue
            found = index
            break
        for entry in aside:
            heapq.heappush(waiting, entry)
        return found

    def act(who: int, now: datetime) -> None:
        state = states[who]
        if state.busy_until is not None and state.busy_until > now:
            return
        if state.on_break_until is not None and state.on_break_until > now:
            return
        state.busy_until = state.on_break_until = None
        while state.pending and state.pending[0][0] <= now and not state.on_shift(now):
            state.pending.pop(0)  # a break planned outside the shift is not taken
        if state.pending and state.pending[0][0] <= now:
            planned = state.pending.pop(0)
            end = now + (planned[1] - planned[0])
            state.taken.append(BreakTaken(state.agent.name, planned, now, end))
            state.on_break_until = end
            schedule(end, _Event.WAKE, who)
            return
        if not state.on_shift(now):
            return
        fits = None
        if state.pending:
            left = (state.pending[0][0] - now).total_seconds() / 60
            fits = left if left <= break_fit_minutes else None
        index = take(fits)
        if index is None:
            return
        taken[index] = True
        end = now + timedelta(minutes=arrivals[index].handle_minutes)
        work = Served(arrivals[index], state.agent.name, now, end)
        served.append(work)
        state.served.append(work)
        state.busy_until = end
        schedule(end, _Event.FREE, who)

    while events:
        now = events[0][0]
        while events and events[0][0] == now:
            _moment, kind, _n, who = heapq.heappop(events)
            if kind is _Event.ARRIVE:
                enqueue(who, now)
            elif kind is _Event.RISK and not taken[who]:
                version[who] += 1
                key = policy.key(arrivals[who], at_risk=True)
                heapq.heappush(waiting, (key, who, version[who]))
        for who in range(len(states)):
            act(who, now)

    unserved = tuple(a for index, a in enumerate(arrivals) if not taken[index])
    ends = [s.end for s in served] + [a.arrived_at for a in arrivals] + [opened_at]
    closed_at = max(ends)
    available = sum(_available_minutes(state, closed_at) for state in states)
    busy = sum(a.handle_minutes for a in (s.arrival for s in served))
    return Run(
        policy=policy.name,
        served=tuple(sorted(served, key=lambda s: (s.start, s.agent))),
        unserved=unserved,
        breaks=tuple(b for state in states for b in state.taken),
        opened_at=opened_at,
        closed_at=closed_at,
        available_minutes=available,
        busy_minutes=busy,
    )


def _available_minutes(state: _AgentState, closed_at: datetime) -> float:
    """Minutes the agent was at work: shifts (open-ended ones until the desk closed), stretched
    to finish the last item, less breaks."""
    spans = []
    for shift in state.agent.shifts:
        end = shift.end or closed_at
        overrun = [s.end for s in state.served if shift.start <= s.start < end]
        spans.append((shift.start, max([end, *overrun])))
    minutes = sum((end - start).total_seconds() / 60 for start, end in spans if end > start)
    minutes -= sum((b.end - b.start).total_seconds() / 60 for b in state.taken)
    return max(0.0, minutes)
