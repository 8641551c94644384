"""The engine's state for this process: language models and lexicons load once, on first use or
all at once by `warm_up`, which a server calls before it forks or opens its port so that no
request pays for a load and forked workers share what was loaded."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connections

from frontdesk.engine.tone import tone_warm_up
from frontdesk.engine.triage import LanguageDetection, LevelModel, Lexicon, lexicons_load
from frontdesk.engine.triage.language import language_detection, lexicon_languages
from frontdesk.engine.triage.meaning import meaning_model
from frontdesk.engine.triage.reading import expressions_compiled, reading_warm_up

logger = logging.getLogger(__name__)

_model_lock = threading.Lock()
_model_cache: dict[tuple[int, datetime], LevelModel] = {}
_warmers: list[Callable[[], None]] = []
_loads = {"model": 0}


@lru_cache(maxsize=1)
def detection() -> LanguageDetection:
    """The language detector, restricted to the desk's configured languages."""
    return language_detection(tuple(settings.TRIAGE_LANGUAGES))


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
            _loads["model"] += 1
        return _model_cache[version]


def loads() -> int:
    """How many times this process has loaded a model, detector, lexicon set or a language's
    reading expressions so far."""
    return (
        detection.cache_info().misses
        + lexicons.cache_info().misses
        + meaning_model.cache_info().misses
        + expressions_compiled()
        + _loads["model"]
    )


def warmer_register(warmer: Callable[[], None]) -> None:
    """Have `warm_up` also call `warmer` (an app above triage loading what its requests read)."""
    if warmer not in _warmers:
        _warmers.append(warmer)


def warm_up(*, freeze: bool = True) -> None:
    """Load everything a triage or a reply's tone check may read (detector, lexicons, the
    shipped and the desk's models, the answer index, the tone phrases), close the database
    connections it opened, and with `freeze` move what is loaded out of the garbage
    collector's reach, so forked workers keep sharing those pages and no collection walks
    them again."""
    detection()
    lexicons()
    meaning_model()
    reading_warm_up(lexicon_languages(detection().codes))
    tone_warm_up()
    for warmer in _warmers:
        try:
            warmer()
        except DatabaseError as error:
            # Before the first migration there is nothing of the desk's to load yet.
            logger.warning("triage warm-up skipped the desk's models: %s", error)
    for connection in connections.all(initialized_only=True):
        # A connection must not cross a fork; inside a transaction (a test) it stays.
        if not connection.in_atomic_block:
            connection.close()
    if freeze:
        gc.collect()
        gc.freeze()
