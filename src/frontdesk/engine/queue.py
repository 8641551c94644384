"""The order of work: who is served next, and why (DESIGN.md, "How the queue is ordered").

Each item gets a *head start*: it is placed as if it had arrived that many hours before it did, and
the queue is read earliest first. A level-1 ticket that arrived now sits beside a level-4 ticket
that has waited 400 hours — so rank never starves anyone, and ageing needs no clock: waiting longer
is simply arriving earlier. The result is one timestamp per ticket, the sort key, which changes only
when the ticket does (new level, assigned, SLA warning), so "next item" is an index lookup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from enum import StrEnum

from frontdesk.engine.errors import EngineError


class Kind(StrEnum):
    """What sort of work an item is; live contacts are routed to someone at once."""

    LIVE = "live"
    CALLBACK = "callback"
    FOLLOW_UP = "follow-up"
    TICKET = "ticket"


class WeightError(EngineError):
    """A set of weights that would not make sense as a queue order; the message says why."""


@dataclass(frozen=True)
class QueueWeights:
    """The head start, in hours, each kind of item gets; a lead tunes them on the settings page.

    The defaults give DESIGN.md's order: live, call-backs and follow-ups, level 1, SLA about to be
    breached, quick wins, key customers, level 2, the rest — each tier overtaken by the one below
    only after the lower item has waited the difference.
    """

    live: float = 100_000.0
    callback: float = 1_000.0
    level1: float = 400.0
    sla: float = 200.0
    quick: float = 48.0
    key: float = 24.0
    level2: float = 12.0
    # An SLA counts as "about to breach" this many minutes before it is due.
    sla_warning_minutes: int = 60

    def validate(self) -> None:
        """Refuse weights that make no sense, naming the first problem."""
        hours = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "live"}
        hours.pop("sla_warning_minutes")
        for name, value in hours.items():
            if not 0 <= value <= 10_000:
                raise WeightError(
                    "head-start-out-of-range", f"{name}: a head start is between 0 and 10,000 hours"
                )
        if self.live <= max(hours.values()):
            raise WeightError("live-not-first", "live contacts must come before everything else")
        if not 0 < self.sla_warning_minutes <= 24 * 60:
            raise WeightError(
                "sla-warning-out-of-range",
                "the SLA warning comes between 1 minute and 24 hours before the due",
            )


@dataclass(frozen=True)
class QueueItem:
    """What ordering needs to know about one piece of open work."""

    ticket_id: int
    arrived_at: datetime
    kind: Kind = Kind.TICKET
    level: int = 4
    quick_win: bool = False
    effort_minutes: int | None = None
    key_customer: bool = False
    # The first-response (or resolution) due, and whether it is inside the warning window.
    sla_due: datetime | None = None
    sla_at_risk: bool = False
    # The triage reason behind level 1 ("payment problem: charged twice"), to show with it.
    level_reason: str = ""


@dataclass(frozen=True)
class Ranked:
    """One item in its place, with the reasons an agent sees."""

    item: QueueItem
    position: int
    sort_key: datetime
    reasons: tuple[QueueReason, ...]


def sort_key(item: QueueItem, weights: QueueWeights) -> datetime:
    """The moment the item is treated as having arrived: earlier is served sooner."""
    starts = [timedelta(0)]
    if item.kind is Kind.LIVE:
        starts.append(timedelta(hours=weights.live))
    if item.kind in (Kind.CALLBACK, Kind.FOLLOW_UP):
        starts.append(timedelta(hours=weights.callback))
    if item.level == 1:
        starts.append(timedelta(hours=weights.level1))
    if item.quick_win:
        starts.append(timedelta(hours=weights.quick))
    if item.key_customer:
        starts.append(timedelta(hours=weights.key))
    if item.level == 2:
        starts.append(timedelta(hours=weights.level2))
    key = item.arrived_at - max(starts)
    if item.sla_at_risk and item.sla_due is not None:
        # Among items at risk the one due soonest goes first.
        key = min(key, item.sla_due - timedelta(hours=weights.sla))
    return key


@dataclass(frozen=True)
class QueueReason:
    """One reason for an item's place: a stable code, a number of minutes, a detail."""

    code: str
    minutes: int | None = None
    detail: str = ""

    def text(self) -> str:
        """The reason as a short English phrase; pages word it in the agent's language."""
        span = duration_phrase(timedelta(minutes=self.minutes or 0))
        return {
            "live": "live contact",
            "callback": "call-back for a missed call",
            "follow-up": "follow-up due",
            "level1": f"level 1: {self.detail}" if self.detail else "level 1",
            "sla-due": f"SLA due in {span}",
            "sla-breached": f"SLA breached {span} ago",
            "quick": f"quick win ~{self.minutes} min" if self.minutes else "quick win",
            "key": "key customer",
            "level2": "new customer",
            "waiting": f"waiting {span}",
        }[self.code]


def reasons_for(item: QueueItem, now: datetime) -> tuple[QueueReason, ...]:
    """Why the item is where it is, most telling first."""
    reasons = []
    if item.kind is not Kind.TICKET:
        reasons.append(QueueReason(item.kind.value))
    if item.level == 1:
        reasons.append(QueueReason("level1", detail=item.level_reason))
    if item.sla_due is not None and item.sla_due <= now:
        reasons.append(QueueReason("sla-breached", _minutes(now - item.sla_due)))
    elif item.sla_due is not None and item.sla_at_risk:
        reasons.append(QueueReason("sla-due", _minutes(item.sla_due - now)))
    if item.quick_win:
        reasons.append(QueueReason("quick", item.effort_minutes))
    if item.key_customer:
        reasons.append(QueueReason("key"))
    if item.level == 2:
        reasons.append(QueueReason("level2"))
    reasons.append(QueueReason("waiting", _minutes(now - item.arrived_at)))
    return tuple(reasons)


def _minutes(span: timedelta) -> int:
    return max(0, int(span.total_seconds() // 60))


def rank(items: Iterable[QueueItem], weights: QueueWeights, now: datetime) -> list[Ranked]:
    """Put items in order (ties: earlier arrival, then lower id) with their reasons."""
    keyed = sorted(
        ((sort_key(item, weights), item) for item in items),
        key=lambda pair: (pair[0], pair[1].arrived_at, pair[1].ticket_id),
    )
    return [
        Ranked(item=item, position=n, sort_key=key, reasons=reasons_for(item, now))
        for n, (key, item) in enumerate(keyed, start=1)
    ]


def duration_phrase(span: timedelta) -> str:
    """A waiting time as a person says it: 40 min, 3 h, 2 d."""
    minutes = _minutes(span)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} d"


def weights_from(values: dict[str, float], base: QueueWeights | None = None) -> QueueWeights:
    """Weights from a mapping of names to numbers (settings pages, the API), checked."""
    base = base or QueueWeights()
    known = {f.name for f in fields(QueueWeights)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise WeightError("unknown-weight", f"unknown weight: {', '.join(unknown)}")
    current = {f.name: getattr(base, f.name) for f in fields(QueueWeights)}
    current.update(values)
    weights = QueueWeights(**current)
    weights.validate()
    return weights


__all__: Sequence[str] = [
    "Kind",
    "QueueItem",
    "QueueReason",
    "QueueWeights",
    "Ranked",
    "WeightError",
    "duration_phrase",
    "rank",
    "reasons_for",
    "sort_key",
    "weights_from",
]
