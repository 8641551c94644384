"""Problem detection: many customers reporting the same thing, sooner than the desk usually sees it.

Reports are replayed in arrival order. Each joins the group of recent reports whose features it
shares most, each feature weighted by how rare it is at this desk (-log of its usual share, from the
baseline and from what has already left the window), so "0 KB" or "ERR_CONNECTION_RESET" weigh much
and "invoice" little. A group alerts when, within the window, its distinct customers are many times
and improbably more (Poisson) than the usual share of its most specific shared feature predicts:
a topic that is always common does not alert at its usual rate, and one customer writing ten times
is one customer. Time comes from the reports only, so a replay gives the same alerts every time.
"""

from __future__ import annotations

import math
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from frontdesk.engine.languages import written_as
from frontdesk.engine.problems.baseline import Baseline
from frontdesk.engine.problems.features import (
    CODE_PREFIX,
    features_of,
    report_text,
)
from frontdesk.engine.problems.types import Alert, DetectorSettings, Report, Signature
from frontdesk.engine.triage.language import language_detection

# Until the desk has history, a feature is taken to be this rare (codes rarer than words), as if
# seen in this many reports before.
PRIOR_REPORTS = 200.0
PRIOR_SHARE_CODE = 0.0005
PRIOR_SHARE_WORD = 0.002
PRIOR_CODE = PRIOR_REPORTS * PRIOR_SHARE_CODE
PRIOR_WORD = PRIOR_REPORTS * PRIOR_SHARE_WORD
# A feature in more than about one report in twenty tells nothing about a particular problem.
MIN_WEIGHT = 3.0
# Nor does one that many groups in the window share (and looking through them all costs).
MAX_HOLDERS = 64
# Nor, at a desk with too little history to know its usual words, does one that fills the window
# ("order" in a shop's mail).
BUSY_SHARE = 0.3
BUSY_REPORTS = 20
BUSY_HISTORY = 500
# A feature this rare (under about one report in 150) names a problem: a group that shares one
# with a problem just alerted is that problem told in other words (another language).
TELLING_WEIGHT = 5.0
# Reports that left the window join the history this many at a time.
HISTORY_BATCH = 100
# What a group shares: its core is in this share of its members; its signature in this share.
CORE_SHARE = 0.6
SIGNATURE_SHARE = 0.3
SIGNATURE_FEATURES = 20


class _Seen:
    """A report in the window, read once."""

    __slots__ = ("features", "group", "report")

    def __init__(self, report: Report, features: Mapping[str, str]) -> None:
        self.report = report
        self.features = features
        self.group: _Group | None = None


class _Group:
    """Reports about the same thing within the window."""

    __slots__ = ("alerted", "counts", "customers", "members", "number", "surfaces")

    def __init__(self, number: int) -> None:
        self.number = number
        self.members: deque[_Seen] = deque()
        self.counts: Counter[str] = Counter()
        self.customers: Counter[str] = Counter()
        self.surfaces: dict[str, str] = {}
        self.alerted = False

    def share(self, feature: str) -> float:
        """The share of the members that have the feature."""
        return self.counts[feature] / len(self.members)


class _Raised:
    """A problem this detector alerted, while reports about it keep coming."""

    __slots__ = ("core", "last_at", "signature")

    def __init__(self, signature: Signature, core: frozenset[str], at: datetime) -> None:
        self.signature = signature
        self.core = core  # the telling features most of its reports shared
        self.last_at = at


class ProblemDetector:
    """Sees reports one at a time, in arrival order, and raises an alert when a group surges."""

    def __init__(
        self,
        settings: DetectorSettings | None = None,
        *,
        baseline: Baseline | None = None,
        dismissed: Sequence[Signature] = (),
        known: Sequence[Signature] = (),
    ) -> None:
        self.settings = settings or DetectorSettings()
        self._baseline_counts: Mapping[str, int] = baseline.counts if baseline else {}
        self._baseline_reports = baseline.reports if baseline else 0
        self._history: Counter[str] = Counter()
        self._history_reports = 0
        # Reports that left the window reach the history in batches, so that the weights, worked
        # out once per feature, stay good for a while.
        self._leaving: list[Mapping[str, str]] = []
        self._weights: dict[str, float] = {}
        self._window: deque[_Seen] = deque()
        self._window_counts: Counter[str] = Counter()
        # Insertion-ordered, so ties are settled the same way in every run.
        self._groups_by_feature: dict[str, dict[int, _Group]] = {}
        self._dismissed = tuple(dismissed)
        self._known = tuple(known)
        self._raised: list[_Raised] = []
        self._groups = 0
        self._alerts = 0
        self._last: datetime | None = None
        self._ids: set[str] = set()

    def observe(self, report: Report) -> Alert | None:
        """Take the next report; the alert it raises, if any."""
        if report.arrived_at.tzinfo is None:
            raise ValueError(f"report {report.id!r}: 'arrived_at' needs a time zone")
        if self._last is not None and report.arrived_at < self._last:
            raise ValueError(f"report {report.id!r} arrived before the one seen last")
        if report.id in self._ids:
            raise ValueError(f"report {report.id!r} was seen already")
        self._ids.add(report.id)
        self._last = report.arrived_at
        self._expire(report.arrived_at)
        seen = _Seen(report, features_of(report_text(report.subject, report.body)))
        self._window.append(seen)
        self._window_counts.update(seen.features.keys())
        if any(
            _score(signature, seen.features) >= signature.threshold for signature in self._known
        ):
            return None  # an open problem's report: the desk links it, it raises nothing new
        for raised in self._raised:
            if _score(raised.signature, seen.features) >= raised.signature.threshold:
                raised.last_at = report.arrived_at
                return None
        group = self._group_for(seen)
        new_customer = report.customer not in group.customers
        self._join(group, seen)
        if group.alerted or not new_customer:
            return None  # one customer writing again does not make a problem grow
        return self._alert_if_surging(group, report.arrived_at)

    def _expire(self, now: datetime) -> None:
        start = now - self.settings.window
        # A problem this run alerted is over when a window passes without a report about it; if
        # it comes back later, it is news again.
        self._raised = [raised for raised in self._raised if raised.last_at > start]
        while self._window and self._window[0].report.arrived_at <= start:
            seen = self._window.popleft()
            for feature in seen.features:
                self._window_counts[feature] -= 1
                if not self._window_counts[feature]:
                    del self._window_counts[feature]
            self._leaving.append(seen.features)
            if seen.group is not None:
                self._leave(seen.group, seen)
        if len(self._leaving) >= HISTORY_BATCH:
            for features in self._leaving:
                self._history.update(features.keys())
            self._history_reports += len(self._leaving)
            self._leaving.clear()
            self._weights.clear()

    def _share(self, feature: str) -> float:
        """The usual share of reports that have the feature, from the history and a prior."""
        prior = PRIOR_CODE if feature[0] == CODE_PREFIX[0] else PRIOR_WORD
        count = self._baseline_counts.get(feature, 0) + self._history.get(feature, 0)
        return (count + prior) / (self._baseline_reports + self._history_reports + PRIOR_REPORTS)

    def _weight(self, feature: str) -> float:
        """How much sharing the feature tells (0: nothing)."""
        in_window = len(self._window)
        if (
            in_window >= BUSY_REPORTS
            and self._baseline_reports + self._history_reports < BUSY_HISTORY
            and self._window_counts[feature] > BUSY_SHARE * in_window
        ):
            return 0.0
        weight = self._weights.get(feature)
        if weight is None:
            weight = -math.log(self._share(feature))
            weight = self._weights[feature] = weight if weight >= MIN_WEIGHT else 0.0
        return weight

    def _group_for(self, seen: _Seen) -> _Group:
        scores: dict[_Group, float] = {}
        own = 0.0
        weight_of = self._weight
        index = self._groups_by_feature
        for feature in seen.features:
            weight = weight_of(feature)
            if not weight:
                continue
            own += weight
            holders = index.get(feature)
            if not holders or len(holders) > MAX_HOLDERS:
                continue
            for group in holders.values():
                share = group.counts[feature] / len(group.members)
                scores[group] = scores.get(group, 0.0) + weight * share
        if scores:
            # The best score; among equals the oldest group.
            best = min(scores, key=lambda g: (-scores[g], g.number))
            score = scores[best]
            if score >= self.settings.join_score or (
                score >= 2 * MIN_WEIGHT and score >= self.settings.join_share * own
            ):
                return best
        self._groups += 1
        return _Group(self._groups)

    def _join(self, group: _Group, seen: _Seen) -> None:
        seen.group = group
        group.members.append(seen)
        group.customers[seen.report.customer] += 1
        for feature, surface in seen.features.items():
            group.counts[feature] += 1
            group.surfaces.setdefault(feature, surface)
            self._groups_by_feature.setdefault(feature, {})[group.number] = group

    def _leave(self, group: _Group, seen: _Seen) -> None:
        group.members.popleft()  # members leave in arrival order, as the window does
        group.customers[seen.report.customer] -= 1
        if not group.customers[seen.report.customer]:
            del group.customers[seen.report.customer]
        for feature in seen.features:
            group.counts[feature] -= 1
            if not group.counts[feature]:
                del group.counts[feature]
                holders = self._groups_by_feature[feature]
                del holders[group.number]
                if not holders:
                    del self._groups_by_feature[feature]

    def _alert_if_surging(self, group: _Group, now: datetime) -> Alert | None:
        settings = self.settings
        customers = len(group.customers)
        if customers < settings.min_customers:
            return None
        shared_by = CORE_SHARE * len(group.members)
        weights = {f: self._weight(f) for f, n in group.counts.items() if n >= shared_by}
        in_window = len(self._window)
        # Each shared feature is weighed on its own: the distinct customers whose reports have
        # it, against its own usual share; a feature only some members have cannot borrow the
        # count of the whole group, nor a loud customer's repeats count more than once. The
        # cheap bound first: most features fail it.
        surging = [
            feature
            for feature, weight in weights.items()
            if weight
            and _surprising(
                min(group.counts[feature], customers), in_window * self._share(feature), settings
            )
            and _surprising(
                _customers_with(group, feature), in_window * self._share(feature), settings
            )
        ]
        if not surging:
            return None
        core = [feature for feature, weight in weights.items() if weight]
        telling = {f for f in core if weights[f] >= TELLING_WEIGHT}
        for raised in self._raised:
            if raised.core & telling:
                # The same problem told in other words (another language): one alert is enough.
                group.alerted = True
                raised.last_at = now
                return None
        shared_by = SIGNATURE_SHARE * len(group.members)
        weights = {f: self._weight(f) for f, n in group.counts.items() if n >= shared_by}
        signature = self._signature(group, weights)
        for dismissed in self._dismissed:
            matching = sum(
                _score(dismissed, seen.features) >= dismissed.threshold for seen in group.members
            )
            if 2 * matching >= len(group.members) and customers < (
                settings.dismissed_growth * dismissed.customers
            ):
                return None
        group.alerted = True
        self._raised.append(_Raised(signature, frozenset(telling), now))
        self._alerts += 1
        # What surged first, then the rest the group shares, the heaviest first.
        ranked = sorted(core, key=lambda f: (f not in surging, -weights[f] * group.share(f), f))
        terms = tuple(dict.fromkeys(group.surfaces[f] for f in ranked))[: settings.max_terms]
        return Alert(
            problem=self._alerts,
            ids=tuple(seen.report.id for seen in group.members),
            customers=tuple(dict.fromkeys(seen.report.customer for seen in group.members)),
            first_at=group.members[0].report.arrived_at,
            alert_at=now,
            terms=terms,
            languages=self._languages(group),
            signature=signature,
        )

    def _signature(self, group: _Group, weights: Mapping[str, float]) -> Signature:
        features = sorted(
            (
                (feature, weight * group.share(feature))
                for feature, weight in weights.items()
                if weight and group.share(feature) >= SIGNATURE_SHARE
            ),
            key=lambda item: (-item[1], item[0]),
        )[:SIGNATURE_FEATURES]
        return Signature(
            features=tuple(features),
            threshold=self.settings.join_score,
            customers=len(group.customers),
        )

    def _languages(self, group: _Group) -> tuple[str, ...]:
        detection = language_detection(tuple(self.settings.languages))
        found = (
            detection.detect(report_text(seen.report.subject, seen.report.body))
            for seen in group.members
        )
        return tuple(sorted({written_as(code) for code in found}))


def _customers_with(group: _Group, feature: str) -> int:
    return len({seen.report.customer for seen in group.members if feature in seen.features})


def _surprising(observed: int, expected: float, settings: DetectorSettings) -> bool:
    """Whether a count is many times and improbably more than the usual share predicts."""
    return (
        observed >= settings.min_customers
        and observed >= settings.growth * expected
        and poisson_tail(observed, expected) <= settings.surprise
    )


def _score(signature: Signature, features: Mapping[str, str]) -> float:
    return sum(weight for feature, weight in signature.features if feature in features)


def poisson_tail(count: int, mean: float) -> float:
    """The chance of `count` or more events when `mean` are expected (Poisson)."""
    if count <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    if count <= mean:
        return 1.0  # not above the usual: no surprise worth computing
    term = math.exp(count * math.log(mean) - mean - math.lgamma(count + 1))
    total = 0.0
    k = count
    while term > total * 1e-12:
        total += term
        k += 1
        term *= mean / k
    return min(total, 1.0)


def signature_matches(signature: Signature, report: Report) -> bool:
    """Whether a new report is about the same thing as a problem (for linking on arrival)."""
    features = features_of(report_text(report.subject, report.body))
    return _score(signature, features) >= signature.threshold


def detect(
    reports: Iterable[Report],
    *,
    settings: DetectorSettings | None = None,
    baseline: Baseline | None = None,
    dismissed: Sequence[Signature] = (),
    known: Sequence[Signature] = (),
) -> list[Alert]:
    """Replay reports in arrival order as the live desk sees them; the alerts raised.

    `known` are the open problems: reports matching one are not new alerts (the desk links them).
    `dismissed` are groups a lead dismissed: a group matching one (half its reports or more match)
    alerts again only when it reaches `settings.dismissed_growth` times the customers it had.
    """
    detector = ProblemDetector(settings, baseline=baseline, dismissed=dismissed, known=known)
    alerts: list[Alert] = []
    for report in sorted(reports, key=lambda r: r.arrived_at):
        alert = detector.observe(report)
        if alert is not None:
            alerts.append(alert)
    return alerts
