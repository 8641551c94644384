"""N-grams and TF-IDF weights as scikit-learn's TfidfVectorizer(analyzer="char_wb") makes them."""

from __future__ import annotations

import math

import pytest

from frontdesk.engine.ngrams import char_wb_ngrams, column_counts, tfidf_fit


@pytest.mark.parametrize(
    ("text", "low", "high", "grams"),
    [
        ("Hi", 3, 5, [" hi", "hi ", " hi "]),
        ("a", 3, 5, [" a "]),
        ("Ok  go", 2, 3, [" o", "ok", "k ", " ok", "ok ", " g", "go", "o ", " go", "go "]),
        ("", 2, 5, []),
    ],
)
def test_ngrams_stay_inside_words_padded_by_spaces(
    text: str, low: int, high: int, grams: list[str]
) -> None:
    assert char_wb_ngrams(text, low, high) == grams


def test_weights_are_smoothed_idf_of_sublinear_counts_at_unit_length() -> None:
    vocabulary, idf, rows = tfidf_fit(["ab ab", "ab"], 3, 3)

    # Sorted n-grams; each is in both texts: idf = ln(3/3) + 1.
    assert vocabulary == {" ab": 0, "ab ": 1}
    assert idf == [1.0, 1.0]
    assert rows[0] == pytest.approx({0: 1 / math.sqrt(2), 1: 1 / math.sqrt(2)})
    assert column_counts(["ab ", "zz", "ab "], vocabulary) == {1: 2}
