from __future__ import annotations

import pytest

from frontdesk.engine.triage import LanguageDetection, Lexicon
from frontdesk.engine.triage.lexicon import lexicon_compile

# A small English lexicon in the shipped format, so rule tests do not move when the data grows.
ENGLISH = {
    "language": "en",
    "payment": {
        "charged twice": ["charged twice", "double charge*"],
        "payment failed": ["payment failed"],
    },
    "blocked": {
        "account locked": ["account locked", "locked out"],
        "cannot log in": ["cannot log in"],
    },
    "defect": {"nothing works": ["nothing works"]},
    "quick": {
        "opening hours": ["opening hours", "are you open"],
        "invoice copy": ["copy of invoice*"],
    },
    "churn": ["cancel our contract", "another provider", "last chance"],
    "not_churn": ["last chance to register", "contract for the old"],
    "dissatisfied": ["very disappointed", "unacceptable", "third time"],
    "anger": ["ridiculous", "worst service"],
    "urgency": ["urgent*", "asap"],
    "calm": ["not urgent", "no rush"],
    "onboarding": ["how do i start", "where do i find", "just signed up"],
    "hard": ["attached", "since the update", "error message"],
    "positive": ["thank*", "great"],
    "negative": ["slow", "problem*", "wrong", "not great"],
}


@pytest.fixture(scope="session")
def lexicons() -> dict[str, Lexicon]:
    return {"en": lexicon_compile(ENGLISH, "test-en")}


@pytest.fixture(scope="session")
def detection() -> LanguageDetection:
    return LanguageDetection(["en", "et", "he", "hu", "bs", "de", "ru"])
