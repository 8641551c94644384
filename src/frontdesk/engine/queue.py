"""The order of work: who is served next, and why (DESIGN.md, "How the queue is ordered").

Each item gets a *head start*: it is placed as if it had arrived that many hours before it did, and
the queue is read earliest first. A level-1 ticket that arrived now sits beside a level-4 ticket
that has waited 400 hours — so rank never starves anyone, and ageing needs no clock: waiting longer
is simply arriving earlier. The result is one timestamp per ticket, the sort key, which changes only
when the ticket does (new level, assigned, SLA warning), so "next item" is an index lookup.

Among ordinary tickets effort counts continuously: each halving of the estimate is worth `effort`
hours more, so a 3-minute answer goes before a 15-minute one before an hour's work, and the hour's
work still goes first once it has waited the difference (the simulator chose the weights).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from enum import StrEnum
from math import log2

from frontdesk.engine.errors import EngineError


class Kind(StrEnum):
    """What sort of work an item is; live contacts are routed to someone at once."""

    LIVE = "live"
    CALLBACK = "callback"
    FOLLOW_UP = "follow-up"
    TICKET = "ticket"


# Work estimated at this many minutes or more gets no head start for its size; an ordinary ticket
# with no estimate is taken as a typical one.
EFFORT_REFERENCE_MINUTES = 240
EFFORT_UNKNOWN_MINUTES = 15
# A head start per halving beyond this would let size outrank the SLA tier within a day.
EFFORT_MAX_HOURS = 24.0


class WeightError(EngineError):
    """A set of weights that would not make sense as a queue order; the message says why."""


@dataclass(frozen=True)
class QueueWeights:
    """The head start, in hours, each kind of item gets; a lead tunes them on the settings page.

    The defaults give DESIGN.md's order: live, call-backs and follow-ups, level 1, SLA about to be
    breached — each far ahead of the next — then the ordinary tickets, where shorter work goes
    first (`effort` hours per halving of the estimate) and quick wins, key customers and level 2
    get a little more. A lower item overtakes a higher one once it has waited the difference.
    The defaults come from the simulator's bench (docs/lead-guide.md quotes its figures).
    """

    live: float = 100_000.0
    callback: float = 1_000.0
    level1: float = 400.0
    sla: float = 200.0
    quick: float = 2.0
    key: float = 1.0
    level2: float = 0.5
    # Hours of head start for each halving of the estimated effort (ordinary tickets).
    effort: float = 2.0
    # An SLA counts as "about to breach" this many minutes before it is due.
    sla_warning_minutes: int = 60

    def validate(self) -> None:
        """Refuse weights that make no sense, naming the first problem."""
        hours = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "live"}
        hours.pop("sla_warning_minutes")
        effort = hours.pop("effort")
        for name, value in hours.items():
            if not 0 <= value <= 10_000:
                raise WeightError(
                    "head-start-out-of-range", f"{name}: a head start is between 0 and 10,000 hours"
                )
        if not 0 <= effort <= EFFORT_MAX_HOURS:
            raise WeightError(
                "effort-out-of-range",
                f"effort: between 0 and {EFFORT_MAX_HOURS:g} hours per halving of the estimate",
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
    key = item.arrived_at - max(starts) - effort_head_start(item, weights)
    if item.sla_at_risk and item.sla_due is not None:
        # Among items at risk the one due soonest goes first.
        key = min(key, item.sla_due - timedelta(hours=weights.sla))
    return key


def effort_head_start(item: QueueItem, weights: QueueWeights) -> timedelta:
    """The head start an ordinary ticket gets for being short: `effort` hours per halving of its
    estimate below the reference. Live contacts, call-backs and level 1 keep arrival order
    (level 1 deserves a full look, however short it seems)."""
    if item.kind is not Kind.TICKET or item.level == 1:
        return timedelta(0)
    minutes = item.effort_minutes or EFFORT_UNKNOWN_MINUTES
    halvings = max(0.0, log2(EFFORT_REFERENCE_MINUTES / max(1, minutes)))
    return timedelta(hours=weights.effort * halvings)


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
            "effort": f"about {self.minutes} min of work",
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
    elif item.effort_minutes and item.kind is Kind.TICKET and item.level != 1:
        # Why a 12-minute answer sits ahead of an older hour's work.
        reasons.append(QueueReason("effort", item.effort_minutes))
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
    "effort_head_start",
    "rank",
    "reasons_for",
    "sort_key",
    "weights_from",
]
