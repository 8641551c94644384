"""What break planning works on: shifts, break rules, breaks, shortfalls and plans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from frontdesk.engine.errors import EngineError


class BreakError(EngineError):
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
