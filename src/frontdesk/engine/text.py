"""Text folding for search: case, accents and marks do not stand between a name and a match."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case text without accents or marks, one space between words (Kovács → kovacs)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
