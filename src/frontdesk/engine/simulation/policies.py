"""The orders a simulated desk can work in: the desk's own and three to compare it with."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from frontdesk.engine.queue import Kind, QueueItem, QueueWeights, sort_key
from frontdesk.engine.simulation.trace import Arrival, TraceError
from frontdesk.engine.sla import SlaTargets, warning_window
from frontdesk.engine.triage.rules import TriagePolicy

# A sort key: smaller is served sooner.
Key = tuple[float, ...]


class Policy(Protocol):
    """Which waiting item a free agent takes: the one with the smallest key."""

    @property
    def name(self) -> str:
        """The policy's name in the command and the reports."""

    def key(self, arrival: Arrival, *, at_risk: bool) -> Key:
        """The item's key; `at_risk` once its first-response due is near."""

    def risk_at(self, arrival: Arrival) -> datetime | None:
        """When the item's key changes because its due is near; None if it never does."""


@dataclass(frozen=True)
class FrontdeskOrder:
    """The desk's own order: the queue engine's sort key with the desk's weights, read off what
    triage estimated (never the true time), with SLA warnings as the sweep raises them."""

    weights: QueueWeights = field(default_factory=QueueWeights)
    targets: SlaTargets = field(default_factory=SlaTargets)
    quick_win_minutes: int = TriagePolicy().quick_win_minutes
    name: str = "frontdesk"

    def item(self, arrival: Arrival, *, at_risk: bool) -> QueueItem:
        """The arrival as the queue engine sees a ticket."""
        estimate = arrival.estimate
        return QueueItem(
            ticket_id=0,
            arrived_at=arrival.arrived_at,
            kind=Kind.LIVE if arrival.live else Kind.TICKET,
            level=arrival.level,
            quick_win=arrival.level != 1 and estimate <= self.quick_win_minutes,
            effort_minutes=max(1, round(estimate)),
            key_customer=arrival.is_key,
            sla_due=self.due(arrival),
            sla_at_risk=at_risk,
        )

    def due(self, arrival: Arrival) -> datetime:
        """The first-response due, in elapsed time (a simulated day is all business hours)."""
        return arrival.arrived_at + timedelta(minutes=self.targets.first_response[arrival.level])

    def key(self, arrival: Arrival, *, at_risk: bool) -> Key:
        return (sort_key(self.item(arrival, at_risk=at_risk), self.weights).timestamp(),)

    def risk_at(self, arrival: Arrival) -> datetime | None:
        target = self.targets.first_response[arrival.level]
        return self.due(arrival) - warning_window(target, self.weights.sla_warning_minutes)


@dataclass(frozen=True)
class FirstInFirstOut:
    """Arrival order, every channel alike: the baseline."""

    name: str = "fifo"

    def key(self, arrival: Arrival, *, at_risk: bool) -> Key:
        return (arrival.arrived_at.timestamp(),)

    def risk_at(self, arrival: Arrival) -> datetime | None:
        return None


@dataclass(frozen=True)
class PriorityThenAge:
    """What most help desks do: live contacts answered as they come, then level, then age."""

    name: str = "priority-age"

    def key(self, arrival: Arrival, *, at_risk: bool) -> Key:
        return (0 if arrival.live else 1, arrival.level, arrival.arrived_at.timestamp())

    def risk_at(self, arrival: Arrival) -> datetime | None:
        return None


@dataclass(frozen=True)
class Oracle:
    """An all-knowing order no desk can have: live first, then the shortest true handling time.
    It bounds what ordering can gain on mean wait."""

    name: str = "oracle"

    def key(self, arrival: Arrival, *, at_risk: bool) -> Key:
        return (0 if arrival.live else 1, arrival.handle_minutes, arrival.arrived_at.timestamp())

    def risk_at(self, arrival: Arrival) -> datetime | None:
        return None


POLICY_NAMES = ("frontdesk", "fifo", "priority-age", "oracle")


def policies_named(
    names: Sequence[str],
    *,
    weights: QueueWeights | None = None,
    targets: SlaTargets | None = None,
) -> list[Policy]:
    """The policies by name, in the order given; TraceError for an unknown name."""
    made: Mapping[str, Policy] = {
        "frontdesk": FrontdeskOrder(
            weights=weights or QueueWeights(), targets=targets or SlaTargets()
        ),
        "fifo": FirstInFirstOut(),
        "priority-age": PriorityThenAge(),
        "oracle": Oracle(),
    }
    unknown = [name for name in names if name not in made]
    if unknown:
        raise TraceError(
            "unknown-policy",
            f"unknown policy {unknown[0]!r} (one of {', '.join(POLICY_NAMES)})",
        )
    return [made[name] for name in names]
