"""The tone check: does an outgoing reply read as shouting, blaming, condescending or dismissive?"""

from frontdesk.engine.tone.check import check_reply, has_phrases, languages_checked
from frontdesk.engine.tone.phrases import PHRASES
from frontdesk.engine.tone.types import (
    BLAME,
    CONDESCENSION,
    DISMISSIVE,
    SARCASM,
    SHOUTING,
    THREAT,
    TONE_CODES,
    ToneWarning,
)

__all__ = [
    "BLAME",
    "CONDESCENSION",
    "DISMISSIVE",
    "PHRASES",
    "SARCASM",
    "SHOUTING",
    "THREAT",
    "TONE_CODES",
    "ToneWarning",
    "check_reply",
    "has_phrases",
    "languages_checked",
]
