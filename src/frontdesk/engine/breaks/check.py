"""Refusing rosters and rules that cannot be planned, each with a clear message."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from itertools import pairwise

from frontdesk.engine.breaks.grid import (
    by_agent,
    instant_of,
    shift_holding,
)
from frontdesk.engine.breaks.roster import Break, BreakError, BreakRule, Shift
from frontdesk.engine.breaks.wording import break_name, period, shift_name, span


def shifts_check(*, shifts: Sequence[Shift], breaks: Sequence[Break] = ()) -> None:
    """Refuse overlapping shifts of one agent, shifts that end before they start, breaks outside
    their agent's shift and overlapping breaks of one agent, each with a clear message."""
    for shift in shifts:
        starts = instant_of(shift.start, f"the start of agent {shift.agent_id}'s shift")
        ends = instant_of(shift.end, f"the end of agent {shift.agent_id}'s shift")
        if ends <= starts:
            raise BreakError(
                "shift-ends-before-start", f"{shift_name(shift)} must end after it starts"
            )
    own_shifts = by_agent(shifts)
    for own in own_shifts.values():
        for before, after in pairwise(own):
            if instant_of(after.start) < instant_of(before.end):
                raise BreakError(
                    "shifts-overlap",
                    f"agent {before.agent_id} has overlapping shifts: "
                    f"{period(before.start, before.end)} and {period(after.start, after.end)}",
                )
    own_breaks: dict[int, list[Break]] = {}
    for absence in breaks:
        begin = instant_of(absence.start, f"the start of agent {absence.agent_id}'s break")
        finish = instant_of(absence.end, f"the end of agent {absence.agent_id}'s break")
        if finish <= begin:
            raise BreakError(
                "break-ends-before-start", f"{break_name(absence)} must end after it starts"
            )
        holding = shift_holding(own_shifts.get(absence.agent_id, []), begin)
        if holding is None or finish > instant_of(holding.end):
            raise BreakError(
                "break-outside-shift",
                f"{break_name(absence)} is not inside one of the agent's shifts",
            )
        own_breaks.setdefault(absence.agent_id, []).append(absence)
    for agent_breaks in own_breaks.values():
        agent_breaks.sort(key=lambda b: (instant_of(b.start), instant_of(b.end)))
        for first, second in pairwise(agent_breaks):
            if instant_of(second.start) < instant_of(first.end):
                raise BreakError(
                    "breaks-overlap",
                    f"agent {first.agent_id} has overlapping breaks: "
                    f"{period(first.start, first.end)} and {period(second.start, second.end)}",
                )


def rule_check(number: int, rule: BreakRule) -> None:
    """Refuse a break rule that makes no sense, naming it by its number."""
    name = f"break rule {number}"
    if rule.length <= timedelta(0):
        raise BreakError(
            "rule-length-not-positive",
            f"{name}: a break must last longer than zero, not {span(rule.length)}",
        )
    if rule.earliest < timedelta(0):
        raise BreakError(
            "rule-starts-before-shift", f"{name}: a break cannot start before its shift does"
        )
    if rule.earliest > rule.latest:
        raise BreakError(
            "rule-window-reversed",
            f"{name}: the earliest start ({span(rule.earliest)} into the shift) comes after "
            f"the latest ({span(rule.latest)})",
        )
    if rule.min_shift < timedelta(0):
        raise BreakError(
            "rule-min-shift-negative",
            f"{name}: the shortest shift it applies to cannot be negative",
        )
