"""The desk's kept answers as one index, and the answer a contact's words come closest to.

Two readings of meaning, neither needing a downloaded model: folded character n-grams (TF-IDF)
over every language version and example question of an answer, which catch paraphrase and
inflection within a language; and the concept lexicon, which carries a question across
languages ("Liefern Sie nach Tartu?" names delivery as "Do you deliver …" does). Names and
numbers are left out of the n-grams, so "Tartu" or "INV-20412" neither help nor hurt.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from frontdesk.engine.answers.concepts import ConceptLexicon, Concepts, concept_lexicon
from frontdesk.engine.ngrams import char_wb_ngrams, tfidf_fit
from frontdesk.engine.text import fold

# What asking only about an answer's topics adds to the n-gram likeness (0 to 1), and what naming
# only things the answer never mentions takes away. Chosen with the threshold on the "tune" rows
# of bench/data/answers.jsonl; bench/answers_bench.py prints them and the "fresh" rows.
CONCEPT_WEIGHT = 0.8
OBJECT_PENALTY = 0.5
# The n-grams' lengths: within one word, padded by a space at each end.
NGRAM_MIN, NGRAM_MAX = 3, 5
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_TOKEN = re.compile(r"\w+|[.!?¿;:\n]")
_SENTENCE_END = frozenset(".!?¿;:\n")


@dataclass(frozen=True)
class Answer:
    """One kept answer in one language: its code, name, text and the questions it settles."""

    code: str
    language: str
    name: str
    text: str
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerMatch:
    """How close a contact comes to one answer: the score, its n-gram part, shared topics."""

    code: str
    score: float
    likeness: float
    topics: tuple[str, ...]


def words_for_likeness(text: str) -> str:
    """The text as the n-grams read it: placeholders, numbers and names (a capitalised word
    inside a sentence) left out, then folded."""
    kept: list[str] = []
    starts_sentence = True
    for token in _TOKEN.findall(_PLACEHOLDER.sub(" ", text)):
        if token in _SENTENCE_END:
            starts_sentence = True
            continue
        name = token[0].isupper() and not starts_sentence and len(token) > 1
        starts_sentence = False
        if not name and not any(ch.isdigit() for ch in token):
            kept.append(token)
    return fold(" ".join(kept))


def _topic_weights(headings: list[frozenset[str]], told: set[str]) -> dict[str, float]:
    # How much an answer is about each topic: the share of its name and example questions
    # that name it ("How much does delivery cost?" makes /delivery a little about prices).
    # An answer with no topic in them is about what its text names, half as surely.
    if not headings:
        return dict.fromkeys(told, 0.5)
    weights: dict[str, float] = {}
    for topics in headings:
        for topic in topics:
            weights[topic] = weights.get(topic, 0.0) + 1 / len(headings)
    return weights


class AnswerIndex:
    """Every kept answer, ready to be compared with a contact; build it once per change."""

    def __init__(self, answers: Sequence[Answer], *, lexicon: ConceptLexicon | None = None):
        self.lexicon = lexicon or concept_lexicon()
        documents: list[tuple[str, str]] = []
        headings: dict[str, list[frozenset[str]]] = {}
        told: dict[str, set[str]] = {}
        objects: dict[str, set[str]] = {}
        for answer in answers:
            if not (answer.name or answer.text or answer.questions):
                continue
            documents.append((answer.code, f"{answer.name}\n{answer.text}"))
            documents.extend((answer.code, question) for question in answer.questions)
            # What an answer is for, its name and the questions it settles say; its text
            # speaks of more ("delivery is free over €100" is no price list).
            said = [self.lexicon.concepts_of(line) for line in (answer.name, *answer.questions)]
            body = self.lexicon.concepts_of(answer.text)
            headings.setdefault(answer.code, []).extend(c.topics for c in said if c.topics)
            told.setdefault(answer.code, set()).update(body.topics)
            objects.setdefault(answer.code, set()).update(body.objects, *(c.objects for c in said))
        documents.sort(key=lambda pair: pair[0])
        # Where each code's documents start in the sorted matrix, for one max per code.
        self._starts = [
            i for i, (owner, _t) in enumerate(documents) if i == 0 or documents[i - 1][0] != owner
        ]
        self.codes: tuple[str, ...] = tuple(documents[i][0] for i in self._starts)
        self.topics = {code: _topic_weights(headings[code], told[code]) for code in self.codes}
        self.objects = {code: frozenset(objects[code]) for code in self.codes}
        if documents:
            self._fit([words_for_likeness(text) for _code, text in documents])

    def _fit(self, texts: list[str]) -> None:
        # A query is scored through each n-gram's list of documents: for one short text that
        # costs less than a matrix product.
        self._vocabulary, self._idf, rows = tfidf_fit(texts, NGRAM_MIN, NGRAM_MAX)
        self._postings: list[list[tuple[int, float]]] = [[] for _ in self._idf]
        for document, row in enumerate(rows):
            for column, value in row.items():
                self._postings[column].append((document, value))
        self._documents = len(rows)

    def likeness(self, text: str) -> list[float]:
        """The cosine of the text's n-gram weights with each answer's closest document."""
        counts = Counter(char_wb_ngrams(words_for_likeness(text), NGRAM_MIN, NGRAM_MAX))
        similarity = [0.0] * self._documents
        norm = 0.0
        for ngram, count in counts.items():
            column = self._vocabulary.get(ngram)
            if column is None:
                continue
            weight = (1.0 + math.log(count)) * self._idf[column]
            norm += weight * weight
            for document, value in self._postings[column]:
                similarity[document] += weight * value
        if norm == 0.0:
            return [0.0] * len(self.codes)
        scale = 1.0 / math.sqrt(norm)
        ends = [*self._starts[1:], self._documents]
        return [
            max(similarity[start:end]) * scale
            for start, end in zip(self._starts, ends, strict=True)
        ]

    def __len__(self) -> int:
        return len(self.codes)

    def concepts_of(self, subject: str, body: str) -> Concepts:
        """What a contact is about, by the index's concept lexicon."""
        return self.lexicon.concepts_of(f"{subject}\n{body}")

    def ranked(
        self, subject: str, body: str, *, concepts: Concepts | None = None
    ) -> list[AnswerMatch]:
        """Every answer's closeness to the contact, closest first."""
        if not self.codes:
            return []
        concepts = concepts or self.concepts_of(subject, body)
        best = self.likeness(f"{subject}\n{body}")
        asked, named = concepts.topics, concepts.objects
        matches = []
        for code, likeness in zip(self.codes, best, strict=True):
            weights = self.topics[code]
            share = sum(weights.get(topic, 0.0) for topic in asked) / len(asked) if asked else 0.0
            # A question about a thing the answer never mentions is another question.
            stranger = bool(named - self.objects[code])
            matches.append(
                AnswerMatch(
                    code=code,
                    score=round(likeness + CONCEPT_WEIGHT * share - OBJECT_PENALTY * stranger, 4),
                    likeness=round(likeness, 4),
                    topics=tuple(sorted(asked & weights.keys())),
                )
            )
        return sorted(matches, key=lambda match: (-match.score, match.code))
