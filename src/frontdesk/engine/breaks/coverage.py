"""Agents at work in each interval, and the intervals short of the requirement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from frontdesk.engine.breaks.check import shifts_check
from frontdesk.engine.breaks.grid import (
    Board,
    instant_of,
    moment_of,
    requirements_of,
    step_of,
)
from frontdesk.engine.breaks.roster import Break, BreakError, Shift, Shortfall
from frontdesk.engine.breaks.wording import span, when


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
    step = step_of(interval)
    first, last = instant_of(start, "the start"), instant_of(end, "the end")
    for name, moment, given in (("start", first, start), ("end", last, end)):
        if moment % step:
            raise BreakError(
                "range-off-grid", f"the {name} {when(given)} is not on a {span(interval)} boundary"
            )
    if last < first:
        raise BreakError(
            "range-reversed", f"the end {when(end)} comes before the start {when(start)}"
        )
    shifts_check(shifts=shifts, breaks=breaks)
    board = Board(shifts, origin=first, step=step, size=(last - first) // step)
    for taken in breaks:
        board.take(taken.agent_id, instant_of(taken.start), instant_of(taken.end))
    return {moment_of(first + n * step): count for n, count in enumerate(board.count)}


def shortfalls(
    *,
    shifts: Sequence[Shift],
    breaks: Sequence[Break],
    required: Mapping[datetime, int],
    interval: timedelta,
) -> tuple[Shortfall, ...]:
    """Intervals where staffed < required (required is keyed by interval start; missing keys
    mean 0)."""
    step = step_of(interval)
    need = requirements_of(required, step)
    shifts_check(shifts=shifts, breaks=breaks)
    board = Board.around(shifts, step)
    for taken in breaks:
        board.take(taken.agent_id, instant_of(taken.start), instant_of(taken.end))
    return board.shortfalls(need)
