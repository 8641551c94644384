"""The engine's state for this process: language models and lexicons load once, on first use."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from frontdesk.engine.triage import LanguageDetection, LevelModel, Lexicon, lexicons_load
from frontdesk.engine.triage.language import lexicon_languages

_model_lock = threading.Lock()
_model_cache: dict[tuple[int, datetime], LevelModel] = {}


@lru_cache(maxsize=1)
def detection() -> LanguageDetection:
    """The language detector, restricted to the desk's configured languages."""
    return LanguageDetection(settings.TRIAGE_LANGUAGES)


@lru_cache(maxsize=1)
def lexicons() -> dict[str, Lexicon]:
    """The lexicons of the desk's languages, extended by the desk's own folder if it has one."""
    extra = [Path(settings.TRIAGE_LEXICON_DIR)] if settings.TRIAGE_LEXICON_DIR else []
    return lexicons_load(languages=lexicon_languages(detection().codes), extra_dirs=extra)


def model_for(version: tuple[int, datetime], read: Callable[[], bytes]) -> LevelModel:
    """A stored model version (id and time it was made), read and unpickled once per process."""
    with _model_lock:
        if version not in _model_cache:
            _model_cache.clear()
            _model_cache[version] = LevelModel.loads(read())
        return _model_cache[version]
