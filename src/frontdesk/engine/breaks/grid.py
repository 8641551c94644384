"""Time cut into equal intervals from the UTC epoch, and the agents at work in each."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from frontdesk.engine.breaks.roster import BreakError, Shift, Shortfall
from frontdesk.engine.breaks.wording import span, when

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
DAY = timedelta(days=1)


class Board:
    """Agents at work in each interval of a grid, less the absences taken so far."""

    def __init__(self, shifts: Sequence[Shift], *, origin: int, step: int, size: int) -> None:
        self.origin, self.step, self.size = origin, step, size
        self.work = _work_spans(shifts)
        self.work_starts = {agent: [span[0] for span in own] for agent, own in self.work.items()}
        # Intervals each agent is already counted out of, so two absences never count twice.
        self.absent: dict[int, set[int]] = {}
        change = [0] * (size + 1)
        for own in self.work.values():
            for begin, finish in own:
                whole = self._whole(begin, finish)
                if whole:
                    change[whole.start] += 1
                    change[whole.stop] -= 1
        self.count: list[int] = []
        running = 0
        for delta in change[:size]:
            running += delta
            self.count.append(running)

    @classmethod
    def around(cls, shifts: Sequence[Shift], step: int) -> Board:
        """A board whose grid spans all the shifts."""
        if not shifts:
            return cls(shifts, origin=0, step=step, size=0)
        origin = min(instant_of(shift.start) for shift in shifts) // step * step
        finish = max(instant_of(shift.end) for shift in shifts)
        return cls(shifts, origin=origin, step=step, size=-((origin - finish) // step))

    def _whole(self, begin: int, finish: int) -> range:
        """The intervals lying wholly between two instants."""
        first = -((self.origin - begin) // self.step)
        return range(max(first, 0), min((finish - self.origin) // self.step, self.size))

    def working(self, agent: int, moment: int) -> range:
        """The intervals wholly at work in the agent's stretch of work under way at `moment`."""
        span = self.work[agent][bisect_right(self.work_starts[agent], moment) - 1]
        return self._whole(*span)

    def leaving(self, agent: int, begin: int, finish: int, work: range) -> list[int]:
        """The intervals of `work` an absence would count the agent out of (not out already)."""
        first = max(work.start, (begin - self.origin) // self.step)
        last = min(work.stop, -((self.origin - finish) // self.step))
        absent = self.absent.get(agent, ())
        return [index for index in range(first, last) if index not in absent]

    def take(self, agent: int, begin: int, finish: int) -> list[int]:
        """Count the agent out of the intervals an absence touches; those intervals."""
        leaving = self.leaving(agent, begin, finish, self.working(agent, begin))
        absent = self.absent.setdefault(agent, set())
        for index in leaving:
            self.count[index] -= 1
            absent.add(index)
        return leaving

    def shortfalls(self, need: Mapping[int, int]) -> tuple[Shortfall, ...]:
        """The required intervals with fewer agents than required, earliest first."""
        found = []
        for moment, required in sorted(need.items()):
            index = (moment - self.origin) // self.step
            have = self.count[index] if 0 <= index < self.size else 0
            if have < required:
                found.append(Shortfall(start=moment_of(moment), required=required, staffed=have))
        return tuple(found)


def _work_spans(shifts: Sequence[Shift]) -> dict[int, list[tuple[int, int]]]:
    """Each agent's time at work as instants, joined where one shift ends as the next begins
    (an agent on two back-to-back shifts is at work across the seam)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for agent, own in by_agent(shifts).items():
        joined: list[tuple[int, int]] = []
        for shift in own:
            begin, finish = instant_of(shift.start), instant_of(shift.end)
            if joined and joined[-1][1] == begin:
                joined[-1] = (joined[-1][0], finish)
            else:
                joined.append((begin, finish))
        spans[agent] = joined
    return spans


def by_agent(shifts: Sequence[Shift]) -> dict[int, list[Shift]]:
    """Each agent's shifts, earliest first."""
    own: dict[int, list[Shift]] = {}
    for shift in shifts:
        own.setdefault(shift.agent_id, []).append(shift)
    for agent_shifts in own.values():
        agent_shifts.sort(key=lambda shift: (instant_of(shift.start), instant_of(shift.end)))
    return own


def shift_holding(own: Sequence[Shift], moment: int) -> Shift | None:
    """The agent's last shift to start at or before `moment`."""
    index = bisect_right([instant_of(shift.start) for shift in own], moment) - 1
    return own[index] if index >= 0 else None


def requirements_of(required: Mapping[datetime, int], step: int) -> dict[int, int]:
    """The requirement keyed by instant, once each is known to be on the grid and not negative."""
    need: dict[int, int] = {}
    for moment, count in required.items():
        at = instant_of(moment, "a requirement's time")
        if count < 0:
            raise BreakError(
                "requirement-negative", f"the requirement at {when(moment)} is negative ({count})"
            )
        if at % step:
            interval = span(step * MICROSECOND)
            raise BreakError(
                "requirement-off-grid",
                f"the requirement at {when(moment)} is not on a {interval} boundary",
            )
        if at in need:
            raise BreakError(
                "requirement-twice", f"the requirement at {when(moment)} is given twice"
            )
        need[at] = count
    return need


def step_of(interval: timedelta) -> int:
    """The interval in microseconds, once it is known to be usable."""
    if interval <= timedelta(0):
        raise BreakError(
            "interval-not-positive", f"the interval must be longer than zero, not {span(interval)}"
        )
    if interval > DAY:
        raise BreakError(
            "interval-too-long", f"the interval must be one day or shorter, not {span(interval)}"
        )
    # Intervals that divide a day fall on the same clock times every day.
    if DAY % interval:
        raise BreakError(
            "interval-uneven",
            f"the interval must divide a day evenly (such as 15 min or 1 h); {span(interval)} "
            "does not",
        )
    return interval // MICROSECOND


def instant_of(moment: datetime, name: str = "a time") -> int:
    """Microseconds since the UTC epoch: real elapsed time, whatever the time zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise BreakError(
            "no-time-zone", f"{name} has no time zone ({when(moment)}); give times with their zone"
        )
    return (moment - EPOCH) // MICROSECOND


def moment_of(instant: int) -> datetime:
    """An instant back as an aware UTC datetime."""
    return EPOCH + timedelta(microseconds=instant)
