"""Languages the desk treats as one when it reads or writes.

Bosnian, Croatian and Serbian in Latin letters are one written language for the desk: the
detector tells them apart by a few words, but one set of word lists, phrases and texts serves
all three, under Bosnian, the team's home language.
"""

from __future__ import annotations

# A detected language → the language whose words the desk keeps for it.
WRITTEN_AS = {"hr": "bs", "sr": "bs"}


def written_as(code: str) -> str:
    """The language whose word lists, phrases and texts serve a text in `code` ("hr" → "bs");
    any other code is its own."""
    return WRITTEN_AS.get(code, code)
