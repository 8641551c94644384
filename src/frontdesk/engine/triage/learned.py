"""The learned layer of triage: character n-grams and a linear model, trained on the desk's history.

Character n-grams need no tokeniser and no language list, so one model serves every language the
desk's customers write in. It learns from the levels agents confirmed or corrected.

scikit-learn trains the model; what it learned (each n-gram's column and idf, each level's
weights) is then kept and stored as plain numbers and applied here in plain Python, so a process
that only triages never imports scikit-learn (~80 MB and seconds of start-up).
"""

from __future__ import annotations

import gzip
import io
import json
import math
import re
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontdesk.engine.ngrams import char_wb_ngrams, column_counts, tfidf_weights
from frontdesk.engine.text import fold

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

# scikit-learn is imported where a model is trained (and where a model stored before format 2,
# a joblib pickle, is read once).

MODEL_FORMAT = 2
_PICKLED_FORMAT = 1
# The n-grams' lengths (within one word, padded by a space at each end).
NGRAM_MIN, NGRAM_MAX = 2, 5
# Below this many labelled examples, or with a single level among them, there is nothing to learn.
MINIMUM_EXAMPLES = 20


class ModelError(ValueError):
    """A model file cannot be used, or there is too little history to train one."""


@dataclass(frozen=True)
class Example:
    """One labelled contact: the text and the level an agent confirmed."""

    subject: str
    body: str
    level: int


# Punctuation around a word, left out when the word is named as evidence ("help!" → "help").
_EDGES = re.compile(r"^\W+|\W+$")


@dataclass(frozen=True)
class Prediction:
    """What the model makes of a text: a level, how sure it is, and the text's part in it.

    `evidence` are the text's words that pull towards the level rather than the one compared
    against, strongest first; `text_margin` is what all the text's words add up to, so a
    prediction the history's base rate makes on its own (a one-word "Help") shows as none.
    """

    level: int
    confidence: float
    evidence: tuple[str, ...] = ()
    text_margin: float = 0.0


def _text(subject: str, body: str) -> str:
    return fold(f"{subject}\n{body}")[:4000]


def pipeline_new(*, seed: int = 0) -> Pipeline:
    """The untrained pipeline: word-bounded character 2–5-grams, then logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            (
                "ngrams",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(NGRAM_MIN, NGRAM_MAX),
                    min_df=2,
                    sublinear_tf=True,
                    max_features=200_000,
                ),
            ),
            (
                "classifier",
                LogisticRegression(
                    max_iter=2000, C=4.0, class_weight="balanced", random_state=seed
                ),
            ),
        ]
    )


@dataclass
class LevelModel:
    """A trained level classifier (each n-gram's column and idf, each level's weights and
    intercept) and how many examples it learned from."""

    vocabulary: dict[str, int]
    idf: array[float]
    # One row per level; with two levels one row, for the second (the first is its mirror).
    weights: list[array[float]]
    intercepts: list[float]
    levels: tuple[int, ...]
    examples: int

    @classmethod
    def train(cls, examples: Sequence[Example], *, seed: int = 0) -> LevelModel:
        """Train on labelled history; ModelError when there is too little of it."""
        levels = {example.level for example in examples}
        if len(examples) < MINIMUM_EXAMPLES or len(levels) < 2:
            raise ModelError(
                f"need at least {MINIMUM_EXAMPLES} labelled contacts with two or more levels "
                f"(have {len(examples)} with {len(levels)})"
            )
        pipeline = pipeline_new(seed=seed)
        pipeline.fit([_text(e.subject, e.body) for e in examples], [e.level for e in examples])
        return cls.from_pipeline(pipeline, examples=len(examples))

    @classmethod
    def from_pipeline(cls, pipeline: Pipeline, *, examples: int) -> LevelModel:
        """What a trained scikit-learn pipeline (`pipeline_new`) learned, as plain numbers."""
        vectorizer = pipeline.named_steps["ngrams"]
        classifier = pipeline.named_steps["classifier"]
        return cls(
            vocabulary={str(gram): int(column) for gram, column in vectorizer.vocabulary_.items()},
            idf=array("d", vectorizer.idf_.tolist()),
            weights=[array("d", row) for row in classifier.coef_.tolist()],
            intercepts=[float(value) for value in classifier.intercept_.tolist()],
            levels=tuple(int(level) for level in classifier.classes_),
            examples=examples,
        )

    def _row(self, subject: str, body: str) -> dict[int, float]:
        grams = char_wb_ngrams(_text(subject, body), NGRAM_MIN, NGRAM_MAX)
        row = tfidf_weights(column_counts(grams, self.vocabulary), self.idf)
        return dict(sorted(row.items()))

    def _probabilities(self, row: Mapping[int, float]) -> list[float]:
        # As LogisticRegression.predict_proba: the logistic function of the one decision with
        # two levels, the softmax of the levels' decisions with more.
        decisions = [
            intercept + sum(value * weights[column] for column, value in row.items())
            for weights, intercept in zip(self.weights, self.intercepts, strict=True)
        ]
        if len(decisions) == 1:
            second = 1.0 / (1.0 + math.exp(-decisions[0]))
            return [1.0 - second, second]
        top = max(decisions)
        exponents = [math.exp(decision - top) for decision in decisions]
        total = sum(exponents)
        return [exponent / total for exponent in exponents]

    def _level_weights(self, index: int, columns: Sequence[int]) -> list[float]:
        if len(self.weights) == 1:
            # Two levels: as a softmax, half the one row for the second, minus half for the first.
            sign = 0.5 if index == 1 else -0.5
            return [sign * self.weights[0][column] for column in columns]
        return [self.weights[index][column] for column in columns]

    def predict(self, subject: str, body: str) -> tuple[int, float]:
        """The most likely level and its probability."""
        probabilities = self._probabilities(self._row(subject, body))
        best = max(range(len(probabilities)), key=probabilities.__getitem__)
        return self.levels[best], probabilities[best]

    def explain(self, subject: str, body: str, *, against: int) -> Prediction:
        """The most likely level, and which of the text's words pull towards it rather than
        towards `against` (the level the rules gave).

        The model is linear over character n-grams, and each n-gram lies inside one word, so a
        word's pull is the sum of its n-grams' weights: the level's minus `against`'s (or the
        mean of all levels', if the model never saw `against`), times the n-gram's value here.
        """
        row = self._row(subject, body)
        probabilities = self._probabilities(row)
        best = max(range(len(probabilities)), key=probabilities.__getitem__)
        columns = list(row)
        mine = self._level_weights(best, columns)
        if against in self.levels:
            reference = self._level_weights(self.levels.index(against), columns)
        else:
            every = [self._level_weights(i, columns) for i in range(len(self.levels))]
            reference = [sum(values) / len(every) for values in zip(*every, strict=True)]
        pull = {
            column: (weight - other) * row[column]
            for column, weight, other in zip(columns, mine, reference, strict=True)
        }
        return Prediction(
            level=self.levels[best],
            confidence=probabilities[best],
            evidence=_words_pulling(f"{subject}\n{body}", pull, self.vocabulary),
            text_margin=sum(pull.values()),
        )

    def dumps(self) -> bytes:
        """The model as bytes (gzipped JSON, no pickle), for the database or a file."""
        grams = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        data = {
            "format": MODEL_FORMAT,
            "ngrams": grams,
            "idf": list(self.idf),
            "weights": [list(row) for row in self.weights],
            "intercepts": self.intercepts,
            "levels": list(self.levels),
            "examples": self.examples,
        }
        return gzip.compress(json.dumps(data, ensure_ascii=False).encode(), mtime=0)

    @classmethod
    def loads(cls, data: bytes) -> LevelModel:
        """A model from `dumps()`, or one a desk stored before format 2 (a joblib pickle: load
        only what the desk itself wrote)."""
        if not data.startswith(b"\x1f\x8b"):
            return cls._unpickled(data)
        try:
            stored = json.loads(gzip.decompress(data))
        except (OSError, EOFError, ValueError) as error:
            raise ModelError(f"not a frontdesk triage model: {error}") from error
        if not isinstance(stored, dict) or stored.get("format") != MODEL_FORMAT:
            raise ModelError("not a frontdesk triage model, or one from another version")
        try:
            return cls._from_stored(stored)
        except (KeyError, TypeError, ValueError) as error:
            raise ModelError(f"a damaged frontdesk triage model: {error!r}") from error

    @classmethod
    def _from_stored(cls, stored: dict[str, Any]) -> LevelModel:
        return cls(
            vocabulary={str(gram): column for column, gram in enumerate(stored["ngrams"])},
            idf=array("d", stored["idf"]),
            weights=[array("d", row) for row in stored["weights"]],
            intercepts=[float(value) for value in stored["intercepts"]],
            levels=tuple(int(level) for level in stored["levels"]),
            examples=int(stored["examples"]),
        )

    @classmethod
    def _unpickled(cls, data: bytes) -> LevelModel:
        import joblib

        try:
            stored = joblib.load(io.BytesIO(data))
        except Exception as error:  # joblib raises many kinds for a damaged file
            raise ModelError(f"not a frontdesk triage model: {error}") from error
        if not isinstance(stored, dict) or stored.get("format") != _PICKLED_FORMAT:
            raise ModelError("not a frontdesk triage model, or one from another version")
        return cls.from_pipeline(stored["pipeline"], examples=int(stored["examples"]))

    @classmethod
    def load(cls, path: Path) -> LevelModel:
        """A model from a file written by `save()`."""
        try:
            return cls.loads(path.read_bytes())
        except OSError as error:
            raise ModelError(f"cannot read {path}: {error}") from error

    def save(self, path: Path) -> None:
        """Write the model to a file."""
        path.write_bytes(self.dumps())


def _words_pulling(
    text: str, pull: dict[int, float], vocabulary: Mapping[str, int]
) -> tuple[str, ...]:
    """The text's words whose n-grams pull towards a level, strongest first, as written."""
    shown: dict[str, str] = {}
    grams_of: dict[str, set[int]] = {}
    for raw in text.split():
        word = _EDGES.sub("", raw)
        key = fold(word)
        if not key or key in grams_of:
            continue
        shown[key] = word.lower()
        grams_of[key] = {
            vocabulary[g]
            for g in char_wb_ngrams(key, NGRAM_MIN, NGRAM_MAX)
            if vocabulary.get(g) in pull
        }
    # An n-gram inside several words ("re" in "refund" and "never") is shared among them.
    sharing: dict[int, int] = defaultdict(int)
    for grams in grams_of.values():
        for gram in grams:
            sharing[gram] += 1
    strength = {
        key: sum(pull[gram] / sharing[gram] for gram in grams) for key, grams in grams_of.items()
    }
    ranked = sorted((key for key in strength if strength[key] > 0), key=lambda k: -strength[k])
    return tuple(shown[key] for key in ranked)
