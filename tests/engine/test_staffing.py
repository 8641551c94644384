from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from itertools import product
from typing import Any, TypedDict

import pytest

from frontdesk.engine.staffing import (
    StaffingError,
    agents_needed,
    erlang_c,
    staffing_with,
    traffic,
)


def exact_erlang_c(load: Fraction, agents: int) -> Fraction:
    """Erlang C by the textbook formula in exact rational arithmetic, for agents > load."""
    last = load**agents / math.factorial(agents) * agents / (agents - load)
    return last / (sum(load**k / math.factorial(k) for k in range(agents)) + last)


def meets(
    agents: int,
    *,
    load: float,
    aht_seconds: float,
    target_level: float,
    target_seconds: float,
    max_occupancy: float,
) -> bool:
    """Whether `agents` serve the load within the targets, judged with the exact Erlang C."""
    return (
        agents > load
        and Fraction(load) <= agents * Fraction(max_occupancy)
        and 1
        - float(exact_erlang_c(Fraction(load), agents))
        * math.exp(-(agents - load) * target_seconds / aht_seconds)
        >= target_level
    )


# The worked example of callcentrehelper.com and the textbooks: 100 calls in half an hour, three
# minutes each, 80% to be answered within 20 seconds.
class Load(TypedDict):
    """The load a staffing question is asked about."""

    rate_per_hour: float
    aht_seconds: float
    target_seconds: float


EXAMPLE: Load = {"rate_per_hour": 200.0, "aht_seconds": 180.0, "target_seconds": 20.0}


@pytest.mark.parametrize(
    ("rate_per_hour", "aht_seconds", "erlangs"),
    [(200, 180, 10.0), (30, 240, 2.0), (100_000, 180, 5000.0), (1, 36, 0.01)],
)
def test_traffic_is_contacts_times_handling_time(
    rate_per_hour: float, aht_seconds: float, erlangs: float
) -> None:
    assert traffic(rate_per_hour=rate_per_hour, aht_seconds=aht_seconds) == erlangs


@pytest.mark.parametrize(
    ("agents", "p_wait"),
    [(11, 0.682118), (12, 0.449388), (13, 0.285270), (14, 0.174132), (15, 0.102042)],
)
def test_erlang_c_gives_the_published_figures_for_ten_erlangs(agents: int, p_wait: float) -> None:
    assert erlang_c(agents=agents, traffic=10.0) == pytest.approx(p_wait, abs=5e-7)


@pytest.mark.parametrize(
    ("agents", "service_level", "asa_seconds", "p_wait", "occupancy"),
    [
        (13, 0.795595, 17.1162, 0.285270, 0.769231),
        (14, 0.888350, 7.8359, 0.174132, 0.714286),
    ],
)
def test_what_agents_achieve_in_the_worked_example(
    agents: int, service_level: float, asa_seconds: float, p_wait: float, occupancy: float
) -> None:
    staffing = staffing_with(agents=agents, **EXAMPLE)
    assert staffing.agents == agents
    assert staffing.service_level == pytest.approx(service_level, abs=5e-7)
    assert staffing.asa_seconds == pytest.approx(asa_seconds, abs=5e-5)
    assert staffing.p_wait == pytest.approx(p_wait, abs=5e-7)
    assert staffing.occupancy == pytest.approx(occupancy, abs=5e-7)


@pytest.mark.parametrize(
    ("target_level", "max_occupancy", "agents", "case"),
    [
        (0.8, 1.0, 14, "the worked example: 13 agents answer only 79.6% in time"),
        (0.5, 1.0, 12, "a lower target"),
        (0.8, 0.7, 15, "an occupancy cap of 70% needs more than the target does"),
        (0.999, 1.0, 21, "nearly everyone in time"),
    ],
)
def test_agents_needed_in_the_worked_example(
    target_level: float, max_occupancy: float, agents: int, case: str
) -> None:
    answer = agents_needed(target_level=target_level, max_occupancy=max_occupancy, **EXAMPLE)
    assert answer.agents == agents, case
    assert answer == staffing_with(agents=agents, **EXAMPLE), case


@pytest.mark.parametrize(
    ("load", "agents"),
    [
        (load, agents)
        for load in (0.5, 1.0, 2.5, 7.3, 10.0, 23.75, 60.0)
        for agents in range(math.floor(load) + 1, math.floor(load) + 16)
    ],
)
def test_erlang_c_agrees_with_the_textbook_formula(load: float, agents: int) -> None:
    exact = exact_erlang_c(Fraction(load), agents)
    assert erlang_c(agents=agents, traffic=load) == pytest.approx(float(exact), rel=1e-9, abs=0)


@pytest.mark.parametrize(
    ("agents", "load", "p_wait", "case"),
    [
        (10, 10.0, 1.0, "as many agents as Erlangs: the queue never empties"),
        (3, 10.0, 1.0, "fewer agents than Erlangs"),
        (0, 2.5, 1.0, "nobody at all"),
        (1, 0.0, 0.0, "no traffic: nobody waits"),
    ],
)
def test_erlang_c_at_the_edges(agents: int, load: float, p_wait: float, case: str) -> None:
    assert erlang_c(agents=agents, traffic=load) == p_wait, case


@pytest.mark.parametrize(
    ("rate_per_hour", "aht_seconds", "target_level", "target_seconds", "max_occupancy"),
    [
        (rate, aht, level, seconds, occupancy)
        for (rate, aht), (level, seconds), occupancy in product(
            [(200, 180), (30, 300), (1, 600), (720, 240), (1500, 120), (47, 263)],
            [(0.8, 20), (0.9, 15), (0.95, 60), (0.5, 0), (0.999, 30)],
            [1.0, 0.85, 0.6],
        )
    ],
)
def test_agents_needed_is_the_fewest_that_meet_the_targets(
    rate_per_hour: float,
    aht_seconds: float,
    target_level: float,
    target_seconds: float,
    max_occupancy: float,
) -> None:
    answer = agents_needed(
        rate_per_hour=rate_per_hour,
        aht_seconds=aht_seconds,
        target_level=target_level,
        target_seconds=target_seconds,
        max_occupancy=max_occupancy,
    )
    judge = {
        "load": traffic(rate_per_hour=rate_per_hour, aht_seconds=aht_seconds),
        "aht_seconds": aht_seconds,
        "target_level": target_level,
        "target_seconds": target_seconds,
        "max_occupancy": max_occupancy,
    }
    assert answer.service_level >= target_level
    assert answer.occupancy <= max_occupancy
    assert meets(answer.agents, **judge)
    assert not meets(answer.agents - 1, **judge)
    # Stepping agent by agent gives exactly what a fresh computation gives.
    assert answer == staffing_with(
        agents=answer.agents,
        rate_per_hour=rate_per_hour,
        aht_seconds=aht_seconds,
        target_seconds=target_seconds,
    )


def test_a_large_contact_centre_is_answered_without_overflow() -> None:
    # 5000 Erlangs. 5013 agents and the figure below were confirmed with exact rational
    # arithmetic (too slow to repeat here: 15 s); float and exact agree to 1e-14.
    large: Load = {"rate_per_hour": 100_000.0, "aht_seconds": 180.0, "target_seconds": 20.0}
    answer = agents_needed(target_level=0.8, **large)
    assert answer.agents == 5013
    assert answer.p_wait == pytest.approx(0.789077842457991, rel=1e-12)
    assert answer.service_level >= 0.8
    assert staffing_with(agents=5012, **large).service_level < 0.8
    assert agents_needed(target_level=0.999, **large).agents > answer.agents


NEEDED: dict[str, Any] = {
    "rate_per_hour": 200.0,
    "aht_seconds": 180.0,
    "target_level": 0.8,
    "target_seconds": 20.0,
}
WITH: dict[str, Any] = {
    "agents": 14,
    "rate_per_hour": 200.0,
    "aht_seconds": 180.0,
    "target_seconds": 20.0,
}
NAN, INF = math.nan, math.inf


@pytest.mark.parametrize(
    ("function", "arguments", "problem", "code"),
    [
        (
            agents_needed,
            {**NEEDED, "rate_per_hour": 0.0},
            "no agents are needed for no contacts",
            "no-contacts",
        ),
        (
            agents_needed,
            {**NEEDED, "rate_per_hour": -5.0},
            "rate_per_hour must be more than 0",
            "rate-not-positive",
        ),
        (
            agents_needed,
            {**NEEDED, "rate_per_hour": NAN},
            "rate_per_hour must be a finite",
            "not-finite",
        ),
        (
            agents_needed,
            {**NEEDED, "rate_per_hour": INF},
            "rate_per_hour must be a finite",
            "not-finite",
        ),
        (
            agents_needed,
            {**NEEDED, "aht_seconds": 0.0},
            "aht_seconds must be more than 0",
            "not-positive",
        ),
        (
            agents_needed,
            {**NEEDED, "aht_seconds": -180.0},
            "aht_seconds must be more than 0",
            "not-positive",
        ),
        (
            agents_needed,
            {**NEEDED, "aht_seconds": NAN},
            "aht_seconds must be a finite",
            "not-finite",
        ),
        (
            agents_needed,
            {**NEEDED, "aht_seconds": INF},
            "aht_seconds must be a finite",
            "not-finite",
        ),
        (
            agents_needed,
            {**NEEDED, "target_seconds": -1.0},
            "target_seconds must be 0 or more",
            "target-seconds-negative",
        ),
        (
            agents_needed,
            {**NEEDED, "target_seconds": NAN},
            "target_seconds must be a finite",
            "not-finite",
        ),
        (
            agents_needed,
            {**NEEDED, "target_seconds": INF},
            "target_seconds must be a finite",
            "not-finite",
        ),
        (
            agents_needed,
            {**NEEDED, "target_level": 0.0},
            "target_level must be between 0 and 1",
            "target-level-out-of-range",
        ),
        (
            agents_needed,
            {**NEEDED, "target_level": 1.0},
            r"target_level 1 \(100%\) cannot be",
            "target-level-unreachable",
        ),
        (
            agents_needed,
            {**NEEDED, "target_level": 80.0},
            "target_level must be between 0 and 1",
            "target-level-out-of-range",
        ),
        (
            agents_needed,
            {**NEEDED, "target_level": -0.1},
            "target_level must be between 0 and 1",
            "target-level-out-of-range",
        ),
        (
            agents_needed,
            {**NEEDED, "target_level": NAN},
            "target_level must be a finite",
            "not-finite",
        ),
        (
            agents_needed,
            {**NEEDED, "max_occupancy": 0.0},
            "max_occupancy must be more than 0",
            "occupancy-out-of-range",
        ),
        (
            agents_needed,
            {**NEEDED, "max_occupancy": 1.5},
            "at most 1, not 1.5",
            "occupancy-out-of-range",
        ),
        (
            agents_needed,
            {**NEEDED, "max_occupancy": NAN},
            "max_occupancy must be a finite",
            "not-finite",
        ),
        (agents_needed, {**NEEDED, "max_agents": 0}, "max_agents must be 1 or more", "too-small"),
        (
            agents_needed,
            {**NEEDED, "rate_per_hour": 100_000.0, "max_agents": 5000},
            "5,000.00 Erlangs needs more than 5,000 agents.*more contacts than any staffing",
            "beyond-max-agents",
        ),
        (
            agents_needed,
            {**NEEDED, "rate_per_hour": 100_000.0, "max_agents": 5012},
            "needs more than 5,012 agents",
            "beyond-max-agents",
        ),
        (
            agents_needed,
            {**NEEDED, "rate_per_hour": 1e15},
            "50,000,000,000,000.00 Erlangs needs more than 100,000 agents",
            "beyond-max-agents",
        ),
        (
            agents_needed,
            {**NEEDED, "rate_per_hour": 1e300, "aht_seconds": 1e300},
            "too large",
            "load-too-large",
        ),
        (
            staffing_with,
            {**WITH, "agents": 10},
            "10 agents are too few.*at least 11 agents",
            "too-few-agents",
        ),
        (staffing_with, {**WITH, "agents": 0}, "agents must be 1 or more", "too-small"),
        (staffing_with, {**WITH, "agents": 12.5}, "agents must be a whole number", "not-whole"),
        (staffing_with, {**WITH, "rate_per_hour": 0.0}, "no agents are needed", "no-contacts"),
        (
            staffing_with,
            {**WITH, "target_seconds": -20.0},
            "target_seconds must be 0 or more",
            "target-seconds-negative",
        ),
        (erlang_c, {"agents": -1, "traffic": 10.0}, "agents must be 0 or more", "too-small"),
        (
            erlang_c,
            {"agents": 11, "traffic": -10.0},
            "traffic must be 0 Erlangs or more",
            "traffic-negative",
        ),
        (erlang_c, {"agents": 11, "traffic": NAN}, "traffic must be a finite", "not-finite"),
        (erlang_c, {"agents": 11, "traffic": INF}, "traffic must be a finite", "not-finite"),
        (
            traffic,
            {"rate_per_hour": 0.0, "aht_seconds": 180.0},
            "no agents are needed",
            "no-contacts",
        ),
        (
            traffic,
            {"rate_per_hour": 200.0, "aht_seconds": NAN},
            "aht_seconds must be a finite",
            "not-finite",
        ),
    ],
)
def test_input_with_no_sensible_answer_is_refused(
    function: Callable[..., object], arguments: dict[str, Any], problem: str, code: str
) -> None:
    with pytest.raises(StaffingError, match=problem) as refused:
        function(**arguments)
    assert refused.value.code == code
