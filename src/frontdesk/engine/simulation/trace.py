"""A desk's day as the simulator reads it: one arrival per JSON line, checked line by line."""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from frontdesk.engine.errors import EngineError

# The desk's channels; visitors at the desk and phone calls are live (served as they come).
CHANNELS = ("email", "web", "phone", "visit", "chat")
LIVE_CHANNELS = frozenset({"phone", "visit"})
REQUIRED = ("id", "arrived_at", "channel", "level", "is_key", "handle_minutes")


class TraceError(EngineError):
    """A trace line the simulator cannot use; `line` is its number, counting from 1."""

    def __init__(self, code: str, message: str, line: int = 0) -> None:
        super().__init__(code, f"line {line}: {message}" if line else message)
        self.line = line

    def __reduce__(self) -> tuple[type[TraceError], tuple[str, str, int]]:  # type: ignore[override]
        return (type(self), (self.code, str(self), self.line))


@dataclass(frozen=True)
class Arrival:
    """One contact of the trace: when it came, what it is, and how long it really takes."""

    id: str
    arrived_at: datetime
    channel: str
    level: int
    is_key: bool
    handle_minutes: float
    # What triage estimated; the desk orders by this, never by the true time.
    estimated_minutes: float | None = None
    subject: str = ""
    body: str = ""

    @property
    def live(self) -> bool:
        """A visitor or a call: someone is waiting on the line or at the desk."""
        return self.channel in LIVE_CHANNELS

    @property
    def estimate(self) -> float:
        """The estimate the desk goes by (the true time when none was filled in)."""
        return self.handle_minutes if self.estimated_minutes is None else self.estimated_minutes


def trace_read(lines: Iterable[str]) -> list[Arrival]:
    """The trace's arrivals in arrival order (the file may be in any order); blank lines are
    skipped. The first bad line raises TraceError naming it."""
    arrivals: list[Arrival] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        arrival = arrival_from_json(line, number)
        if arrival.id in seen:
            raise TraceError("duplicate-id", f"id {arrival.id!r} appears twice", number)
        seen.add(arrival.id)
        arrivals.append(arrival)
    if not arrivals:
        raise TraceError("empty-trace", "the trace has no arrivals")
    return sorted(arrivals, key=lambda a: a.arrived_at)


def arrival_from_json(line: str, number: int) -> Arrival:
    """One line of the trace as an Arrival, or TraceError naming the line and the field."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise TraceError("bad-json", f"not valid JSON: {error.msg}", number) from error
    if not isinstance(data, dict):
        raise TraceError("not-an-object", "each line must be a JSON object", number)
    missing = [name for name in REQUIRED if name not in data or data[name] is None]
    if missing:
        raise TraceError("missing-field", f"missing field: {', '.join(missing)}", number)
    ident = data["id"]
    if isinstance(ident, bool) or not isinstance(ident, str | int) or str(ident).strip() == "":
        raise TraceError("bad-id", "id must be a non-empty string or a whole number", number)
    channel = data["channel"]
    if channel not in CHANNELS:
        raise TraceError(
            "unknown-channel",
            f"unknown channel {channel!r} (one of {', '.join(CHANNELS)})",
            number,
        )
    level = data["level"]
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 4:
        raise TraceError("bad-level", "level must be a whole number from 1 to 4", number)
    if not isinstance(data["is_key"], bool):
        raise TraceError("bad-is-key", "is_key must be true or false", number)
    estimated = data.get("estimated_minutes")
    for name in ("subject", "body"):
        if not isinstance(data.get(name, ""), str):
            raise TraceError(f"bad-{name}", f"{name} must be text", number)
    return Arrival(
        id=str(ident),
        arrived_at=_moment(data["arrived_at"], number),
        channel=channel,
        level=level,
        is_key=data["is_key"],
        handle_minutes=_minutes(data["handle_minutes"], "handle_minutes", number),
        estimated_minutes=None
        if estimated is None
        else _minutes(estimated, "estimated_minutes", number),
        subject=data.get("subject", ""),
        body=data.get("body", ""),
    )


def _moment(value: object, number: int) -> datetime:
    if not isinstance(value, str):
        raise TraceError("bad-time", "arrived_at must be an ISO 8601 time as text", number)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise TraceError(
            "bad-time", f"arrived_at is not an ISO 8601 time: {value!r}", number
        ) from error
    if moment.tzinfo is None:
        raise TraceError(
            "time-without-offset", f"arrived_at needs an offset (+02:00 or Z): {value!r}", number
        )
    return moment


def _minutes(value: object, name: str, number: int) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TraceError(f"bad-{name.replace('_', '-')}", f"{name} must be a number", number)
    if value <= 0:
        raise TraceError(
            f"bad-{name.replace('_', '-')}", f"{name} must be more than 0 (got {value})", number
        )
    return float(value)


def noise_parse(text: str) -> tuple[float, float]:
    """`--estimate-noise`: `0.6-1.5` (each estimate is the true time times a factor drawn
    between them) or one factor; TraceError when it makes no sense."""
    parts = text.replace(":", "-").split("-")
    try:
        low, high = (float(parts[0]), float(parts[-1])) if len(parts) <= 2 else (0.0, -1.0)
    except ValueError as error:
        raise TraceError("bad-noise", f"estimate noise {text!r}: write it as 0.6-1.5") from error
    if not (0 < low <= high and math.isfinite(high)):
        raise TraceError("bad-noise", f"estimate noise {text!r}: write it as 0.6-1.5, both > 0")
    return low, high


def estimates_fill(
    arrivals: Sequence[Arrival],
    *,
    noise: tuple[float, float] | None = None,
    seed: int = 0,
    estimate_text: Callable[[Arrival], float] | None = None,
) -> list[Arrival]:
    """Give every arrival the estimate the desk would have had: the trace's own when given;
    else triage's estimate of its subject and body (`estimate_text`) when it has text; else the
    true time, times a factor drawn from `noise` when noise is asked for. Each item's factor
    depends only on `seed` and its id, so a trace cut or extended keeps the others' estimates."""
    filled = []
    for arrival in arrivals:
        if arrival.estimated_minutes is not None:
            filled.append(arrival)
            continue
        if estimate_text is not None and (arrival.subject or arrival.body):
            estimate = max(1.0, float(estimate_text(arrival)))
        elif noise is not None:
            draw = random.Random(f"{seed}:{arrival.id}")  # noqa: S311 - noise, not a secret
            estimate = arrival.handle_minutes * draw.uniform(*noise)
        else:
            estimate = arrival.handle_minutes
        filled.append(replace(arrival, estimated_minutes=estimate))
    return filled
