"""Busy days made up to order: seeded traces of a desk's contacts, and the staffing to work them.

A generated day has the shape desks report: arrivals by the hour (a Monday with a morning peak and
a lunch dip, or a steady day), a channel mix whose live contacts are short, few level-1 items and
mostly level 4, about one key customer in ten, and heavy-tailed handling times — many answers of
two to five minutes and a long tail of hard cases of half an hour to an hour and a half. Triage's
estimate is the true time times a factor drawn from the noise (0.6–1.5 by default), so the desk
never orders by what it cannot know.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from frontdesk.engine.simulation.trace import Arrival, TraceError

# A Monday, at the desk's opening.
DAY_OPENS = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
ESTIMATE_NOISE = (0.6, 1.5)
_T = TypeVar("_T")

# Agents per erlang of offered load (average agents' worth of work arriving) for each staffing
# level: below 1 the backlog grows all day; a little above 1 a peak still builds a queue; 1.3
# leaves slack at all but the busiest hour.
STAFFING: Mapping[str, float] = {"overloaded": 0.9, "tight": 1.05, "comfortable": 1.3}


@dataclass(frozen=True)
class DayShape:
    """What kind of day: contacts per hour from opening, and the mixes they are drawn from."""

    name: str
    per_hour: tuple[float, ...]
    channels: Mapping[str, float]
    levels: Mapping[int, float]
    key_share: float = 0.1


_CHANNELS = {"email": 0.40, "web": 0.25, "phone": 0.20, "visit": 0.05, "chat": 0.10}
_LEVELS = {1: 0.05, 2: 0.15, 3: 0.05, 4: 0.75}

SHAPES: Mapping[str, DayShape] = {
    # The weekend's mail on top of Monday's calls: a peak from nine to eleven, a dip at lunch,
    # a smaller afternoon (about 340 contacts over nine hours).
    "busy-monday": DayShape(
        name="busy-monday",
        per_hour=(30, 52, 58, 45, 26, 30, 38, 34, 26),
        channels=_CHANNELS,
        levels=_LEVELS,
    ),
    # Much the same number of contacts, spread evenly over the day.
    "steady": DayShape(
        name="steady",
        per_hour=(36, 39, 40, 38, 35, 38, 40, 38, 36),
        channels=_CHANNELS,
        levels=_LEVELS,
    ),
}


def day_generate(
    kind: str,
    *,
    seed: int,
    opens: datetime = DAY_OPENS,
    noise: tuple[float, float] | None = ESTIMATE_NOISE,
) -> list[Arrival]:
    """A day of `kind` (one of SHAPES) drawn with `seed`, in arrival order, each arrival with a
    triage estimate: the true time times a factor from `noise` (None: the true time)."""
    shape = SHAPES.get(kind)
    if shape is None:
        raise TraceError("unknown-day", f"unknown day {kind!r} (one of {', '.join(SHAPES)})")
    draw = random.Random(f"{kind}:{seed}")  # noqa: S311 - a simulation's dice, not a secret
    arrivals: list[Arrival] = []
    for hour, rate in enumerate(shape.per_hour):
        minute = draw.expovariate(rate / 60)
        while minute < 60:
            moment = opens + timedelta(hours=hour, minutes=minute)
            arrivals.append(_arrival(shape, draw, len(arrivals) + 1, moment, noise))
            minute += draw.expovariate(rate / 60)
    return arrivals


def _arrival(
    shape: DayShape,
    draw: random.Random,
    number: int,
    moment: datetime,
    noise: tuple[float, float] | None,
) -> Arrival:
    channel = _pick(draw, shape.channels)
    level = _pick(draw, shape.levels)
    handle = round(handle_minutes(channel, draw), 1)
    estimate = handle if noise is None else round(max(0.5, handle * draw.uniform(*noise)), 1)
    return Arrival(
        id=f"{shape.name}-{number}",
        arrived_at=moment.replace(microsecond=0),
        channel=channel,
        level=level,
        is_key=draw.random() < shape.key_share,
        handle_minutes=handle,
        estimated_minutes=estimate,
    )


def handle_minutes(channel: str, draw: random.Random) -> float:
    """A true handling time for a contact on `channel`: calls and visits a few minutes; written
    contacts half quick answers (2–5 min), a third ordinary (about 12 min), and one in eight a
    hard case of 30–90 minutes."""
    if channel in ("phone", "visit", "chat"):
        median = {"phone": 4.0, "visit": 6.0, "chat": 5.0}[channel]
        return min(25.0, max(1.0, draw.lognormvariate(math.log(median), 0.5)))
    roll = draw.random()
    if roll < 0.5:
        return draw.uniform(2, 5)
    if roll < 0.875:
        return min(30.0, max(5.0, draw.lognormvariate(math.log(12), 0.5)))
    # Log-uniform: as many hard cases between 30 and 52 minutes as between 52 and 90.
    return math.exp(draw.uniform(math.log(30), math.log(90)))


def _pick(draw: random.Random, weights: Mapping[_T, float]) -> _T:
    return draw.choices(list(weights), weights=list(weights.values()))[0]


def offered_load(arrivals: Sequence[Arrival], hours: float) -> float:
    """Erlangs: the agents it would take, on average, to keep up with the day's work."""
    return sum(a.handle_minutes for a in arrivals) / (hours * 60)


def agents_for(arrivals: Sequence[Arrival], staffing: str, *, hours: float = 9.0) -> int:
    """Agents for a staffing level (one of STAFFING) given the day's load: load × factor,
    rounded, at least one."""
    factor = STAFFING.get(staffing)
    if factor is None:
        raise TraceError(
            "unknown-staffing", f"unknown staffing {staffing!r} (one of {', '.join(STAFFING)})"
        )
    return max(1, round(offered_load(arrivals, hours) * factor))


def trace_lines(arrivals: Iterable[Arrival]) -> Iterator[str]:
    """The arrivals as trace lines (JSON Lines, as `frontdesk simulate --trace` reads them)."""
    for arrival in arrivals:
        yield json.dumps(
            {
                "id": arrival.id,
                "arrived_at": arrival.arrived_at.isoformat(),
                "channel": arrival.channel,
                "level": arrival.level,
                "is_key": arrival.is_key,
                "handle_minutes": arrival.handle_minutes,
                "estimated_minutes": arrival.estimated_minutes,
            }
        )
