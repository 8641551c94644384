"""Offline language detection (lingua ships its models; nothing is downloaded).

Lingua reads a text with 1- to 5-letter models of each language (~30 MB a language in memory,
~460 MB for the fifteen below) or, in its low-accuracy mode, with the 3-letter models alone
(~2 MB a language). Triage reads the opening 200 characters of a subject and body, where both
modes agree: on the shared multilingual tickets both name every ticket's language, and on the
labelled corpus they differ on one contact in 1,389 (bench/memory_bench.py prints both). So the
compact mode is the default; lingua keeps one copy of each model per process, whichever detector
asked for it, and `language_detection` hands every caller the same detector.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from frontdesk.engine.languages import written_as

# The languages triage tells apart unless a desk restricts them.
DEFAULT_LANGUAGES = (
    "en", "et", "he", "hu", "bs", "hr", "sr", "de", "ru", "fi", "lv", "lt", "pl", "es", "fr",
)  # fmt: skip


def lexicon_languages(codes: Iterable[str]) -> set[str]:
    """The lexicons triage reads for these detected languages: their own, and English."""
    return {written_as(code) for code in codes} | {"en"}


class LanguageError(ValueError):
    """A language code the detector does not know."""


def _language(code: str) -> Language:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except AttributeError as error:
        raise LanguageError(f"unknown language code {code!r}") from error


class LanguageDetection:
    """Detects the language of a text among a fixed set of languages."""

    def __init__(
        self,
        codes: Iterable[str] = DEFAULT_LANGUAGES,
        *,
        preload: bool = True,
        sample_chars: int = 200,
        compact: bool = True,
    ) -> None:
        self.codes = tuple(dict.fromkeys(codes))
        self.compact = compact
        # The opening of a message tells its language as well as the whole, and long mail
        # (quoted threads, signatures, pasted logs) would otherwise cost the most to read.
        self.sample_chars = sample_chars
        languages = [_language(code) for code in self.codes]
        if len(languages) < 2:
            self.detector: LanguageDetector | None = None
            return
        builder = LanguageDetectorBuilder.from_languages(*languages).with_minimum_relative_distance(
            0.05
        )
        if compact:
            builder = builder.with_low_accuracy_mode()
        if preload:
            builder = builder.with_preloaded_language_models()
        self.detector = builder.build()

    def detect(self, text: str, *, fallback: str = "en") -> str:
        """The ISO 639-1 code of the text's language, or `fallback` when it cannot tell."""
        if self.detector is None:
            return self.codes[0] if self.codes else fallback
        sample = _opening(text, self.sample_chars)
        found = self.detector.detect_language_of(sample) if sample.strip() else None
        return found.iso_code_639_1.name.lower() if found is not None else fallback


@functools.cache
def language_detection(codes: tuple[str, ...], *, compact: bool = True) -> LanguageDetection:
    """The one detector of this process for these languages, its models loaded (triage and the
    problem detector share it)."""
    return LanguageDetection(codes, compact=compact)


def _opening(text: str, chars: int) -> str:
    # Cut at a space so no word is halved.
    if len(text) <= chars:
        return text
    cut = text.rfind(" ", 0, chars)
    return text[: cut if cut > 0 else chars]
