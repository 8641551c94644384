"""The desk's usual rate of each feature, counted over its history."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeGuard

from frontdesk.engine.problems.features import features_of, report_text
from frontdesk.engine.problems.types import Report, stored_check

BASELINE_VERSION = 1
# A feature seen once in the history says nothing of its rate; leaving it out keeps the stored
# baseline small (the detector treats it as rare, which it is).
MIN_COUNT = 2


@dataclass(frozen=True, slots=True)
class Baseline:
    """How many reports of the desk's history had each feature, out of how many."""

    reports: int
    counts: Mapping[str, int] = field(default_factory=dict, hash=False)

    @classmethod
    def build(cls, reports: Iterable[Report], *, since: datetime, until: datetime) -> Baseline:
        """The baseline of the reports that arrived from `since` up to (not including) `until`."""
        if since.tzinfo is None or until.tzinfo is None:
            raise ValueError("'since' and 'until' need a time zone")
        counts: Counter[str] = Counter()
        total = 0
        for report in reports:
            if since <= report.arrived_at < until:
                total += 1
                counts.update(features_of(report_text(report.subject, report.body)).keys())
        return cls(
            reports=total,
            counts={name: n for name, n in sorted(counts.items()) if n >= MIN_COUNT},
        )

    def to_json(self) -> dict[str, object]:
        """The baseline as a JSON-ready object."""
        return {"version": BASELINE_VERSION, "reports": self.reports, "counts": dict(self.counts)}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Baseline:
        """A baseline from `to_json`'s object; ValueError when it is not one."""
        stored_check(data, kind="baseline", version=BASELINE_VERSION)
        reports = data.get("reports")
        counts = data.get("counts")
        if not _whole(reports):
            raise ValueError("'reports' must be a whole number, zero or more")
        if not isinstance(counts, Mapping):
            raise ValueError("'counts' must be an object")
        for name, count in counts.items():
            if not isinstance(name, str) or not _whole(count) or count > reports:
                raise ValueError("each count must be a whole number no larger than 'reports'")
        return cls(reports=reports, counts=dict(counts))


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
