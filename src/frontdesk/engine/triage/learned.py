"""The learned layer of triage: character n-grams and a linear model, trained on the desk's history.

Character n-grams need no tokeniser and no language list, so one model serves every language the
desk's customers write in. It learns from the levels agents confirmed or corrected.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.engine.text import fold

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import Pipeline

# scikit-learn and joblib are imported where a model is trained or loaded: they take a second
# to import, and the rules layer (the `triage` command without --model) never needs them.

MODEL_FORMAT = 1
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
                    ngram_range=(2, 5),
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
    """A trained level classifier and how many examples it learned from."""

    pipeline: Pipeline
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
        return cls(pipeline=pipeline, examples=len(examples))

    def predict(self, subject: str, body: str) -> tuple[int, float]:
        """The most likely level and its probability."""
        probabilities = self.pipeline.predict_proba([_text(subject, body)])[0]
        best = int(probabilities.argmax())
        return int(self.pipeline.classes_[best]), float(probabilities[best])

    def explain(self, subject: str, body: str, *, against: int) -> Prediction:
        """The most likely level, and which of the text's words pull towards it rather than
        towards `against` (the level the rules gave).

        The model is linear over character n-grams, and each n-gram lies inside one word, so a
        word's pull is the sum of its n-grams' weights: the level's minus `against`'s (or the
        mean of all levels', if the model never saw `against`), times the n-gram's value here.
        """
        import numpy

        vectorizer = self.pipeline.named_steps["ngrams"]
        classifier = self.pipeline.named_steps["classifier"]
        row = vectorizer.transform([_text(subject, body)])
        probabilities = classifier.predict_proba(row)[0]
        best = int(probabilities.argmax())
        classes = [int(level) for level in classifier.classes_]
        columns = row.indices
        weights = classifier.coef_[:, columns]
        if weights.shape[0] == 1:
            # Two levels: one row of weights, for the second; as a softmax, half of it for the
            # second level and minus half for the first.
            weights = numpy.vstack([-weights[0], weights[0]]) / 2
        reference = weights[classes.index(against)] if against in classes else weights.mean(axis=0)
        values = (weights[best] - reference) * row.data
        pull = {int(gram): float(value) for gram, value in zip(columns, values, strict=True)}
        return Prediction(
            level=classes[best],
            confidence=float(probabilities[best]),
            evidence=_words_pulling(f"{subject}\n{body}", pull, vectorizer),
            text_margin=sum(pull.values()),
        )

    def dumps(self) -> bytes:
        """The model as bytes, for the database or a file."""
        import joblib

        buffer = io.BytesIO()
        joblib.dump(
            {"format": MODEL_FORMAT, "pipeline": self.pipeline, "examples": self.examples}, buffer
        )
        return buffer.getvalue()

    @classmethod
    def loads(cls, data: bytes) -> LevelModel:
        """A model from `dumps()`. Load only files the desk itself wrote: they are pickles."""
        import joblib

        try:
            stored = joblib.load(io.BytesIO(data))
        except Exception as error:  # joblib raises many kinds for a damaged file
            raise ModelError(f"not a frontdesk triage model: {error}") from error
        if not isinstance(stored, dict) or stored.get("format") != MODEL_FORMAT:
            raise ModelError("not a frontdesk triage model, or one from another version")
        return cls(pipeline=stored["pipeline"], examples=int(stored["examples"]))

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
    text: str, pull: dict[int, float], vectorizer: TfidfVectorizer
) -> tuple[str, ...]:
    """The text's words whose n-grams pull towards a level, strongest first, as written."""
    analyse = vectorizer.build_analyzer()
    vocabulary: dict[str, int] = vectorizer.vocabulary_
    shown: dict[str, str] = {}
    grams_of: dict[str, set[int]] = {}
    for raw in text.split():
        word = _EDGES.sub("", raw)
        key = fold(word)
        if not key or key in grams_of:
            continue
        shown[key] = word.lower()
        grams_of[key] = {vocabulary[g] for g in analyse(key) if vocabulary.get(g) in pull}
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
