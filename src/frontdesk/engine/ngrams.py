"""Word-bounded character n-grams and their TF-IDF weights, as scikit-learn's TfidfVectorizer
(analyzer="char_wb", sublinear_tf=True, smooth idf, l2 norm) computes them, in plain Python.

The answer index fits these at run time and the learned level model applies them: importing
scikit-learn for that alone costs ~80 MB in every process and a second or more of start-up
(bench/memory_bench.py). Training a classifier still uses scikit-learn.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """The text's lower-cased words' n-grams of `low` to `high` letters, each word padded with
    a space on both sides; a word shorter than an n-gram counts once, whole."""
    grams: list[str] = []
    add = grams.append
    for word in text.lower().split():
        padded = f" {word} "
        length = len(padded)
        for size in range(low, high + 1):
            if size >= length:
                add(padded)
                break
            for start in range(length - size + 1):
                add(padded[start : start + size])
    return grams


def tfidf_weights(counts: Mapping[int, int], idf: Sequence[float]) -> dict[int, float]:
    """One text's n-gram weights by column: (1 + ln count) × idf, scaled to unit length."""
    weights = {column: (1.0 + math.log(count)) * idf[column] for column, count in counts.items()}
    norm = math.sqrt(sum(value * value for value in weights.values()))
    if norm == 0.0:
        return weights
    return {column: value / norm for column, value in weights.items()}


def column_counts(grams: Iterable[str], vocabulary: Mapping[str, int]) -> dict[int, int]:
    """How often each known n-gram occurs, by its column; unknown n-grams are left out."""
    counts: Counter[int] = Counter()
    for gram in grams:
        column = vocabulary.get(gram)
        if column is not None:
            counts[column] += 1
    return dict(counts)


def tfidf_fit(
    texts: Sequence[str], low: int, high: int
) -> tuple[dict[str, int], list[float], list[dict[int, float]]]:
    """The n-grams of the texts (columns in sorted order), each one's smoothed inverse
    document frequency, and each text's weights."""
    counted = [Counter(char_wb_ngrams(text, low, high)) for text in texts]
    frequency: Counter[str] = Counter()
    for counts in counted:
        frequency.update(counts.keys())
    vocabulary = {gram: column for column, gram in enumerate(sorted(frequency))}
    documents = len(texts)
    idf = [math.log((1 + documents) / (1 + frequency[gram])) + 1.0 for gram in sorted(frequency)]
    rows = [
        tfidf_weights({vocabulary[gram]: n for gram, n in counts.items()}, idf)
        for counts in counted
    ]
    return vocabulary, idf, rows
