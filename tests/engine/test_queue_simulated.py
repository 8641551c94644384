"""The default order against the baselines on generated days: properties, never timings."""

from __future__ import annotations

import pytest

from frontdesk.engine.queue import QueueWeights, weights_from
from frontdesk.engine.simulation import agents_plain, compare, gain_captured, policies_named
from frontdesk.engine.simulation.generate import DAY_OPENS, agents_for, day_generate

# The head starts before effort counted: quick wins, key customers and level 2 by days.
STEPS_ONLY: dict[str, float] = {"quick": 48, "key": 24, "level2": 12, "effort": 0}


@pytest.mark.parametrize(("kind", "staffing"), [("busy-monday", "tight"), ("steady", "overloaded")])
def test_the_default_order_beats_fifo_and_the_old_steps_on_a_generated_day(
    kind: str, staffing: str
) -> None:
    arrivals = day_generate(kind, seed=11)
    agents = agents_plain(agents_for(arrivals, staffing), DAY_OPENS)
    tuned, fifo, oracle = compare(
        arrivals, agents, policies_named(["frontdesk", "fifo", "oracle"], weights=QueueWeights())
    )
    (steps,) = compare(
        arrivals, agents, policies_named(["frontdesk"], weights=weights_from(STEPS_ONLY))
    )

    assert tuned.mean_wait_minutes < steps.mean_wait_minutes < fifo.mean_wait_minutes
    tuned_gain, steps_gain = gain_captured(tuned, fifo, oracle), gain_captured(steps, fifo, oracle)
    assert tuned_gain is not None
    assert steps_gain is not None
    assert tuned_gain > steps_gain
    assert tuned.level1_p90_wait_minutes is not None
    assert fifo.level1_p90_wait_minutes is not None
    assert tuned.level1_p90_wait_minutes < fifo.level1_p90_wait_minutes
    assert tuned.p90_wait_minutes <= 1.4 * fifo.p90_wait_minutes
    assert tuned.sla_breaches["1"] <= fifo.sla_breaches["1"]
