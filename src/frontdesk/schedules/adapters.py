"""Schedule rows as the engine's shifts, breaks and rules, and back."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from frontdesk.engine import breaks as engine
from frontdesk.schedules.models import Break, BreakRule


def break_of(row: Break) -> engine.Break:
    """A stored break as the engine sees it; a break ended early counts to its real end."""
    end = min(row.end, row.ended_at) if row.ended_at else row.end
    return engine.Break(agent_id=row.agent_id, start=row.start, end=max(end, row.start))


def rule_of(row: BreakRule) -> engine.BreakRule:
    """A stored break rule as the engine's."""
    return engine.BreakRule(
        length=timedelta(minutes=row.length_minutes),
        earliest=timedelta(minutes=row.earliest_minutes),
        latest=timedelta(minutes=row.latest_minutes),
        min_shift=timedelta(minutes=row.min_shift_minutes),
    )


def breaks_within(
    shifts: Sequence[engine.Shift], rows: Iterable[Break | engine.Break]
) -> list[engine.Break]:
    """Breaks as the engine needs them: each inside its agent's shift (cut to it; one outside
    every shift is dropped, since nobody is missing then) and none overlapping another of the
    same agent (joined). Stored rows can be out of step with the shifts after a change."""
    by_agent: dict[int, list[engine.Break]] = {}
    for row in rows:
        taken = break_of(row) if isinstance(row, Break) else row
        for shift in shifts:
            if shift.agent_id != taken.agent_id:
                continue
            start, end = max(taken.start, shift.start), min(taken.end, shift.end)
            if end > start:
                by_agent.setdefault(taken.agent_id, []).append(
                    engine.Break(agent_id=taken.agent_id, start=start, end=end)
                )
    joined: list[engine.Break] = []
    for agent_breaks in by_agent.values():
        agent_breaks.sort(key=lambda b: b.start)
        current = agent_breaks[0]
        for following in agent_breaks[1:]:
            if following.start <= current.end:
                current = engine.Break(
                    agent_id=current.agent_id,
                    start=current.start,
                    end=max(current.end, following.end),
                )
            else:
                joined.append(current)
                current = following
        joined.append(current)
    return joined
