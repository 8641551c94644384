"""A small multilingual concept lexicon: "deliver", "toimetate", "szállít", "dostava", "משלוח" are
one concept, so a question meets an answer written in another language."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from frontdesk.engine.text import fold

CONCEPTS_FILE = Path(__file__).with_name("concepts.json")
KINDS = ("topic", "object", "trouble", "case", "opener")
_WORD = re.compile(r"\w+")
# Hebrew glues "and", "the", "in", "to", "from", "that", "as" to the word that follows.
_HEBREW_PREFIXES = frozenset("והבלמשכ")
_HEBREW = re.compile(r"[\u0590-\u05ff]")
# A stem this long is also looked for where a compound word ends ("kviitungiprinter").
COMPOUND_STEM = 5


class ConceptError(ValueError):
    """A concept file cannot be used; the message names the concept and the problem."""


def words_of(text: str) -> list[str]:
    """The folded words of a text, as the lexicon and the matcher read them."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class Concepts:
    """What a text is about: the topics it asks about, the things it names, and whether it
    reports trouble or a case of the customer's own."""

    topics: frozenset[str]
    objects: frozenset[str] = frozenset()
    trouble: tuple[str, ...] = ()
    case: tuple[str, ...] = ()


class ConceptLexicon:
    """Stems of each concept in every language, looked up by word prefix."""

    def __init__(self, concepts: Mapping[str, Mapping[str, object]]) -> None:
        self._kind: dict[str, str] = {}
        self._prefix: dict[str, set[str]] = {}
        self._exact: dict[str, set[str]] = {}
        # First word → (the rest of the phrase, concept); the last word is matched as a prefix.
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._longest = 0
        # The first words of a question ("kas", "hol", "האם"), folded.
        self.openers: frozenset[str] = frozenset()
        for name, entry in concepts.items():
            if name.startswith("_"):
                continue
            kind = entry.get("kind")
            if kind not in KINDS:
                raise ConceptError(f"concept {name!r}: kind must be one of {', '.join(KINDS)}")
            self._kind[name] = str(kind)
            for language, stems in entry.items():
                if language == "kind":
                    continue
                if not isinstance(stems, list) or not all(isinstance(s, str) for s in stems):
                    raise ConceptError(f"concept {name!r}: {language} must be a list of words")
                if kind == "opener":
                    self.openers |= {words_of(stem)[0] for stem in stems if words_of(stem)}
                    continue
                for stem in stems:
                    self._add(name, stem)

    def _add(self, concept: str, stem: str) -> None:
        exact = stem.endswith("$")
        words = words_of(stem.rstrip("$"))
        if not words:
            raise ConceptError(f"concept {concept!r}: the stem {stem!r} has no letters")
        if len(words) > 1:
            self._phrases.setdefault(words[0], []).append((tuple(words[1:]), concept))
            return
        table = self._exact if exact else self._prefix
        table.setdefault(words[0], set()).add(concept)
        self._longest = max(self._longest, len(words[0]))

    def kind(self, concept: str) -> str:
        """Whether a concept is a topic, trouble or a case of the customer's own."""
        return self._kind[concept]

    def concepts_of(self, text: str) -> Concepts:
        """The concepts a text names, sorted by kind."""
        found: set[str] = set()
        words = words_of(text)
        for position, word in enumerate(words):
            found |= self._word_concepts(word)
            for rest, concept in self._phrases.get(word, ()):
                following = words[position + 1 : position + 1 + len(rest)]
                if len(following) == len(rest) and all(
                    actual == wanted if index < len(rest) - 1 else actual.startswith(wanted)
                    for index, (actual, wanted) in enumerate(zip(following, rest, strict=True))
                ):
                    found.add(concept)
        return Concepts(
            topics=frozenset(c for c in found if self._kind[c] == "topic"),
            objects=frozenset(c for c in found if self._kind[c] == "object"),
            trouble=tuple(sorted(c for c in found if self._kind[c] == "trouble")),
            case=tuple(sorted(c for c in found if self._kind[c] == "case")),
        )

    def _word_concepts(self, word: str) -> set[str]:
        found = set(self._exact.get(word, ()))
        shortest = {0: 2}
        if _HEBREW.match(word):
            # "ולמשלוח" is "and for delivery": try the word without one or two prefix letters.
            for start in (1, 2):
                if len(word) > start + 2 and set(word[:start]) <= _HEBREW_PREFIXES:
                    shortest[start] = 2
        else:
            # "blokknyomtató", "Bondrucker": a long stem may end a compound.
            for start in range(1, len(word) - COMPOUND_STEM + 1):
                shortest[start] = COMPOUND_STEM
        for start, least in shortest.items():
            stem = word[start:]
            if start:
                found |= self._exact.get(stem, set())
            for length in range(least, min(len(stem), self._longest) + 1):
                found |= self._prefix.get(stem[:length], set())
        return found


@functools.cache
def concept_lexicon() -> ConceptLexicon:
    """The lexicon shipped with frontdesk, read once."""
    return ConceptLexicon(json.loads(CONCEPTS_FILE.read_text(encoding="utf-8")))
