"""How planning problems name times, spans, shifts, breaks and rules in their messages."""

from __future__ import annotations

from datetime import datetime, timedelta

from frontdesk.engine.breaks.roster import Break, BreakRule, Shift


def when(moment: datetime) -> str:
    """A moment as a message names it: 2026-11-23 09:00+00:00."""
    return moment.isoformat(sep=" ", timespec="minutes")


def period(start: datetime, end: datetime) -> str:
    """From one moment to another, as a message names it."""
    return f"{when(start)} to {when(end)}"


def shift_name(shift: Shift) -> str:
    """A shift as a message names it: whose, from when to when."""
    return f"agent {shift.agent_id}'s shift {period(shift.start, shift.end)}"


def break_name(absence: Break) -> str:
    """A break as a message names it: whose, from when to when."""
    return f"agent {absence.agent_id}'s break {period(absence.start, absence.end)}"


def rule_name(rule: BreakRule) -> str:
    """A break rule as a message names it: how long, and its window into the shift."""
    return (
        f"{span(rule.length)} break starting {span(rule.earliest)} to {span(rule.latest)} "
        "into the shift"
    )


def span(length: timedelta) -> str:
    """A duration as a planner says it: 1 h 30 min, 15 min."""
    sign = "-" if length < timedelta(0) else ""
    seconds = abs(length) // timedelta(seconds=1)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours} h"] if hours else []
    parts += [f"{minutes} min"] if minutes else []
    parts += [f"{seconds} s"] if seconds else []
    return sign + (" ".join(parts) or "0 min")
