from __future__ import annotations

import pytest

from frontdesk.engine.triage import (
    Contact,
    Example,
    LanguageDetection,
    LevelModel,
    Lexicon,
    triage_contact,
)

# A desk where frozen screens were level 1, printer questions level 2 and small talk level 4.
HISTORY = (
    [Example("Help", f"Help! The screen froze again, case {n}.", 1) for n in range(15)]
    + [
        Example("Printer setup", f"How do I connect printer model {n} to the app?", 2)
        for n in range(15)
    ]
    + [
        Example("Hello there", f"Nice weather today number {n}, just saying hi.", 4)
        for n in range(15)
    ]
)


@pytest.fixture(scope="module")
def model() -> LevelModel:
    return LevelModel.train(HISTORY, seed=0)


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Help", ""),
        ("Help", "Help"),
        ("", "help help help help help"),
        ("Printer", "?"),
    ],
)
def test_the_model_never_raises_a_level_without_text_to_go_on(
    model: LevelModel,
    lexicons: dict[str, Lexicon],
    detection: LanguageDetection,
    subject: str,
    body: str,
) -> None:
    # The model itself would say level 1 or 2 for these: what it has to go on is a word or two.
    assert model.predict(subject, body)[0] < 4
    decided = triage_contact(
        Contact(id=None, channel="web", subject=subject, body=body),
        lexicons=lexicons,
        detection=detection,
        model=model,
    )
    assert decided.level == 4
    assert "learned" not in {reason.code for reason in decided.reasons}


@pytest.mark.parametrize(
    ("subject", "body", "level", "evidence"),
    [
        ("Printer setup", "How do I connect printer model 99 to the app?", 2, "printer"),
        ("Help", "The screen froze again this morning, help!", 1, "froze"),
    ],
)
def test_the_model_raises_a_level_naming_the_words_it_went_by(
    model: LevelModel,
    lexicons: dict[str, Lexicon],
    detection: LanguageDetection,
    subject: str,
    body: str,
    level: int,
    evidence: str,
) -> None:
    decided = triage_contact(
        Contact(id=None, channel="web", subject=subject, body=body),
        lexicons=lexicons,
        detection=detection,
        model=model,
    )
    assert decided.level == level
    learned = decided.reasons[0]
    assert learned.code == "learned"
    assert evidence in learned.evidence
    assert len(learned.evidence) <= 3
    assert f"“{evidence}”" in learned.text()
    assert learned.text().startswith(f"learned from the desk's history: level {level}, from ")


def test_the_model_never_overrides_a_churn_risk(
    model: LevelModel, lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    subject, body = (
        "Printer setup",
        "How do I connect printer model 7? Or we go to another provider.",
    )
    # The history alone would call this a printer question, level 2.
    assert model.predict(subject, body)[0] == 2
    decided = triage_contact(
        Contact(id=None, channel="web", subject=subject, body=body),
        lexicons=lexicons,
        detection=detection,
        model=model,
    )
    assert decided.level == 1
    assert [reason.code for reason in decided.reasons][:1] == ["churn"]
