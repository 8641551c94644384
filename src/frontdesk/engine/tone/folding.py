"""Folded text that remembers where each character came from, so a match on the folded text
points back at the words the agent wrote.

The phrase patterns are written in plain letters (no accents, lower case, one space between
words), as `engine.text.fold` folds; a reply is folded the same way here, one character at a
time, keeping for every folded character the index of the original one.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Letters NFKD leaves whole though readers take them for a plain one (đ in Bosnian, ł in Polish),
# and typographic apostrophes, so "don’t" matches "don't".
_EXTRA = {"đ": "d", "ł": "l", "ø": "o", "ı": "i", "’": "'", "‘": "'", "ʼ": "'", "`": "'"}
# A line that starts with ">" quotes the customer's mail; their words are not ours to check.
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
# Words in quotation marks on one line are the customer's (or a product's) as cited.
_QUOTED_WORDS = re.compile(r"[\"“„«][^\"“”„«»\n]{1,300}[\"”“»]")


@dataclass(frozen=True)
class Folded:
    """A folded text and, per folded character, the index of the character it came from."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span behind the folded span [start, end)."""
        return self.origin[start], self.origin[end - 1] + 1


@functools.lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: lower case, accents and marks gone."""
    if char in _EXTRA:
        return _EXTRA[char]
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(part for part in decomposed if not unicodedata.combining(part))
    return "".join(_EXTRA.get(part, part) for part in kept.casefold())


def fold_with_origin(text: str) -> Folded:
    """Fold a text as the patterns are written, white space runs made one space."""
    chars: list[str] = []
    origin: list[int] = []
    space = True  # no leading space
    for index, char in enumerate(text):
        if char.isspace():
            if not space:
                chars.append(" ")
                origin.append(index)
            space = True
            continue
        for part in fold_char(char):
            chars.append(part)
            origin.append(index)
        space = False
    return Folded("".join(chars), tuple(origin))


def fold_pattern(pattern: str) -> str:
    """A regular expression with its letters folded as replies are, its escapes left alone."""
    out: list[str] = []
    escaped = False
    for char in pattern:
        out.append(char if escaped or not char.isalpha() else fold_char(char))
        escaped = char == "\\" and not escaped
    return "".join(out)


def blank_quoted(text: str) -> str:
    """The text with quoted lines and quoted words blanked out, every other index unchanged."""

    def blank(match: re.Match[str]) -> str:
        return "".join("\n" if char == "\n" else " " for char in match.group(0))

    return _QUOTED_WORDS.sub(blank, _QUOTED_LINE.sub(blank, text))
