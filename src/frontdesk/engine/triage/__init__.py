"""Triage: what each incoming contact is, decided as an experienced agent would, with reasons."""

from frontdesk.engine.triage.decide import triage_contact
from frontdesk.engine.triage.language import DEFAULT_LANGUAGES, LanguageDetection
from frontdesk.engine.triage.learned import Example, LevelModel, ModelError
from frontdesk.engine.triage.lexicon import Lexicon, LexiconError, lexicons_load
from frontdesk.engine.triage.rules import TriagePolicy, triage_rules
from frontdesk.engine.triage.types import (
    LEVEL_ONE_CODES,
    Contact,
    CustomerContext,
    Reason,
    Triage,
)

__all__ = [
    "DEFAULT_LANGUAGES",
    "LEVEL_ONE_CODES",
    "Contact",
    "CustomerContext",
    "Example",
    "LanguageDetection",
    "LevelModel",
    "Lexicon",
    "LexiconError",
    "ModelError",
    "Reason",
    "Triage",
    "TriagePolicy",
    "lexicons_load",
    "triage_contact",
    "triage_rules",
]
