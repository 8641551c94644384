"""Search as people type it: folded words, every one of which must match somewhere, in any order.

A row keeps a *search text*: the distinct folded words of what it is found by (a ticket's
reference, customer, subject and messages), each once, in the order they first appeared, cut at a
bound. A query is folded the same way and split into words; a row matches when each word occurs
in its search text ("szabo ildiko" finds "Ildikó Szabó"). A word that occurs nowhere may be a
typo: `typo_matches` scores candidate rows' words against it (rapidfuzz) as the last resort.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from frontdesk.engine.text import fold

# A query longer than this is cut: nobody types more into a search box on purpose.
QUERY_LENGTH = 200
# At most this many words of a query count; each one is a condition on every row searched.
QUERY_WORDS = 8
# Words shorter than this are not tried as typos: one changed letter makes them another word.
TYPO_SHORTEST = 4
# How alike (0-100, rapidfuzz's ratio) a word must be to a typed one to count as its typo.
TYPO_SCORE = 75
_WORD = re.compile(r"\w+")


def search_words(query: str) -> list[str]:
    """The distinct folded words of a query, in order, at most QUERY_WORDS ("Szabó, Ildikó!" →
    ["szabo", "ildiko"]); none for a query of punctuation alone."""
    words: list[str] = []
    for word in _WORD.findall(fold(query[:QUERY_LENGTH])):
        if word not in words:
            words.append(word)
    return words[:QUERY_WORDS]


def search_text_build(*parts: str, limit: int) -> str:
    """The distinct folded words of `parts`, in order of first appearance, one space apart, no
    longer than `limit` characters (the words past it are left out whole)."""
    return search_text_extend("", " ".join(parts), limit=limit)


def search_text_extend(search_text: str, text: str, *, limit: int) -> str:
    """`search_text` with the words of `text` it lacks added at its end, within `limit`."""
    seen = set(search_text.split())
    kept = [search_text] if search_text else []
    length = len(search_text)
    for word in _WORD.findall(fold(text)):
        if word in seen:
            continue
        added = len(word) + (1 if length else 0)
        if length + added > limit:
            # Later words may be shorter and still fit, but a cut in order keeps it predictable.
            break
        seen.add(word)
        kept.append(word)
        length += added
    return " ".join(kept)


def reference_typed(query: str, *, prefix: str, alphabet: str, length: int) -> str:
    """The ticket reference a query names, with or without its prefix and in any case
    ("zgs5hl" → "FD-ZGS5HL"), or "" when it names none."""
    typed = query.strip().upper()
    typed = typed.removeprefix(prefix.upper())
    if len(typed) == length and all(character in alphabet for character in typed):
        return prefix + typed
    return ""


def typo_words(words: Sequence[str]) -> list[str]:
    """The words of a query long enough to be tried as typos."""
    return [word for word in words if len(word) >= TYPO_SHORTEST]


def typo_matches(
    words: Sequence[str], candidates: Iterable[tuple[int, str]], *, score: int = TYPO_SCORE
) -> list[int]:
    """The ids of the candidates (id, search text) in which every word of the query occurs or
    has a word alike enough to be its typo, in the candidates' order."""
    matched = []
    for row_id, search_text in candidates:
        row_words = search_text.split()
        if all(_found(word, search_text, row_words, score) for word in words):
            matched.append(row_id)
    return matched


def _found(word: str, search_text: str, row_words: list[str], score: int) -> bool:
    if word in search_text:
        return True
    if len(word) < TYPO_SHORTEST:
        return False
    return process.extractOne(word, row_words, scorer=fuzz.ratio, score_cutoff=score) is not None
