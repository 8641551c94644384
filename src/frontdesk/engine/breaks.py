"""Breaks placed so the desk stays staffed: every shift gets the breaks its rules give it, each
where the forecast can best spare the agent.

Time is cut into equal intervals counted from the UTC epoch, so 15-minute intervals fall on :00,
:15, :30 and :45 in every whole- or half-hour time zone; an agent counts in an interval only if at
work for all of it. Breaks are placed one at a time, the most constrained first (fewest possible
starts, then agent id, then shift start); each goes where the thinnest interval it covers keeps
the most agents above the requirement (ties: the most to spare over all it covers, then the
earliest start). Taking the agent out lowers the counts the next break sees, so breaks stagger by
themselves and a lead can be told why any break is where it is. Being greedy, it is not an
optimum: a tight requirement that some other arrangement would just meet can come back as a
shortfall, and is then shown as one rather than hidden.

A shift is two instants: one across midnight or a change of clocks is counted in real elapsed
time. Everything returned is in UTC; pages show it in the team's time zone.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_DAY = timedelta(days=1)
# The score of a start that takes the agent out of no interval they are counted in.
_FREE = sys.maxsize


class BreakError(ValueError):
    """Input that cannot be planned; the message says why in plain words."""


@dataclass(frozen=True)
class Shift:
    """One agent's time at work, from `start` to `end` (aware instants)."""

    agent_id: int
    start: datetime
    end: datetime


@dataclass(frozen=True)
class BreakRule:
    """One break every shift of at least `min_shift` gets: `length` long, starting no earlier
    than `earliest` after the shift starts and no later than `latest` after it starts."""

    length: timedelta
    earliest: timedelta
    latest: timedelta
    min_shift: timedelta = timedelta(0)


@dataclass(frozen=True)
class Break:
    """One agent away from work from `start` to `end`."""

    agent_id: int
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Shortfall:
    """An interval where fewer agents are at work than required."""

    start: datetime
    required: int
    staffed: int


@dataclass(frozen=True)
class Plan:
    """Every break of the shifts (the fixed ones included), and the intervals still short."""

    breaks: tuple[Break, ...]
    # Empty when coverage is kept everywhere.
    shortfalls: tuple[Shortfall, ...]


def staffed(
    *,
    shifts: Sequence[Shift],
    breaks: Sequence[Break],
    start: datetime,
    end: datetime,
    interval: timedelta,
) -> dict[datetime, int]:
    """Agents at work (on shift, not on a break) in each interval from start to end; an agent
    counts in an interval only if at work for the whole interval."""
    step = _step(interval)
    first, last = _instant(start, "the start"), _instant(end, "the end")
    for name, moment, given in (("start", first, start), ("end", last, end)):
        if moment % step:
            raise BreakError(f"the {name} {_when(given)} is not on a {_span(interval)} boundary")
    if last < first:
        raise BreakError(f"the end {_when(end)} comes before the start {_when(start)}")
    shifts_check(shifts=shifts, breaks=breaks)
    board = _Board(shifts, origin=first, step=step, size=(last - first) // step)
    for taken in breaks:
        board.take(taken.agent_id, _instant(taken.start), _instant(taken.end))
    return {_moment(first + n * step): count for n, count in enumerate(board.count)}


def shortfalls(
    *,
    shifts: Sequence[Shift],
    breaks: Sequence[Break],
    required: Mapping[datetime, int],
    interval: timedelta,
) -> tuple[Shortfall, ...]:
    """Intervals where staffed < required (required is keyed by interval start; missing keys
    mean 0)."""
    step = _step(interval)
    need = _requirements(required, step)
    shifts_check(shifts=shifts, breaks=breaks)
    board = _Board.around(shifts, step)
    for taken in breaks:
        board.take(taken.agent_id, _instant(taken.start), _instant(taken.end))
    return board.shortfalls(need)


def breaks_place(
    *,
    shifts: Sequence[Shift],
    rules: Sequence[BreakRule],
    required: Mapping[datetime, int],
    interval: timedelta,
    fixed: Sequence[Break] = (),
    around: Sequence[Shift] = (),
) -> Plan:
    """Place every break the rules give each shift, on interval boundaries inside its window, so
    that staffing stays at or above the requirement wherever it can; the shortfalls that remain.

    A fixed break stays where it is and stands in for one of its shift's rules of the same length
    (the rule whose window is nearest its start; ties: the earlier rule), which then places no
    break of its own; a fixed break of a length no rule gives is one more absence to plan around.
    Shifts `around` the planned ones (last week's night shift running into this Monday) count at
    work and may hold fixed breaks, but get none placed: they belong to another plan.
    """
    step = _step(interval)
    for number, rule in enumerate(rules, start=1):
        _rule_check(number, rule)
    need = _requirements(required, step)
    every_shift = [*shifts, *around]
    shifts_check(shifts=every_shift, breaks=fixed)
    board = _Board.around(every_shift, step)
    floor = [0] * board.size
    for moment, count in need.items():
        index = (moment - board.origin) // step
        if 0 <= index < board.size:
            floor[index] = count

    # Each shift's breaks so far, as instants, by (agent, shift start): a shift's own breaks
    # must not overlap, and shifts of one agent never do.
    taken: dict[tuple[int, int], list[tuple[int, int]]] = {}
    kept: dict[tuple[int, int], list[Break]] = {}
    own_shifts = _by_agent(every_shift)
    for absence in fixed:
        begin, finish = _instant(absence.start), _instant(absence.end)
        shift = _shift_holding(own_shifts[absence.agent_id], begin)
        # shifts_check has made sure every fixed break lies inside one of its agent's shifts.
        assert shift is not None
        key = (absence.agent_id, _instant(shift.start))
        taken.setdefault(key, []).append((begin, finish))
        kept.setdefault(key, []).append(absence)
        board.take(absence.agent_id, begin, finish)

    tasks = []
    for shift in shifts:
        tasks += _tasks(shift, rules, kept.get((shift.agent_id, _instant(shift.start)), []), step)
    tasks.sort(key=lambda task: (task.width, task.agent_id, task.shift_start, task.rule_number))
    spare = [count - least for count, least in zip(board.count, floor, strict=True)]
    placed = []
    for task in tasks:
        others = taken.setdefault((task.agent_id, task.shift_start), [])
        work = board.working(task.agent_id, task.shift_start)
        best: int | None = None
        best_score = (0, 0)
        for start in range(task.first, task.last + 1, step):
            end = start + task.length
            if any(start < other_end and other_start < end for other_start, other_end in others):
                continue
            margins = [spare[index] - 1 for index in board.leaving(task.agent_id, start, end, work)]
            score = (min(margins), sum(margins)) if margins else (_FREE, 0)
            # Strictly better only: on a tie the earlier start, met first, stays.
            if best is None or score > best_score:
                best, best_score = start, score
        if best is None:
            raise BreakError(
                f"{_shift_name(task.shift)} has no room for its {_rule_name(task.rule)} "
                "that does not overlap its other breaks"
            )
        others.append((best, best + task.length))
        for index in board.take(task.agent_id, best, best + task.length):
            spare[index] -= 1
        placed.append(Break(task.agent_id, _moment(best), _moment(best + task.length)))

    every = [Break(b.agent_id, b.start.astimezone(UTC), b.end.astimezone(UTC)) for b in fixed]
    every.extend(placed)
    every.sort(key=lambda b: (b.agent_id, b.start, b.end))
    return Plan(breaks=tuple(every), shortfalls=board.shortfalls(need))


def shifts_check(*, shifts: Sequence[Shift], breaks: Sequence[Break] = ()) -> None:
    """Refuse overlapping shifts of one agent, shifts that end before they start, breaks outside
    their agent's shift and overlapping breaks of one agent, each with a clear message."""
    for shift in shifts:
        starts = _instant(shift.start, f"the start of agent {shift.agent_id}'s shift")
        ends = _instant(shift.end, f"the end of agent {shift.agent_id}'s shift")
        if ends <= starts:
            raise BreakError(f"{_shift_name(shift)} must end after it starts")
    own_shifts = _by_agent(shifts)
    for own in own_shifts.values():
        for before, after in pairwise(own):
            if _instant(after.start) < _instant(before.end):
                raise BreakError(
                    f"agent {before.agent_id} has overlapping shifts: "
                    f"{_period(before.start, before.end)} and {_period(after.start, after.end)}"
                )
    own_breaks: dict[int, list[Break]] = {}
    for absence in breaks:
        begin = _instant(absence.start, f"the start of agent {absence.agent_id}'s break")
        finish = _instant(absence.end, f"the end of agent {absence.agent_id}'s break")
        if finish <= begin:
            raise BreakError(f"{_break_name(absence)} must end after it starts")
        holding = _shift_holding(own_shifts.get(absence.agent_id, []), begin)
        if holding is None or finish > _instant(holding.end):
            raise BreakError(f"{_break_name(absence)} is not inside one of the agent's shifts")
        own_breaks.setdefault(absence.agent_id, []).append(absence)
    for agent_breaks in own_breaks.values():
        agent_breaks.sort(key=lambda b: (_instant(b.start), _instant(b.end)))
        for first, second in pairwise(agent_breaks):
            if _instant(second.start) < _instant(first.end):
                raise BreakError(
                    f"agent {first.agent_id} has overlapping breaks: "
                    f"{_period(first.start, first.end)} and {_period(second.start, second.end)}"
                )


class _Board:
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
    def around(cls, shifts: Sequence[Shift], step: int) -> _Board:
        """A board whose grid spans all the shifts."""
        if not shifts:
            return cls(shifts, origin=0, step=step, size=0)
        origin = min(_instant(shift.start) for shift in shifts) // step * step
        finish = max(_instant(shift.end) for shift in shifts)
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
                found.append(Shortfall(start=_moment(moment), required=required, staffed=have))
        return tuple(found)


@dataclass(frozen=True)
class _Task:
    """One break still to place: the rule, the shift, and its first and last possible start."""

    width: int
    agent_id: int
    shift_start: int
    rule_number: int
    shift: Shift
    rule: BreakRule
    length: int
    first: int
    last: int


def _tasks(
    shift: Shift, rules: Sequence[BreakRule], kept: Sequence[Break], step: int
) -> list[_Task]:
    begin, finish = _instant(shift.start), _instant(shift.end)
    # Lengths in elapsed time: subtracting two times of one zone would give wall-clock time.
    applying = {
        number: rule
        for number, rule in enumerate(rules, start=1)
        if finish - begin >= rule.min_shift // _MICROSECOND
    }
    for absence in sorted(kept, key=lambda b: (_instant(b.start), _instant(b.end))):
        offset = (_instant(absence.start) - begin) * _MICROSECOND
        length = _instant(absence.end) - _instant(absence.start)
        alike = [
            (max(rule.earliest - offset, offset - rule.latest, timedelta(0)), number)
            for number, rule in applying.items()
            if rule.length // _MICROSECOND == length
        ]
        if alike:
            del applying[min(alike)[1]]
    tasks = []
    for number, rule in applying.items():
        length = rule.length // _MICROSECOND
        soonest = begin + rule.earliest // _MICROSECOND
        latest = min(begin + rule.latest // _MICROSECOND, finish - length)
        first = -(-soonest // step) * step
        last = latest // step * step
        if soonest + length > finish:
            raise BreakError(f"{_shift_name(shift)} is too short for its {_rule_name(rule)}")
        if first > last:
            raise BreakError(
                f"{_shift_name(shift)}: no {_span(step * _MICROSECOND)} interval boundary falls "
                f"in the window of its {_rule_name(rule)}"
            )
        tasks.append(
            _Task(
                width=(last - first) // step + 1,
                agent_id=shift.agent_id,
                shift_start=begin,
                rule_number=number,
                shift=shift,
                rule=rule,
                length=length,
                first=first,
                last=last,
            )
        )
    return tasks


def _work_spans(shifts: Sequence[Shift]) -> dict[int, list[tuple[int, int]]]:
    """Each agent's time at work as instants, joined where one shift ends as the next begins
    (an agent on two back-to-back shifts is at work across the seam)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for agent, own in _by_agent(shifts).items():
        joined: list[tuple[int, int]] = []
        for shift in own:
            begin, finish = _instant(shift.start), _instant(shift.end)
            if joined and joined[-1][1] == begin:
                joined[-1] = (joined[-1][0], finish)
            else:
                joined.append((begin, finish))
        spans[agent] = joined
    return spans


def _by_agent(shifts: Sequence[Shift]) -> dict[int, list[Shift]]:
    own: dict[int, list[Shift]] = {}
    for shift in shifts:
        own.setdefault(shift.agent_id, []).append(shift)
    for agent_shifts in own.values():
        agent_shifts.sort(key=lambda shift: (_instant(shift.start), _instant(shift.end)))
    return own


def _shift_holding(own: Sequence[Shift], moment: int) -> Shift | None:
    """The agent's last shift to start at or before `moment`."""
    index = bisect_right([_instant(shift.start) for shift in own], moment) - 1
    return own[index] if index >= 0 else None


def _requirements(required: Mapping[datetime, int], step: int) -> dict[int, int]:
    need: dict[int, int] = {}
    for moment, count in required.items():
        at = _instant(moment, "a requirement's time")
        if count < 0:
            raise BreakError(f"the requirement at {_when(moment)} is negative ({count})")
        if at % step:
            interval = _span(step * _MICROSECOND)
            raise BreakError(f"the requirement at {_when(moment)} is not on a {interval} boundary")
        if at in need:
            raise BreakError(f"the requirement at {_when(moment)} is given twice")
        need[at] = count
    return need


def _step(interval: timedelta) -> int:
    """The interval in microseconds, once it is known to be usable."""
    if interval <= timedelta(0):
        raise BreakError(f"the interval must be longer than zero, not {_span(interval)}")
    if interval > _DAY:
        raise BreakError(f"the interval must be one day or shorter, not {_span(interval)}")
    # Intervals that divide a day fall on the same clock times every day.
    if _DAY % interval:
        raise BreakError(
            f"the interval must divide a day evenly (such as 15 min or 1 h); {_span(interval)} "
            "does not"
        )
    return interval // _MICROSECOND


def _rule_check(number: int, rule: BreakRule) -> None:
    name = f"break rule {number}"
    if rule.length <= timedelta(0):
        raise BreakError(f"{name}: a break must last longer than zero, not {_span(rule.length)}")
    if rule.earliest < timedelta(0):
        raise BreakError(f"{name}: a break cannot start before its shift does")
    if rule.earliest > rule.latest:
        raise BreakError(
            f"{name}: the earliest start ({_span(rule.earliest)} into the shift) comes after "
            f"the latest ({_span(rule.latest)})"
        )
    if rule.min_shift < timedelta(0):
        raise BreakError(f"{name}: the shortest shift it applies to cannot be negative")


def _instant(moment: datetime, name: str = "a time") -> int:
    """Microseconds since the UTC epoch: real elapsed time, whatever the time zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise BreakError(f"{name} has no time zone ({_when(moment)}); give times with their zone")
    return (moment - _EPOCH) // _MICROSECOND


def _moment(instant: int) -> datetime:
    return _EPOCH + timedelta(microseconds=instant)


def _when(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="minutes")


def _period(start: datetime, end: datetime) -> str:
    return f"{_when(start)} to {_when(end)}"


def _shift_name(shift: Shift) -> str:
    return f"agent {shift.agent_id}'s shift {_period(shift.start, shift.end)}"


def _break_name(absence: Break) -> str:
    return f"agent {absence.agent_id}'s break {_period(absence.start, absence.end)}"


def _rule_name(rule: BreakRule) -> str:
    return (
        f"{_span(rule.length)} break starting {_span(rule.earliest)} to {_span(rule.latest)} "
        "into the shift"
    )


def _span(span: timedelta) -> str:
    """A duration as a planner says it: 1 h 30 min, 15 min."""
    sign = "-" if span < timedelta(0) else ""
    seconds = abs(span) // timedelta(seconds=1)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours} h"] if hours else []
    parts += [f"{minutes} min"] if minutes else []
    parts += [f"{seconds} s"] if seconds else []
    return sign + (" ".join(parts) or "0 min")


__all__: Sequence[str] = [
    "Break",
    "BreakError",
    "BreakRule",
    "Plan",
    "Shift",
    "Shortfall",
    "breaks_place",
    "shifts_check",
    "shortfalls",
    "staffed",
]
