"""What the tone check reports: a code, the words it rests on and where they stand."""

from __future__ import annotations

from dataclasses import dataclass

# The kinds of tone the check flags; pages and the API word them by code.
SHOUTING = "shouting"
BLAME = "blame"
CONDESCENSION = "condescension"
DISMISSIVE = "dismissive"
SARCASM = "sarcasm"
THREAT = "threat"
# Read only when the customer calls for a formal reply (see casual.py).
CASUAL = "casual"
TONE_CODES = (SHOUTING, BLAME, CONDESCENSION, DISMISSIVE, SARCASM, THREAT, CASUAL)


@dataclass(frozen=True)
class ToneWarning:
    """One place in a reply that reads badly: its code, the words as written, and their span in
    the reply (`text[start:end] == excerpt`); `language` is the phrase set that matched ("" for
    shouting, which has none)."""

    code: str
    excerpt: str
    start: int
    end: int
    language: str = ""
