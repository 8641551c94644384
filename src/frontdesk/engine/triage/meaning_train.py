"""Training the shipped model (see meaning.py): chosen and calibrated on out-of-fold scores.

Run offline by `bench/triage_model_build.py`; scikit-learn is needed here only.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from frontdesk.engine.triage.meaning import Decision, MeaningModel, word_grams

# A character n-gram must occur in this many training contacts to get a weight.
MIN_CONTACTS = 2
# Weights nearer zero than this are dropped from the shipped file; they move no decision.
PRUNE_BELOW = 1e-3
# The regularisation strengths tried per decision; the one best on the dev split is kept.
STRENGTHS = (0.3, 1.0, 3.0, 10.0)
# Issue 18's aims for level 1: find 95 % of them, and be right in 90 % of those called level 1.
LEVEL1_AIMS = (0.95, 0.90)
# The model keeps every level 1 of the rules (their reasons are facts a person can check), and
# may overrule their quick wins: below one of these probabilities.
QUICK_CONFIRMS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
# Out-of-fold scores come from this many folds.
FOLDS = 5


@dataclass(frozen=True)
class Sample:
    """One labelled contact as the model reads it."""

    words: frozenset[str]
    cues: dict[str, float]
    level1: bool
    quick: bool
    # What the rules alone said.
    rules_level1: bool = False
    rules_quick: bool = False


@dataclass(frozen=True)
class Fitted:
    """A trained decision and how it did, cross-validated, on the contacts it was chosen on."""

    decision: Decision
    strength: float
    cv_accuracy: float
    cv_recall: float
    cv_precision: float


def _matrix(samples: Sequence[Sample], grams: dict[str, int], cues: dict[str, int]):  # type: ignore[no-untyped-def]
    from scipy.sparse import csr_matrix

    rows, cols, values = [], [], []
    offset = len(grams)
    for row, sample in enumerate(samples):
        counts: Counter[int] = Counter()
        for word in sample.words:
            counts.update(grams[g] for g in word_grams(word) if g in grams)
        norm = 1 / math.sqrt(len(sample.words)) if sample.words else 0.0
        for col, count in counts.items():
            rows.append(row)
            cols.append(col)
            values.append(count * norm)
        for name, value in sample.cues.items():
            if name in cues:
                rows.append(row)
                cols.append(offset + cues[name])
                values.append(value)
    return csr_matrix((values, (rows, cols)), shape=(len(samples), offset + len(cues)))


def fit_decision(
    samples: Sequence[Sample],
    label: Callable[[Sample], bool],
    *,
    strengths: Sequence[float] = STRENGTHS,
    rules: Callable[[Sample], bool],
    aims: tuple[float, float] | None = None,
    confirms: Sequence[float] = (0.0,),
    folds: int = FOLDS,
) -> Fitted:
    """Fit one decision on `samples`. The strength, the calibration and the threshold are chosen
    on out-of-fold scores (each contact scored by a model that did not see it); the threshold is
    the one that comes nearest `aims`, a recall and a precision (see `_threshold`), or with the
    best accuracy. The shipped weights are then fitted on all samples."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    seen: Counter[str] = Counter()
    for sample in samples:
        seen.update({g for word in sample.words for g in word_grams(word)})
    grams = {g: i for i, g in enumerate(sorted(g for g, n in seen.items() if n >= MIN_CONTACTS))}
    cues = {name: i for i, name in enumerate(sorted({n for s in samples for n in s.cues}))}
    x = _matrix(samples, grams, cues)
    y = np.array([label(s) for s in samples])
    if y.sum() < folds or (~y).sum() < folds:
        raise ValueError(f"each answer must occur at least {folds} times")
    splits = list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=0).split(x, y))
    said = np.array([rules(s) for s in samples])
    best: tuple[tuple[float, float], float, float, float, float, float, float, float] | None = None
    for strength in strengths:
        margins = np.zeros(len(samples))
        for inside, outside in splits:
            model = LogisticRegression(C=strength, class_weight="balanced", max_iter=5000)
            margins[outside] = model.fit(x[inside], y[inside]).decision_function(x[outside])
        # Platt scaling: the margin's scale and shift that make it a probability.
        platt = LogisticRegression(C=1e4, max_iter=1000).fit(margins.reshape(-1, 1), y)
        scale, shift = float(platt.coef_[0][0]), float(platt.intercept_[0])
        probabilities = 1 / (1 + np.exp(-(scale * margins + shift)))
        threshold, confirm, accuracy, recall, precision = _chosen(
            probabilities, said, y, aims, confirms
        )
        key = (accuracy, recall)
        if best is None or key > best[0]:
            best = (key, strength, scale, shift, threshold, confirm, recall, precision)
    assert best is not None
    (accuracy, _), strength, scale, shift, threshold, confirm, recall, precision = best
    model = LogisticRegression(C=strength, class_weight="balanced", max_iter=5000).fit(x, y)
    coefficients = model.coef_[0]
    names = list(grams)
    decision = Decision(
        grams={
            names[i]: round(float(w), 4)
            for i, w in enumerate(coefficients[: len(grams)])
            if abs(w) >= PRUNE_BELOW
        },
        cues={
            name: round(float(coefficients[len(grams) + i]), 4)
            for name, i in cues.items()
            if abs(coefficients[len(grams) + i]) >= PRUNE_BELOW
        },
        intercept=round(float(model.intercept_[0]), 4),
        scale=round(scale, 4),
        shift=round(shift, 4),
        threshold=threshold,
        confirm=confirm,
    )
    return Fitted(decision, strength, accuracy, recall, precision)


def _chosen(probabilities, said, truth, aims, confirms) -> tuple[float, float, float, float, float]:  # type: ignore[no-untyped-def]
    """The threshold (0.1 to 0.95) and confirm (one of `confirms`) whose decision comes nearest
    the aims (recall, precision) — the one whose worse ratio to its aim is best — or, without
    aims, has the best accuracy; ties go to the better accuracy, then to the threshold nearest
    0.5. Answers threshold, confirm, accuracy, recall, precision."""
    import numpy as np

    candidates = []
    for confirm in confirms:
        for step in range(10, 96, 2):
            threshold = step / 100
            yes = np.where(said, probabilities >= confirm, probabilities >= threshold)
            right = yes & truth
            recall = float(right.sum() / max(truth.sum(), 1))
            precision = float(right.sum() / max(yes.sum(), 1))
            accuracy = float((yes == truth).mean())
            aimed = min(recall / aims[0], precision / aims[1]) if aims else accuracy
            nearness = -abs(threshold - 0.5)
            candidates.append((aimed, accuracy, nearness, threshold, confirm, recall, precision))
    _, accuracy, _, threshold, confirm, recall, precision = max(candidates)
    return threshold, confirm, accuracy, recall, precision


def fit_model(
    samples: Sequence[Sample],
    *,
    trained: dict[str, object],
) -> tuple[MeaningModel, Fitted, Fitted]:
    """Both decisions; quick wins are trained on contacts that are not level 1 (a level 1 is
    never a quick win, so those teach the quick decision nothing)."""
    level1 = fit_decision(
        samples, lambda s: s.level1, rules=lambda s: s.rules_level1, aims=LEVEL1_AIMS
    )
    quick = fit_decision(
        [s for s in samples if not s.level1],
        lambda s: s.quick,
        rules=lambda s: s.rules_quick,
        confirms=QUICK_CONFIRMS,
    )
    model = MeaningModel(level1=level1.decision, quick=quick.decision, trained=trained)
    return model, level1, quick
