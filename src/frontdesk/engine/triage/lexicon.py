"""Per-language word lists for triage, kept as JSON data files a team can extend."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from frontdesk.engine.text import fold

LEXICON_DIR = Path(__file__).with_name("lexicons")
LABELLED = ("payment", "blocked", "defect", "quick")
PLAIN = (
    "churn",
    "not_churn",
    "dissatisfied",
    "anger",
    "urgency",
    "calm",
    "onboarding",
    "hard",
    "positive",
    "negative",
    "complaint",
)


class LexiconError(ValueError):
    """A lexicon file cannot be used; the message names the file and the problem."""


Meaning = tuple[tuple[str, str | None], ...]  # (category, label) pairs; plain ones have no label


Span = tuple[int, int]  # where a phrase starts and ends in the folded text


@dataclass(frozen=True)
class Scan:
    """What one lexicon found in a text: labels of labelled categories, phrases of plain ones,
    and where in the folded text each was found."""

    found: Mapping[str, tuple[str, ...]]
    spans: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)

    def __getitem__(self, category: str) -> tuple[str, ...]:
        return self.found.get(category, ())

    def places(self, category: str) -> tuple[Span, ...]:
        """Where each of a category's finds is, in the order of `scan[category]`."""
        return self.spans.get(category, ())


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language, compiled into one expression read in a single pass.

    The expression is a trie that branches a character at a time, so the matcher leaves a
    position after one comparison instead of trying every phrase, and it sits in a lookahead, so
    phrases inside a longer one ("failed" in "payment failed") are found too. It has one group
    only (hundreds of groups make Python's matcher a hundred times slower): each match is traced
    back to every phrase it begins with by looking its words up.
    """

    language: str
    pattern: re.Pattern[str] | None
    exact: Mapping[str, Meaning]
    stems: Mapping[str, Meaning]

    def scan(self, folded_text: str) -> Scan:
        """Every category's labels (e.g. payment → "charged twice") or phrases in the text."""
        if self.pattern is None:
            return Scan({})
        found: dict[str, list[str]] = {}
        spans: dict[str, list[Span]] = {}
        # Within a category, the longest phrase at a place counts, and nothing inside it again.
        free_from: dict[str, int] = {}
        for match in self.pattern.finditer(folded_text):
            longest = {
                category: (phrase, label)
                for phrase, (category, label) in self._phrases(match.group(1))
            }
            for category, (phrase, label) in longest.items():
                if match.start() >= free_from.get(category, 0):
                    free_from[category] = match.start() + len(phrase)
                    found.setdefault(category, []).append(phrase if label is None else label)
                    spans.setdefault(category, []).append((match.start(), free_from[category]))
        return Scan(
            {category: tuple(items) for category, items in found.items()},
            {category: tuple(places) for category, places in spans.items()},
        )

    def _phrases(self, text: str) -> Iterator[tuple[str, tuple[str, str | None]]]:
        # Every listed phrase the matched text begins with, shortest first: whole words, or a
        # stem and the rest of its word. Folded text has single spaces between words.
        for end in range(1, len(text) + 1):
            head = text[:end]
            if end == len(text) or text[end] == " ":
                for meaning in self.exact.get(head, ()):
                    yield head, meaning
            for meaning in self.stems.get(head, ()):
                stop = text.find(" ", end)
                yield (text if stop < 0 else text[:stop]), meaning


def lexicon_compile(data: Mapping[str, object], source: str) -> Lexicon:
    """Compile one lexicon's data, refusing malformed entries with a clear message."""
    language = data.get("language")
    if not isinstance(language, str) or not language:
        raise LexiconError(f"{source}: needs a 'language' code")
    entries: list[tuple[str, str, str | None]] = []
    for category in LABELLED:
        labelled = data.get(category, {})
        if not isinstance(labelled, dict):
            raise LexiconError(f"{source}: '{category}' must map labels to lists of phrases")
        entries.extend(
            (phrase, category, str(label))
            for label, listed in labelled.items()
            for phrase in _phrase_list(listed, source, f"{category}.{label}")
        )
    for category in PLAIN:
        listed = _phrase_list(data.get(category, []), source, category)
        entries.extend((phrase, category, None) for phrase in listed)
    # Letters some languages join to the word they precede (Hebrew "ו", and; "ש", that): a phrase
    # is found with them too ("והתשלום נדחה", "and the payment was declined").
    joined = _phrase_list(data.get("prefixes", []), source, "prefixes")
    entries.extend(
        (prefix + phrase, category, label)
        for prefix in joined
        for phrase, category, label in list(entries)
        if not phrase.startswith(prefix)
    )

    exact: dict[str, dict[tuple[str, str | None], None]] = {}
    stems: dict[str, dict[tuple[str, str | None], None]] = {}
    trie: _Trie = {}
    seen: set[tuple[str, bool, str]] = set()  # a phrase keeps its first label in a category
    for phrase, category, label in entries:
        folded = fold(phrase)
        words = " ".join(folded.rstrip("*").split())
        stem = folded.endswith("*")
        if not words or (words, stem, category) in seen:
            continue
        seen.add((words, stem, category))
        node = trie
        for char in words:
            node = node.setdefault(_SPACE if char == " " else re.escape(char), {})
        node.setdefault(_STEM_END if stem else _WORD_END, {})
        (stems if stem else exact).setdefault(words, {})[(category, label)] = None
    return Lexicon(
        language=language,
        pattern=re.compile(r"\b(?=(" + _trie_regex(trie) + "))") if trie else None,
        exact={words: tuple(meanings) for words, meanings in exact.items()},
        stems={words: tuple(meanings) for words, meanings in stems.items()},
    )


_Trie = dict[str, "_Trie"]
_SPACE, _STEM_END, _WORD_END = r"\s+", r"\w*", r"\b"


def _trie_regex(node: _Trie) -> str:
    # Longer continuations come before a phrase's end, so "charged twice" wins over "charg*".
    ends = (_STEM_END, _WORD_END)
    order = sorted(node, key=lambda atom: (atom in ends, atom == _WORD_END))
    alternatives = [atom + _trie_regex(node[atom]) for atom in order]
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _phrase_list(value: object, source: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LexiconError(f"{source}: '{where}' must be a list of phrases")
    return list(value)


def _merge(base: dict[str, object], extra: Mapping[str, object]) -> None:
    for key, value in extra.items():
        current = base.get(key)
        if isinstance(current, list) and isinstance(value, list):
            current.extend(value)
        elif isinstance(current, dict) and isinstance(value, dict):
            for label, phrases in value.items():
                current.setdefault(label, []).extend(phrases)
        else:
            base[key] = value


def lexicons_load(
    *, languages: Iterable[str] | None = None, extra_dirs: Iterable[Path] = ()
) -> dict[str, Lexicon]:
    """The shipped lexicons, extended by any files of the same name in `extra_dirs`."""
    wanted = set(languages) if languages is not None else None
    raw: dict[str, dict[str, object]] = {}
    for folder in (LEXICON_DIR, *extra_dirs):
        for path in sorted(folder.glob("*.json")):
            if wanted is not None and path.stem not in wanted:
                continue
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as error:
                raise LexiconError(f"{path}: {error}") from error
            if not isinstance(data, dict):
                raise LexiconError(f"{path}: must hold one JSON object")
            if path.stem in raw:
                _merge(raw[path.stem], data)
            else:
                raw[path.stem] = data
    return {code: lexicon_compile(data, f"{code}.json") for code, data in raw.items()}
