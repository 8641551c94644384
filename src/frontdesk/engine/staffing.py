"""How many agents a live queue needs: Erlang C, the model call centres plan with.

Erlang C assumes contacts arrive at random (Poisson), handling times are exponential, nobody gives
up and every contact waits its turn. Real customers do hang up, so its answers lean towards one
agent too many rather than too few, which is the safe side for a plan. The agents counted here are
the ones taking contacts; breaks, training and sickness (shrinkage) come on top when rostering.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from frontdesk.engine.errors import EngineError


class StaffingError(EngineError):
    """Input that has no sensible staffing answer; the message says why, in plain words."""


@dataclass(frozen=True)
class Staffing:
    """What a number of agents achieves for a load."""

    agents: int
    # Fraction of contacts answered within the target time (0..1).
    service_level: float
    # Average speed of answer in seconds, over all contacts, including those answered at once.
    asa_seconds: float
    # Erlang C: the probability that a contact waits at all.
    p_wait: float
    # Traffic intensity per agent (0..1): the share of time agents spend handling contacts.
    occupancy: float


def traffic(*, rate_per_hour: float, aht_seconds: float) -> float:
    """Offered load in Erlangs."""
    _check_rate(rate_per_hour)
    _check_positive("aht_seconds", aht_seconds)
    load = rate_per_hour * aht_seconds / 3600
    if not math.isfinite(load):
        raise StaffingError(
            "load-too-large",
            f"{rate_per_hour!r} contacts an hour of {aht_seconds!r} seconds each is too large a "
            "load to compute",
        )
    return load


def erlang_c(*, agents: int, traffic: float) -> float:
    """Probability that a contact has to wait (Erlang C); 1.0 when agents <= traffic."""
    _check_agents("agents", agents, least=0)
    _check_finite("traffic", traffic)
    if traffic < 0:
        raise StaffingError(
            "traffic-negative", f"traffic must be 0 Erlangs or more, not {traffic!r}"
        )
    if agents <= traffic:
        # The queue grows without end: everyone waits.
        return 1.0
    return _waiting(agents, traffic, _blocking(agents, traffic))


def staffing_with(
    *, agents: int, rate_per_hour: float, aht_seconds: float, target_seconds: float
) -> Staffing:
    """What `agents` achieve for this load: service level, ASA, P(wait), occupancy."""
    load = traffic(rate_per_hour=rate_per_hour, aht_seconds=aht_seconds)
    _check_target_seconds(target_seconds)
    _check_agents("agents", agents, least=1)
    if agents <= load:
        raise StaffingError(
            "too-few-agents",
            f"{agents} agents are too few for a load of {load:,.2f} Erlangs: the queue would grow "
            f"without end; it takes at least {math.floor(load) + 1} agents",
        )
    return _measure(agents, load, aht_seconds, target_seconds, _blocking(agents, load))


def agents_needed(
    *,
    rate_per_hour: float,
    aht_seconds: float,
    target_level: float,
    target_seconds: float,
    max_occupancy: float = 1.0,
    max_agents: int = 100_000,
) -> Staffing:
    """The fewest agents that reach the target service level and stay at or under max_occupancy."""
    load = traffic(rate_per_hour=rate_per_hour, aht_seconds=aht_seconds)
    _check_target_seconds(target_seconds)
    _check_target_level(target_level)
    _check_finite("max_occupancy", max_occupancy)
    if not 0 < max_occupancy <= 1:
        raise StaffingError(
            "occupancy-out-of-range",
            f"max_occupancy must be more than 0 and at most 1, not {max_occupancy!r}",
        )
    _check_agents("max_agents", max_agents, least=1)
    # Worked out exactly: a float quotient can round below a whole number and start one agent
    # short of the occupancy cap.
    least = max(math.floor(load) + 1, math.ceil(Fraction(load) / Fraction(max_occupancy)))
    if least <= max_agents:
        # Erlang B once up to the first candidate, then one step per extra agent: a load of
        # thousands of Erlangs is answered in milliseconds.
        blocking = _blocking(least - 1, load)
        for agents in range(least, max_agents + 1):
            blocking = _next_blocking(agents, load, blocking)
            staffing = _measure(agents, load, aht_seconds, target_seconds, blocking)
            if staffing.service_level >= target_level:
                return staffing
    raise StaffingError(
        "beyond-max-agents",
        f"a load of {load:,.2f} Erlangs needs more than {max_agents:,} agents to reach the target: "
        "more contacts than any staffing can serve",
    )


def _measure(
    agents: int, load: float, aht_seconds: float, target_seconds: float, blocking: float
) -> Staffing:
    # Callers guarantee agents > load, so every division below is by a positive number.
    p_wait = _waiting(agents, load, blocking)
    spare = agents - load
    # The exponent is never positive, so exp cannot overflow; a huge one just gives 0.
    late = p_wait * math.exp(-spare * target_seconds / aht_seconds)
    return Staffing(
        agents=agents,
        service_level=1 - late,
        asa_seconds=p_wait * aht_seconds / spare,
        p_wait=p_wait,
        occupancy=load / agents,
    )


def _blocking(agents: int, load: float) -> float:
    # Erlang B by its recursion rather than A^N/N!: factorials overflow a float at 171 agents,
    # while every step here stays between 0 and 1.
    blocking = 1.0
    for servers in range(1, agents + 1):
        if blocking == 0.0:
            # Underflowed: every later step would give 0 too.
            break
        blocking = _next_blocking(servers, load, blocking)
    return blocking


def _next_blocking(servers: int, load: float, previous: float) -> float:
    # agents_needed steps this one agent at a time, so its figures are bit for bit those of
    # staffing_with.
    offered = load * previous
    return offered / (servers + offered)


def _waiting(agents: int, load: float, blocking: float) -> float:
    return agents * blocking / (agents - load * (1 - blocking))


def _check_rate(rate_per_hour: float) -> None:
    _check_finite("rate_per_hour", rate_per_hour)
    if rate_per_hour == 0:
        raise StaffingError(
            "no-contacts",
            "rate_per_hour is 0: no agents are needed for no contacts (plan an empty interval "
            "on its own)",
        )
    if rate_per_hour < 0:
        raise StaffingError(
            "rate-not-positive", f"rate_per_hour must be more than 0, not {rate_per_hour!r}"
        )


def _check_positive(name: str, value: float) -> None:
    _check_finite(name, value)
    if value <= 0:
        raise StaffingError("not-positive", f"{name} must be more than 0, not {value!r}")


def _check_target_seconds(target_seconds: float) -> None:
    _check_finite("target_seconds", target_seconds)
    if target_seconds < 0:
        raise StaffingError(
            "target-seconds-negative", f"target_seconds must be 0 or more, not {target_seconds!r}"
        )


def _check_target_level(target_level: float) -> None:
    _check_finite("target_level", target_level)
    if target_level == 1:
        raise StaffingError(
            "target-level-unreachable",
            "target_level 1 (100%) cannot be reached: under Erlang C some contact always has a "
            "chance to wait longer than the target; aim for a level such as 0.999",
        )
    if not 0 < target_level < 1:
        raise StaffingError(
            "target-level-out-of-range",
            f"target_level must be between 0 and 1, not {target_level!r}",
        )


def _check_finite(name: str, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise StaffingError("not-finite", f"{name} must be a finite number, not {value!r}")


def _check_agents(name: str, value: int, *, least: int) -> None:
    # bool is an int to Python, but True agents is a mistake, not a count.
    if isinstance(value, bool) or not isinstance(value, int):
        raise StaffingError("not-whole", f"{name} must be a whole number, not {value!r}")
    if value < least:
        raise StaffingError("too-small", f"{name} must be {least} or more, not {value!r}")


__all__: Sequence[str] = [
    "Staffing",
    "StaffingError",
    "agents_needed",
    "erlang_c",
    "staffing_with",
    "traffic",
]
