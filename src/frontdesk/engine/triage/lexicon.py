"""Per-language word lists for triage, kept as JSON data files a team can extend."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from frontdesk.engine.text import fold

LEXICON_DIR = Path(__file__).with_name("lexicons")
LABELLED = ("payment", "blocked", "defect", "quick")
PLAIN = ("dissatisfied", "anger", "urgency", "onboarding", "hard", "positive", "negative")


class LexiconError(ValueError):
    """A lexicon file cannot be used; the message names the file and the problem."""


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One expression matching any phrase at word boundaries (`stem*` for any ending)."""
    parts = []
    for phrase in phrases:
        folded = fold(phrase)
        stem = folded.endswith("*")
        words = folded.rstrip("*").split()
        if not words:
            continue
        body = r"\s+".join(re.escape(word) for word in words)
        parts.append(rf"\b{body}\w*" if stem else rf"\b{body}\b")
    if not parts:
        return None
    # Longest first, so "charged twice" wins over "charged" when both are listed.
    parts.sort(key=len, reverse=True)
    return re.compile("|".join(parts))


@dataclass(frozen=True)
class Lexicon:
    """The compiled word lists of one language."""

    language: str
    labelled: Mapping[str, Mapping[str, re.Pattern[str]]]
    plain: Mapping[str, re.Pattern[str]]

    def labels(self, category: str, folded_text: str) -> list[str]:
        """The labels of `category` (e.g. payment → "charged twice") whose phrases occur."""
        return [
            label
            for label, pattern in self.labelled.get(category, {}).items()
            if pattern.search(folded_text)
        ]

    def hits(self, category: str, folded_text: str) -> list[str]:
        """Every phrase of a plain category found in the text, as it appears there."""
        pattern = self.plain.get(category)
        return [m.group(0) for m in pattern.finditer(folded_text)] if pattern else []


def lexicon_compile(data: Mapping[str, object], source: str) -> Lexicon:
    """Compile one lexicon's data, refusing malformed entries with a clear message."""
    language = data.get("language")
    if not isinstance(language, str) or not language:
        raise LexiconError(f"{source}: needs a 'language' code")
    labelled: dict[str, dict[str, re.Pattern[str]]] = {}
    for category in LABELLED:
        entries = data.get(category, {})
        if not isinstance(entries, dict):
            raise LexiconError(f"{source}: '{category}' must map labels to lists of phrases")
        compiled = {}
        for label, phrases in entries.items():
            pattern = phrase_pattern(_phrase_list(phrases, source, f"{category}.{label}"))
            if pattern is not None:
                compiled[str(label)] = pattern
        labelled[category] = compiled
    plain = {}
    for category in PLAIN:
        pattern = phrase_pattern(_phrase_list(data.get(category, []), source, category))
        if pattern is not None:
            plain[category] = pattern
    return Lexicon(language=language, labelled=labelled, plain=plain)


def _phrase_list(value: object, source: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LexiconError(f"{source}: '{where}' must be a list of phrases")
    return list(value)


def _merge(base: dict[str, object], extra: Mapping[str, object]) -> None:
    for key, value in extra.items():
        current = base.get(key)
        if isinstance(current, list) and isinstance(value, list):
            current.extend(value)
        elif isinstance(current, dict) and isinstance(value, dict):
            for label, phrases in value.items():
                current.setdefault(label, []).extend(phrases)
        else:
            base[key] = value


def lexicons_load(
    *, languages: Iterable[str] | None = None, extra_dirs: Iterable[Path] = ()
) -> dict[str, Lexicon]:
    """The shipped lexicons, extended by any files of the same name in `extra_dirs`."""
    wanted = set(languages) if languages is not None else None
    raw: dict[str, dict[str, object]] = {}
    for folder in (LEXICON_DIR, *extra_dirs):
        for path in sorted(folder.glob("*.json")):
            if wanted is not None and path.stem not in wanted:
                continue
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as error:
                raise LexiconError(f"{path}: {error}") from error
            if not isinstance(data, dict):
                raise LexiconError(f"{path}: must hold one JSON object")
            if path.stem in raw:
                _merge(raw[path.stem], data)
            else:
                raw[path.stem] = data
    return {code: lexicon_compile(data, f"{code}.json") for code, data in raw.items()}
