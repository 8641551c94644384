"""A quick win is a question someone has answered before: a short question that needs one fact,
matched to a kept answer, becomes a quick win with that answer's code as its reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from frontdesk.engine.answers.concepts import Concepts, words_of
from frontdesk.engine.answers.index import AnswerIndex, AnswerMatch
from frontdesk.engine.triage.types import Contact, Reason, Triage

# The lowest score at which no look-alike on the "tune" rows of bench/data/answers.jsonl was
# matched (bench/answers_bench.py prints the sweep, and the figures on the "fresh" rows).
THRESHOLD = 0.7
# A question needing one fact is short: the morning sweep's "couple of sentences".
MAX_WORDS = 60
ANSWER_REASON = "answer"
# Triage's tone of a calm question is 0.24; one word of complaint in it ("how many days …")
# takes it to -0.24. Below that the customer is unhappy, whatever they ask.
MIN_TONE = -0.25
_QUESTION_MARK = re.compile(r"[?？؟]")


@dataclass(frozen=True)
class AnswerPolicy:
    """What a desk may tune: how close a match must be, how short a question."""

    threshold: float = THRESHOLD
    max_words: int = MAX_WORDS


def one_fact_question(
    contact: Contact,
    decision: Triage,
    concepts: Concepts,
    policy: AnswerPolicy,
    openers: frozenset[str] = frozenset(),
) -> bool:
    """Whether a contact is a short, calm question that one kept answer could settle: not level
    1, not angry or unhappy, no hard case, no trouble reported and no case of the customer's own
    (an order, a delivery on its way). `openers`: the words a question may open with."""
    if decision.level == 1 or decision.angry or decision.tone < MIN_TONE:
        return False
    if any(reason.code == "hard" for reason in decision.reasons):
        return False
    if concepts.trouble or concepts.case:
        return False
    if len(words_of(contact.body)) > policy.max_words:
        return False
    return _asks(contact.subject, openers) or _asks(contact.body, openers)


def _asks(text: str, openers: frozenset[str]) -> bool:
    if _QUESTION_MARK.search(text):
        return True
    words = words_of(text)
    return bool(words) and words[0] in openers


def answer_find(
    contact: Contact,
    decision: Triage,
    index: AnswerIndex,
    policy: AnswerPolicy | None = None,
) -> AnswerMatch | None:
    """The kept answer that settles this contact's question, or None."""
    policy = policy or AnswerPolicy()
    if not len(index):
        return None
    concepts = index.concepts_of(contact.subject, contact.body)
    if not one_fact_question(contact, decision, concepts, policy, index.lexicon.openers):
        return None
    ranked = index.ranked(contact.subject, contact.body, concepts=concepts)
    best = ranked[0] if ranked else None
    return best if best is not None and best.score >= policy.threshold else None


def answer_applied(decision: Triage, match: AnswerMatch, *, quick_win_minutes: int) -> Triage:
    """The decision made a quick win by a kept answer, which its reason names. Level 1 stays as
    it is: what makes level 1 deserves a full look however short the question."""
    if decision.level == 1:
        return decision
    reasons = tuple(r for r in decision.reasons if r.code != ANSWER_REASON)
    return replace(
        decision,
        quick_win=True,
        effort_minutes=min(decision.effort_minutes, quick_win_minutes),
        reasons=(*reasons, Reason(ANSWER_REASON, match.code)),
    )
