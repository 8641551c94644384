"""Both layers together: the rules decide what they can explain; the model fills in from history.

The model may raise a level only on evidence in the text: enough words to go on, a confident
prediction, and words that pull towards the new level more than the rest pull away from it —
which the reason then names. A level the history's base rate gives to any short text ("Help")
is no evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from frontdesk.engine.triage.language import LanguageDetection
from frontdesk.engine.triage.learned import LevelModel
from frontdesk.engine.triage.lexicon import Lexicon
from frontdesk.engine.triage.rules import TriagePolicy, distinct_words, triage_rules
from frontdesk.engine.triage.types import LEVEL_ONE_CODES, Contact, Reason, Triage

# Reasons the rules can point at in the text or the context; the model never overrides them.
EXPLICIT = frozenset({*LEVEL_ONE_CODES, "pattern", "onboarding"})
# How sure the model must be to raise a level. On demo-like histories, junk that passes the word
# count ("Hello, is anybody there? I need some help") came out at 0.55–0.65, and requests like
# those it learned from at 0.8 and more; a rare right guess on an unfamiliar text (0.62) is
# given up with the junk (bench/triage_bench.py, "Learned layer").
CONFIDENCE = 0.7
# How many of the words the model went by a reason names.
EVIDENCE_SHOWN = 3


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
    policy = policy or TriagePolicy()
    decided = triage_rules(
        contact,
        lexicons=lexicons,
        detection=detection,
        policy=policy,
        fallback_language=fallback_language,
    )
    if model is None or any(reason.code in EXPLICIT for reason in decided.reasons):
        return decided
    if distinct_words(contact) < policy.learned_min_words:
        return decided
    predicted = model.explain(contact.subject, contact.body, against=decided.level)
    if (
        predicted.level == decided.level
        or predicted.confidence < CONFIDENCE
        or predicted.text_margin <= 0
        or not predicted.evidence
    ):
        return decided
    learned = Reason("learned", str(predicted.level), evidence=predicted.evidence[:EVIDENCE_SHOWN])
    return replace(decided, level=predicted.level, reasons=(learned, *decided.reasons))
