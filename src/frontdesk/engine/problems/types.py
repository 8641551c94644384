"""What problem detection reads (reports), what it raises (alerts) and how it is tuned."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from frontdesk.engine.triage.language import DEFAULT_LANGUAGES

SIGNATURE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Report:
    """One contact as the detector sees it."""

    id: str
    arrived_at: datetime  # timezone-aware
    channel: str
    subject: str
    body: str
    customer: str  # an e-mail or an id, as given


@dataclass(frozen=True, slots=True)
class Signature:
    """What a later report is matched against: weighted features and the score a match needs.

    A report matches when the weights of the features it shares with the signature add up to
    `threshold`. `customers` is how many distinct customers the group had when the signature was
    taken (a dismissed group alerts again only far beyond it). The desk stores it as JSON.
    """

    features: tuple[tuple[str, float], ...]  # (feature, weight), heaviest first
    threshold: float
    customers: int

    def to_json(self) -> dict[str, object]:
        """The signature as a JSON-ready object."""
        return {
            "version": SIGNATURE_VERSION,
            "features": [[name, round(weight, 4)] for name, weight in self.features],
            "threshold": round(self.threshold, 4),
            "customers": self.customers,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Signature:
        """A signature from `to_json`'s object; ValueError when it is not one."""
        stored_check(data, kind="signature", version=SIGNATURE_VERSION)
        raw = data.get("features")
        if not isinstance(raw, list) or not raw:
            raise ValueError("a signature needs a non-empty list of features")
        features: list[tuple[str, float]] = []
        for item in raw:
            if (
                not isinstance(item, list)
                or len(item) != 2
                or not isinstance(item[0], str)
                or not item[0]
            ):
                raise ValueError("each signature feature must be [name, weight]")
            features.append((item[0], _positive(item[1], "feature weight")))
        customers = data.get("customers")
        if not isinstance(customers, int) or isinstance(customers, bool) or customers < 1:
            raise ValueError("'customers' must be a positive whole number")
        return cls(
            features=tuple(features),
            threshold=_positive(data.get("threshold"), "threshold"),
            customers=customers,
        )


def stored_check(data: object, *, kind: str, version: int) -> None:
    """Refuse (ValueError) what is not a stored object of this kind and version."""
    if not isinstance(data, Mapping):
        raise ValueError(f"a {kind} must be an object")
    if data.get("version") != version:
        raise ValueError(f"unknown {kind} version {data.get('version')!r}")


def _positive(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"'{name}' must be a number")
    number = float(value)
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"'{name}' must be a positive number")
    return number


@dataclass(frozen=True, slots=True)
class Alert:
    """A group of reports that grew faster than usual, from several customers."""

    problem: int  # 1, 2, ... in the order alerts were raised in this run
    ids: tuple[str, ...]  # the reports in the group at alert time, arrival order
    customers: tuple[str, ...]  # distinct customers among them
    first_at: datetime  # earliest report in the group
    alert_at: datetime  # arrival time of the report that raised the alert
    terms: tuple[str, ...]  # what the group shares, most telling first, readable by people
    languages: tuple[str, ...]  # ISO 639-1 codes seen in the group
    signature: Signature


@dataclass(frozen=True, slots=True)
class DetectorSettings:
    """How the detector is tuned; the defaults suit a desk of tens to tens of thousands a day.

    A group alerts when, within `window`, it has at least `min_customers` distinct customers, at
    least `growth` times what the desk's usual rate of its most specific shared feature predicts,
    and a count that rate would give by chance less often than `surprise` (Poisson tail).
    """

    window: timedelta = timedelta(hours=2)
    min_customers: int = 3
    growth: float = 3.0
    surprise: float = 1e-4
    # A report joins the group its features match best when the weight they share reaches
    # `join_score`, or `join_share` of the report's own weight (a short report on a common topic).
    join_score: float = 8.0
    join_share: float = 0.6
    # A dismissed group alerts again only at this many times the customers it had when dismissed.
    dismissed_growth: float = 3.0
    # The languages reported for an alert are told apart among these.
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    max_terms: int = 6

    def __post_init__(self) -> None:
        if self.window <= timedelta(0):
            raise ValueError("'window' must be positive")
        if self.min_customers < 2:
            raise ValueError("'min_customers' must be at least 2")
        if self.growth < 1 or self.dismissed_growth < 1:
            raise ValueError("'growth' and 'dismissed_growth' must be at least 1")
        if not 0 < self.surprise < 1:
            raise ValueError("'surprise' must be between 0 and 1")
        if self.join_score <= 0:
            raise ValueError("'join_score' must be positive")
        if not 0 < self.join_share <= 1:
            raise ValueError("'join_share' must be above 0 and at most 1")
