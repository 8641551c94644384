from __future__ import annotations

import statistics
from collections import Counter
from datetime import timedelta

import pytest

from frontdesk.engine.simulation import LIVE_CHANNELS, TraceError, trace_read
from frontdesk.engine.simulation.generate import (
    DAY_OPENS,
    SHAPES,
    STAFFING,
    agents_for,
    day_generate,
    offered_load,
    trace_lines,
)

SEEDS = range(5)


def days(kind: str) -> list:
    return [arrival for seed in SEEDS for arrival in day_generate(kind, seed=seed)]


@pytest.mark.parametrize("kind", list(SHAPES))
def test_a_seed_gives_the_same_day_and_another_seed_another(kind: str) -> None:
    assert day_generate(kind, seed=3) == day_generate(kind, seed=3)
    assert day_generate(kind, seed=3) != day_generate(kind, seed=4)


@pytest.mark.parametrize("kind", list(SHAPES))
def test_a_day_is_a_trace_the_simulator_reads_back(kind: str) -> None:
    arrivals = day_generate(kind, seed=1)

    assert trace_read(trace_lines(arrivals)) == arrivals
    assert [a.arrived_at for a in arrivals] == sorted(a.arrived_at for a in arrivals)
    assert arrivals[0].arrived_at >= DAY_OPENS
    assert arrivals[-1].arrived_at < DAY_OPENS + timedelta(hours=9)
    assert 280 <= len(arrivals) <= 400


def test_a_busy_monday_peaks_in_the_morning_and_dips_at_lunch() -> None:
    per_hour = Counter(
        int((a.arrived_at - DAY_OPENS).total_seconds() // 3600) for a in days("busy-monday")
    )

    assert per_hour[2] > 1.5 * per_hour[0]
    assert per_hour[2] > 1.8 * per_hour[4]
    assert per_hour[6] > per_hour[4]


def test_a_steady_day_has_no_peak() -> None:
    per_hour = Counter(
        int((a.arrived_at - DAY_OPENS).total_seconds() // 3600) for a in days("steady")
    )

    assert max(per_hour.values()) < 1.5 * min(per_hour.values())


@pytest.mark.parametrize("kind", list(SHAPES))
def test_estimates_stay_within_the_noise(kind: str) -> None:
    for arrival in days(kind):
        assert arrival.estimated_minutes is not None
        assert 0.6 * arrival.handle_minutes - 0.05 <= arrival.estimated_minutes
        assert arrival.estimated_minutes <= 1.5 * arrival.handle_minutes + 0.05


def test_without_noise_the_estimate_is_the_true_time() -> None:
    arrivals = day_generate("steady", seed=2, noise=None)

    assert all(a.estimated_minutes == a.handle_minutes for a in arrivals)


@pytest.mark.parametrize("kind", list(SHAPES))
def test_the_mix_is_a_busy_days(kind: str) -> None:
    arrivals = days(kind)
    written = [a.handle_minutes for a in arrivals if a.channel in ("email", "web")]
    levels = Counter(a.level for a in arrivals)

    assert max(a.handle_minutes for a in arrivals if a.live) <= 25
    assert {a.channel for a in arrivals if a.live} == set(LIVE_CHANNELS)
    assert sum(m <= 5 for m in written) > 0.4 * len(written)
    assert 0.05 * len(written) < sum(m >= 30 for m in written) < 0.2 * len(written)
    assert max(written) <= 90
    assert levels[1] < levels[2] < levels[4]
    assert levels[3] < levels[2]
    assert levels[4] > 0.6 * len(arrivals)
    assert 0.06 < statistics.fmean(a.is_key for a in arrivals) < 0.14


def test_staffing_grows_with_the_level_and_the_load() -> None:
    arrivals = day_generate("busy-monday", seed=0)
    load = offered_load(arrivals, 9)
    agents = [agents_for(arrivals, staffing) for staffing in STAFFING]

    assert agents == sorted(agents)
    assert agents[0] < agents[-1]
    assert agents[0] <= load < agents[-1]
    assert agents_for(arrivals[:3], "overloaded") == 1


def test_an_unknown_day_or_staffing_is_refused() -> None:
    with pytest.raises(TraceError, match="unknown day 'friday'"):
        day_generate("friday", seed=0)
    with pytest.raises(TraceError, match="unknown staffing 'lavish'"):
        agents_for(day_generate("steady", seed=0), "lavish")
