from __future__ import annotations

import json

import pytest
from django.utils import translation

from frontdesk.engine.triage import Reason
from frontdesk.engine.triage.lexicon import LABELLED, LEXICON_DIR
from frontdesk.tickets.wording import DETAILS, reason_text, tone_text


def test_every_label_of_the_shipped_lexicons_can_be_translated() -> None:
    labels = set()
    for path in LEXICON_DIR.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for category in LABELLED:
            labels.update(data.get(category, {}))
    assert labels - set(DETAILS) == set()


def test_a_reason_reads_in_the_page_language() -> None:
    with translation.override("hu"):
        text = reason_text(Reason("payment", "charged twice"))
    with translation.override("en"):
        english = reason_text(Reason("payment", "charged twice"))
    assert english == "payment problem: charged twice"
    assert text != english
    assert "%(" not in text


@pytest.mark.parametrize(
    ("tone", "word"),
    [(-0.76, "angry"), (-0.3, "unhappy"), (0.0, "neutral"), (0.6, "pleased")],
)
def test_a_tone_reads_as_a_word(tone: float, word: str) -> None:
    assert tone_text(tone) == word


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "churn risk: “another provider”"),
        ("et", "lahkumise oht: „another provider“"),
        # The customer's words are isolated, so English ones keep their order in a Hebrew line.
        ("he", "סיכון נטישה: „\u2068another provider\u2069”"),
        ("hu", "lemorzsolódási kockázat: „another provider”"),
        ("bs", "rizik odlaska klijenta: „another provider“"),
    ],
)
def test_a_churn_risk_reads_in_each_page_language_with_the_customers_words(
    language: str, expected: str
) -> None:
    with translation.override(language):
        assert reason_text(Reason("churn", "another provider")) == expected


def test_the_models_reason_quotes_the_words_each_kept_with_its_quotation_marks() -> None:
    reason = Reason("read", evidence=("Bestellungen", "Lager"))
    with translation.override("en"):
        assert (
            reason_text(reason)
            == "read as level 1 from \u2068“Bestellungen”\u2069, \u2068“Lager”\u2069"
        )
    with translation.override("he"):
        assert reason_text(reason).startswith("נקרא כרמה 1 לפי \u2068“Bestellungen”\u2069")
    assert reason.text() == "read as level 1 from “Bestellungen”, “Lager”"
