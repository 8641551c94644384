"""The desk simulator: replay a day's contacts through an order of work and measure the waits.

It orders with the queue engine's own sort key (`FrontdeskOrder`), so what it shows is what the
desk does, and compares it with first-in-first-out, priority-then-age and an all-knowing
shortest-job-first (`Oracle`) on the same day.
"""

from __future__ import annotations

from collections.abc import Sequence

from frontdesk.engine.simulation.desk import (
    BREAK_FIT_MINUTES,
    Agent,
    BreakTaken,
    Run,
    Served,
    Shift,
    agents_plain,
    simulate,
)
from frontdesk.engine.simulation.policies import (
    POLICY_NAMES,
    FirstInFirstOut,
    FrontdeskOrder,
    Oracle,
    Policy,
    PriorityThenAge,
    policies_named,
)
from frontdesk.engine.simulation.summary import Summary, percentile, summarise
from frontdesk.engine.simulation.trace import (
    CHANNELS,
    LIVE_CHANNELS,
    Arrival,
    TraceError,
    estimates_fill,
    noise_parse,
    trace_read,
)
from frontdesk.engine.sla import SlaTargets


def compare(
    arrivals: Sequence[Arrival],
    agents: Sequence[Agent],
    policies: Sequence[Policy],
    *,
    targets: SlaTargets | None = None,
    break_fit_minutes: int = BREAK_FIT_MINUTES,
) -> list[Summary]:
    """Each policy's figures for the same day and the same agents, in the order given."""
    return [
        summarise(simulate(arrivals, agents, policy, break_fit_minutes=break_fit_minutes), targets)
        for policy in policies
    ]


def gain_captured(policy: Summary, fifo: Summary, oracle: Summary) -> float | None:
    """The share of the oracle's gain over FIFO on mean wait that `policy` captures (1.0: all
    of it); None when the oracle gains nothing."""
    possible = fifo.mean_wait_minutes - oracle.mean_wait_minutes
    if possible <= 0:
        return None
    return (fifo.mean_wait_minutes - policy.mean_wait_minutes) / possible


__all__ = [
    "BREAK_FIT_MINUTES",
    "CHANNELS",
    "LIVE_CHANNELS",
    "POLICY_NAMES",
    "Agent",
    "Arrival",
    "BreakTaken",
    "FirstInFirstOut",
    "FrontdeskOrder",
    "Oracle",
    "Policy",
    "PriorityThenAge",
    "Run",
    "Served",
    "Shift",
    "Summary",
    "TraceError",
    "agents_plain",
    "compare",
    "estimates_fill",
    "gain_captured",
    "noise_parse",
    "percentile",
    "policies_named",
    "simulate",
    "summarise",
    "trace_read",
]
