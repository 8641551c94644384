"""Questions answered before: a contact matched by meaning, across languages, to a kept answer."""

from frontdesk.engine.answers.concepts import ConceptError, ConceptLexicon, Concepts
from frontdesk.engine.answers.index import Answer, AnswerIndex, AnswerMatch
from frontdesk.engine.answers.question import (
    ANSWER_REASON,
    AnswerPolicy,
    answer_applied,
    answer_find,
    one_fact_question,
)

__all__ = [
    "ANSWER_REASON",
    "Answer",
    "AnswerIndex",
    "AnswerMatch",
    "AnswerPolicy",
    "ConceptError",
    "ConceptLexicon",
    "Concepts",
    "answer_applied",
    "answer_find",
    "one_fact_question",
]
