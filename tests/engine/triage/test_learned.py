from __future__ import annotations

import pytest

from frontdesk.engine.triage import Example, LevelModel

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
    assert model.pipeline.named_steps["classifier"].coef_.shape[0] == 1
    towards_weather = model.explain("Hello", "Nice weather today, just saying hi.", against=2)
    assert towards_weather.level == 4
    assert "weather" in towards_weather.evidence
