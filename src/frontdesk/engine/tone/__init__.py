"""The tone check: does an outgoing reply read as shouting, blaming, condescending or dismissive,
or too casual for a customer who calls for care?"""

from frontdesk.engine.tone.casual import (
    CASUAL_PHRASES,
    UPSET,
    UPSET_TONE,
    URGENT,
    formal_reply_reason,
    reply_must_be_formal,
)
from frontdesk.engine.tone.check import check_reply, has_phrases, languages_checked, tone_warm_up
from frontdesk.engine.tone.phrases import PHRASES
from frontdesk.engine.tone.types import (
    BLAME,
    CASUAL,
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
    "CASUAL",
    "CASUAL_PHRASES",
    "CONDESCENSION",
    "DISMISSIVE",
    "PHRASES",
    "SARCASM",
    "SHOUTING",
    "THREAT",
    "TONE_CODES",
    "UPSET",
    "UPSET_TONE",
    "URGENT",
    "ToneWarning",
    "check_reply",
    "formal_reply_reason",
    "has_phrases",
    "languages_checked",
    "reply_must_be_formal",
    "tone_warm_up",
]
