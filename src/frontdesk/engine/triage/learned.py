"""The learned layer of triage: character n-grams and a linear model, trained on the desk's history.

Character n-grams need no tokeniser and no language list, so one model serves every language the
desk's customers write in. It learns from the levels agents confirmed or corrected.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.engine.text import fold

if TYPE_CHECKING:
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
