"""The shipped reading of meaning: a small linear model per decision, trained on a labelled corpus.

The rules find what a list of words and the reading's cues can name. Customers say the same
things in words no list holds ("none of our orders reach the warehouse since Monday"), so each of
two decisions — is it level 1, is it a quick win — is also scored by a model over

- the contact's words, each seen as its character 2–5-grams (so "warehouses" and "raktárba" are
  read by their parts, in any language, without a tokeniser), and
- the cues the rules and the reading found (a money fact, a churn phrase, the tone, the length, the
  rules' own decision).

A word's part of the score depends on the word alone, so it is worked out once per word and kept:
a contact costs one dictionary look-up per distinct word. The weights are trained offline by
`bench/triage_model_build.py` on the corpus's train and dev splits (chosen and calibrated on
out-of-fold scores) and shipped in `meaning.json.gz`; nothing is downloaded or trained at run
time.
"""

from __future__ import annotations

import functools
import gzip
import heapq
import json
import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

MODEL_FORMAT = 1
SHIPPED = Path(__file__).resolve().parent / "meaning.json.gz"
GRAM_MIN, GRAM_MAX = 2, 5
# Words longer than this are codes, links or pasted logs: their first characters are enough.
WORD_MAX = 24
# Past this many cached words the cache starts again (a long-running process reads many).
CACHE_MAX = 200_000
# Words are letters: numbers (amounts, account and order numbers, dates) say what the reading's
# money cue says, and as words they only taught the model that long messages carry numbers.
_WORD = re.compile(r"[^\W\d_]{2,}")


class MeaningError(ValueError):
    """A model file that cannot be used."""


def word_grams(word: str) -> list[str]:
    """A word's character n-grams, with a space marking its start and end ("ab" → " a", "ab", …)."""
    padded = f" {word[:WORD_MAX]} "
    return [
        padded[start : start + size]
        for size in range(GRAM_MIN, GRAM_MAX + 1)
        for start in range(len(padded) - size + 1)
    ]


def words_of(folded: str) -> frozenset[str]:
    """The distinct words of a folded text: runs of two letters or more."""
    return frozenset(_WORD.findall(folded))


@dataclass
class Decision:
    """One decision's weights: per character n-gram, per cue, the intercept, the calibration
    (probability = sigmoid(scale × margin + shift)), the probability from which it says yes
    on its own (`threshold`) and the one it needs to agree where the rules said yes (`confirm`;
    0 keeps every yes of the rules)."""

    grams: dict[str, float]
    cues: dict[str, float]
    intercept: float
    scale: float = 1.0
    shift: float = 0.0
    threshold: float = 0.5
    confirm: float = 0.0
    _word_scores: dict[str, float] = field(default_factory=dict, repr=False)

    def word_score(self, word: str) -> float:
        """What one word adds to the margin (before the division by the text's length)."""
        return self._scores([word])[0]

    def _scores(self, words: Collection[str]) -> list[float]:
        # Each word's score, worked out once and kept; a long-running process starts the cache
        # again before it grows past CACHE_MAX, never while a text is being scored.
        known = self._word_scores
        if len(known) >= CACHE_MAX:
            known.clear()
        grams = self.grams
        for word in words:
            if word not in known:
                known[word] = sum(grams.get(gram, 0.0) for gram in word_grams(word))
        return list(map(known.__getitem__, words))

    def margin(self, words: Collection[str], cues: Mapping[str, float]) -> float:
        """The uncalibrated score: the words' part (scaled by the text's length) and the cues'."""
        text = sum(self._scores(words)) / math.sqrt(len(words)) if words else 0.0
        weights = self.cues
        return self.intercept + text + sum(weights.get(k, 0.0) * v for k, v in cues.items())

    def probability(self, words: Collection[str], cues: Mapping[str, float]) -> float:
        """How likely the answer is yes, calibrated on the dev split."""
        z = self.scale * self.margin(words, cues) + self.shift
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def decide(
        self, rules_say: bool, words: Collection[str], cues: Mapping[str, float]
    ) -> tuple[bool, float]:
        """Yes or no, given what the rules said, and the probability it rests on."""
        p = self.probability(words, cues)
        return p >= (self.confirm if rules_say else self.threshold), p

    def leading_words(self, words: Iterable[str], shown: int, *, towards: bool = True) -> list[str]:
        """The words that pull hardest towards yes (or, `towards=False`, towards no)."""
        sign = 1.0 if towards else -1.0
        listed = list(words)
        scored = zip(self._scores(listed), listed, strict=True)
        ranked = heapq.nlargest(shown, ((sign * score, word) for score, word in scored))
        return [word for score, word in ranked if score > 0]

    def as_json(self) -> dict[str, object]:
        return {
            "intercept": self.intercept,
            "scale": self.scale,
            "shift": self.shift,
            "threshold": self.threshold,
            "confirm": self.confirm,
            "cues": self.cues,
            "grams": self.grams,
        }


@dataclass
class MeaningModel:
    """The shipped decisions, with what they were trained on."""

    level1: Decision
    quick: Decision
    trained: dict[str, object] = field(default_factory=dict)

    def dumps(self) -> bytes:
        """The model as gzipped JSON, the same bytes for the same weights."""
        data = {
            "format": MODEL_FORMAT,
            "trained": self.trained,
            "level1": self.level1.as_json(),
            "quick": self.quick.as_json(),
        }
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return gzip.compress(text.encode("utf-8"), mtime=0)

    @classmethod
    def loads(cls, raw: bytes) -> MeaningModel:
        """A model from `dumps`' bytes; MeaningError if they are not one."""
        try:
            data = json.loads(gzip.decompress(raw))
            found = data.get("format")
            if found != MODEL_FORMAT:
                raise MeaningError(f"meaning model format {found!r} is not {MODEL_FORMAT}")
            return cls(
                level1=_decision(data["level1"]),
                quick=_decision(data["quick"]),
                trained=dict(data.get("trained", {})),
            )
        except (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError) as error:
            if isinstance(error, MeaningError):
                raise
            raise MeaningError(f"not a meaning model: {error}") from error


def _decision(data: Mapping[str, object]) -> Decision:
    grams = data["grams"]
    cues = data["cues"]
    if not isinstance(grams, dict) or not isinstance(cues, dict):
        raise MeaningError("a decision's grams and cues must be objects")
    return Decision(
        grams={str(k): float(v) for k, v in grams.items()},
        cues={str(k): float(v) for k, v in cues.items()},
        intercept=float(data["intercept"]),  # type: ignore[arg-type]
        scale=float(data["scale"]),  # type: ignore[arg-type]
        shift=float(data["shift"]),  # type: ignore[arg-type]
        threshold=float(data["threshold"]),  # type: ignore[arg-type]
        confirm=float(data["confirm"]),  # type: ignore[arg-type]
    )


@functools.cache
def meaning_model() -> MeaningModel:
    """The model shipped with frontdesk, read once per process."""
    return MeaningModel.loads(SHIPPED.read_bytes())
