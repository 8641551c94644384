from __future__ import annotations

import io

import joblib
import pytest

from frontdesk.engine.triage import Example, LevelModel, ModelError
from frontdesk.engine.triage.learned import _text, pipeline_new

HISTORY = [
    Example("Printer setup", f"How do I connect printer model {n} to the app?", 2)
    for n in range(15)
] + [
    Example("Hello there", f"Nice weather today number {n}, just saying hi.", 4) for n in range(15)
]


@pytest.fixture(scope="module")
def model() -> LevelModel:
    return LevelModel.train(HISTORY, seed=0)


def test_the_words_that_pull_towards_a_level_are_its_evidence(model: LevelModel) -> None:
    predicted = model.explain(
        "Printer setup", "How do I connect printer model 99 to the app?", against=4
    )
    assert predicted.level == 2
    assert predicted.confidence > 0.7
    assert predicted.text_margin > 0
    assert predicted.evidence[0] == "printer"
    # Words as the customer wrote them, lower-cased, without the punctuation around them.
    assert "app" in predicted.evidence


def test_a_text_of_words_the_model_never_saw_is_no_evidence(model: LevelModel) -> None:
    predicted = model.explain("Καλημέρα", "Γεια σας φίλοι μου", against=4)
    assert predicted.evidence == ()
    assert predicted.text_margin == 0


def test_two_levels_are_explained_as_well_as_many(model: LevelModel) -> None:
    # With two levels the classifier keeps one row of weights; the other level is its mirror.
    assert len(model.weights) == 1
    towards_weather = model.explain("Hello", "Nice weather today, just saying hi.", against=2)
    assert towards_weather.level == 4
    assert "weather" in towards_weather.evidence


SAMPLE = [
    ("Printer setup", "How do I connect printer model 99 to the app?"),
    ("Hello", "Nice weather today, just saying hi."),
    ("Printer", "The weather broke my printer, hi."),
    ("Καλημέρα", "Γεια σας"),
]


def _decisions(model: LevelModel) -> list[tuple[int, float, tuple[str, ...], float]]:
    return [
        (p.level, round(p.confidence, 12), p.evidence, round(p.text_margin, 12))
        for p in (model.explain(subject, body, against=4) for subject, body in SAMPLE)
    ]


def test_a_stored_model_decides_as_the_trained_one(model: LevelModel) -> None:
    stored = model.dumps()

    assert stored.startswith(b"\x1f\x8b")  # gzipped JSON, no pickle
    assert _decisions(LevelModel.loads(stored)) == _decisions(model)


def test_a_model_stored_by_an_earlier_version_decides_as_scikit_learn_did() -> None:
    pipeline = pipeline_new(seed=0)
    pipeline.fit([_text(e.subject, e.body) for e in HISTORY], [e.level for e in HISTORY])
    pickled = io.BytesIO()
    joblib.dump({"format": 1, "pipeline": pipeline, "examples": len(HISTORY)}, pickled)

    old = LevelModel.loads(pickled.getvalue())

    for subject, body in SAMPLE:
        probabilities = pipeline.predict_proba([_text(subject, body)])[0]
        level, confidence = old.predict(subject, body)
        assert level == int(pipeline.classes_[probabilities.argmax()])
        assert confidence == pytest.approx(float(probabilities.max()), abs=1e-12)


def test_a_damaged_model_is_refused() -> None:
    with pytest.raises(ModelError):
        LevelModel.loads(b"\x1f\x8b damaged")
