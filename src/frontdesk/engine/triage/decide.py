"""Both layers together: the rules decide what they can explain; the model fills in from history."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from frontdesk.engine.triage.language import LanguageDetection
from frontdesk.engine.triage.learned import LevelModel
from frontdesk.engine.triage.lexicon import Lexicon
from frontdesk.engine.triage.rules import TriagePolicy, triage_rules
from frontdesk.engine.triage.types import Contact, Reason, Triage

# Reasons the rules can point at in the text or the context; the model never overrides them.
EXPLICIT = frozenset(
    {"payment", "blocked", "defect", "dissatisfied", "angry", "urgent", "pattern", "onboarding"}
)
CONFIDENCE = 0.6


def triage_contact(
    contact: Contact,
    *,
    lexicons: Mapping[str, Lexicon],
    detection: LanguageDetection,
    model: LevelModel | None = None,
    policy: TriagePolicy | None = None,
    fallback_language: str = "en",
) -> Triage:
    """Triage one contact: rules first, then the desk's learned model where the rules are silent."""
    decided = triage_rules(
        contact,
        lexicons=lexicons,
        detection=detection,
        policy=policy,
        fallback_language=fallback_language,
    )
    if model is None or any(reason.code in EXPLICIT for reason in decided.reasons):
        return decided
    level, confidence = model.predict(contact.subject, contact.body)
    if level == decided.level or confidence < CONFIDENCE:
        return decided
    return replace(decided, level=level, reasons=(Reason("learned", str(level)), *decided.reasons))
