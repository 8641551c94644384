"""Offline language detection (lingua ships its models; nothing is downloaded)."""

from __future__ import annotations

from collections.abc import Iterable

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# The languages triage tells apart unless a desk restricts them.
DEFAULT_LANGUAGES = (
    "en", "et", "he", "hu", "bs", "hr", "sr", "de", "ru", "fi", "lv", "lt", "pl", "es", "fr",
)  # fmt: skip
# Bosnian, Croatian and Serbian share one lexicon: the desk reads all three alike.
LEXICON_OF = {"hr": "bs", "sr": "bs"}


class LanguageError(ValueError):
    """A language code the detector does not know."""


def _language(code: str) -> Language:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except AttributeError as error:
        raise LanguageError(f"unknown language code {code!r}") from error


class LanguageDetection:
    """Detects the language of a text among a fixed set of languages."""

    def __init__(self, codes: Iterable[str] = DEFAULT_LANGUAGES, *, preload: bool = True) -> None:
        self.codes = tuple(dict.fromkeys(codes))
        languages = [_language(code) for code in self.codes]
        if len(languages) < 2:
            self.detector: LanguageDetector | None = None
            return
        builder = LanguageDetectorBuilder.from_languages(*languages).with_minimum_relative_distance(
            0.05
        )
        if preload:
            builder = builder.with_preloaded_language_models()
        self.detector = builder.build()

    def detect(self, text: str, *, fallback: str = "en") -> str:
        """The ISO 639-1 code of the text's language, or `fallback` when it cannot tell."""
        if self.detector is None:
            return self.codes[0] if self.codes else fallback
        found = self.detector.detect_language_of(text) if text.strip() else None
        return found.iso_code_639_1.name.lower() if found is not None else fallback
