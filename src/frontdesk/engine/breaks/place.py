"""Placing every break a shift's rules give it where the forecast can best spare the agent."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from frontdesk.engine.breaks.check import rule_check, shifts_check
from frontdesk.engine.breaks.grid import (
    MICROSECOND,
    Board,
    by_agent,
    instant_of,
    moment_of,
    requirements_of,
    shift_holding,
    step_of,
)
from frontdesk.engine.breaks.roster import Break, BreakError, BreakRule, Plan, Shift
from frontdesk.engine.breaks.wording import rule_name, shift_name, span

# The score of a start that takes the agent out of no interval they are counted in.
_FREE = sys.maxsize


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
    step = step_of(interval)
    for number, rule in enumerate(rules, start=1):
        rule_check(number, rule)
    need = requirements_of(required, step)
    every_shift = [*shifts, *around]
    shifts_check(shifts=every_shift, breaks=fixed)
    board = Board.around(every_shift, step)
    floor = [0] * board.size
    for moment, count in need.items():
        index = (moment - board.origin) // step
        if 0 <= index < board.size:
            floor[index] = count

    # Each shift's breaks so far, as instants, by (agent, shift start): a shift's own breaks
    # must not overlap, and shifts of one agent never do.
    taken: dict[tuple[int, int], list[tuple[int, int]]] = {}
    kept: dict[tuple[int, int], list[Break]] = {}
    own_shifts = by_agent(every_shift)
    for absence in fixed:
        begin, finish = instant_of(absence.start), instant_of(absence.end)
        shift = shift_holding(own_shifts[absence.agent_id], begin)
        # shifts_check has made sure every fixed break lies inside one of its agent's shifts.
        assert shift is not None
        key = (absence.agent_id, instant_of(shift.start))
        taken.setdefault(key, []).append((begin, finish))
        kept.setdefault(key, []).append(absence)
        board.take(absence.agent_id, begin, finish)

    tasks = []
    for shift in shifts:
        tasks += _tasks(shift, rules, kept.get((shift.agent_id, instant_of(shift.start)), []), step)
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
                "no-room-for-break",
                f"{shift_name(task.shift)} has no room for its {rule_name(task.rule)} "
                "that does not overlap its other breaks",
            )
        others.append((best, best + task.length))
        for index in board.take(task.agent_id, best, best + task.length):
            spare[index] -= 1
        placed.append(Break(task.agent_id, moment_of(best), moment_of(best + task.length)))

    every = [Break(b.agent_id, b.start.astimezone(UTC), b.end.astimezone(UTC)) for b in fixed]
    every.extend(placed)
    every.sort(key=lambda b: (b.agent_id, b.start, b.end))
    return Plan(breaks=tuple(every), shortfalls=board.shortfalls(need))


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
    begin, finish = instant_of(shift.start), instant_of(shift.end)
    # Lengths in elapsed time: subtracting two times of one zone would give wall-clock time.
    applying = {
        number: rule
        for number, rule in enumerate(rules, start=1)
        if finish - begin >= rule.min_shift // MICROSECOND
    }
    for absence in sorted(kept, key=lambda b: (instant_of(b.start), instant_of(b.end))):
        offset = (instant_of(absence.start) - begin) * MICROSECOND
        length = instant_of(absence.end) - instant_of(absence.start)
        alike = [
            (max(rule.earliest - offset, offset - rule.latest, timedelta(0)), number)
            for number, rule in applying.items()
            if rule.length // MICROSECOND == length
        ]
        if alike:
            del applying[min(alike)[1]]
    tasks = []
    for number, rule in applying.items():
        length = rule.length // MICROSECOND
        soonest = begin + rule.earliest // MICROSECOND
        latest = min(begin + rule.latest // MICROSECOND, finish - length)
        first = -(-soonest // step) * step
        last = latest // step * step
        if soonest + length > finish:
            raise BreakError(
                "shift-too-short", f"{shift_name(shift)} is too short for its {rule_name(rule)}"
            )
        if first > last:
            raise BreakError(
                "window-off-grid",
                f"{shift_name(shift)}: no {span(step * MICROSECOND)} interval boundary falls "
                f"in the window of its {rule_name(rule)}",
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
