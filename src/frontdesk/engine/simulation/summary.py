"""A simulated day in the figures a lead compares: waits, level 1, key customers, SLA, load."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from frontdesk.engine.simulation.desk import Run
from frontdesk.engine.sla import SlaTargets

LEVELS = (1, 2, 3, 4)


@dataclass(frozen=True)
class Summary:
    """One policy's day. Waits are minutes to first response; an item left unserved counts with
    its wait until the day closed (at least that long)."""

    policy: str
    items: int
    unserved: int
    mean_wait_minutes: float
    median_wait_minutes: float
    p90_wait_minutes: float
    max_wait_minutes: float
    level1_p90_wait_minutes: float | None
    key_mean_wait_minutes: float | None
    sla_breaches: dict[str, int]
    utilisation: float

    def to_json(self) -> dict[str, object]:
        """The command's JSON line: the stable contract of `frontdesk simulate --json`."""
        return {
            "policy": self.policy,
            "mean_wait_minutes": round(self.mean_wait_minutes, 2),
            "median_wait_minutes": round(self.median_wait_minutes, 2),
            "p90_wait_minutes": round(self.p90_wait_minutes, 2),
            "max_wait_minutes": round(self.max_wait_minutes, 2),
            "level1_p90_wait_minutes": _rounded(self.level1_p90_wait_minutes),
            "key_mean_wait_minutes": _rounded(self.key_mean_wait_minutes),
            "sla_breaches": dict(self.sla_breaches),
            "utilisation": round(self.utilisation, 4),
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value at least `share` of them do not exceed."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summarise(run: Run, targets: SlaTargets | None = None) -> Summary:
    """The run's figures; SLA breaches count first responses later than the level's target (in
    elapsed minutes) and items never served."""
    targets = targets or SlaTargets()
    rows = [(s.arrival, s.wait_minutes) for s in run.served]
    rows += [(a, (run.closed_at - a.arrived_at).total_seconds() / 60) for a in run.unserved]
    waits = [wait for _arrival, wait in rows]
    level1 = [wait for arrival, wait in rows if arrival.level == 1]
    key = [wait for arrival, wait in rows if arrival.is_key]
    breaches = {str(level): 0 for level in LEVELS}
    unserved = {arrival.id for arrival in run.unserved}
    for arrival, wait in rows:
        if wait > targets.first_response[arrival.level] or arrival.id in unserved:
            breaches[str(arrival.level)] += 1
    return Summary(
        policy=run.policy,
        items=len(rows),
        unserved=len(run.unserved),
        mean_wait_minutes=statistics.fmean(waits),
        median_wait_minutes=statistics.median(waits),
        p90_wait_minutes=percentile(waits, 0.9),
        max_wait_minutes=max(waits),
        level1_p90_wait_minutes=percentile(level1, 0.9) if level1 else None,
        key_mean_wait_minutes=statistics.fmean(key) if key else None,
        sla_breaches=breaches,
        utilisation=run.busy_minutes / run.available_minutes if run.available_minutes else 0.0,
    )
