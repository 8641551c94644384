import pytest

from frontdesk.engine.search import (
    QUERY_WORDS,
    reference_typed,
    search_text_build,
    search_text_extend,
    search_words,
    typo_matches,
)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("Szabó Ildikó", ["szabo", "ildiko"]),
        ("  Szabó,   Ildikó!! ", ["szabo", "ildiko"]),
        ("?!.,;-—", []),
        ("\x00", []),
        ("invoice invoice Invoice", ["invoice"]),
        ("9223372036854775808", ["9223372036854775808"]),
        ("כהן דוד", ["כהן", "דוד"]),
    ],
)
def test_a_query_is_folded_into_distinct_words(query: str, words: list[str]) -> None:
    assert search_words(query) == words


def test_a_long_query_counts_only_its_first_words() -> None:
    assert len(search_words(" ".join(f"w{n}" for n in range(100)))) == QUERY_WORDS
    assert search_words("word " * 100 + "late") == ["word"]  # past the length read


def test_a_search_text_keeps_each_word_once_in_order_within_its_bound() -> None:
    text = search_text_build("ZGS5HL", "Ildikó Szabó", "Számla? számla!", "the invoice", limit=30)
    assert text == "zgs5hl ildiko szabo szamla the"
    assert len(search_text_build("a " * 1000, "b " * 1000, limit=30)) <= 30


def test_extending_adds_only_the_missing_words() -> None:
    assert search_text_extend("invoice late", "Late INVOICE, refund please", limit=100) == (
        "invoice late refund please"
    )
    assert search_text_extend("invoice late", "refund", limit=14) == "invoice late"


@pytest.mark.parametrize(
    ("query", "reference"),
    [
        ("ZGS5HL", "FD-ZGS5HL"),
        ("zgs5hl", "FD-ZGS5HL"),
        ("fd-zgs5hl", "FD-ZGS5HL"),
        (" FD-ZGS5HL ", "FD-ZGS5HL"),
        ("ZGS5H", ""),
        ("ZGS5HL0", ""),
        ("ZGS0HL", ""),  # no 0 in a reference
        ("Cohen", ""),
    ],
)
def test_a_reference_is_recognised_with_or_without_its_prefix(query: str, reference: str) -> None:
    found = reference_typed(
        query, prefix="FD-", alphabet="23456789ABCDEFGHJKLMNPQRSTUVWXYZ", length=6
    )
    assert found == reference


@pytest.mark.parametrize(
    ("words", "matched"),
    [
        (["ildko", "szabo"], [1]),
        (["cohne"], [2]),
        (["szabo", "cohne"], []),
        (["ildiko"], [1]),
        (["abd"], []),  # too short to be taken for a typo of "abc"
        (["zzzzz"], []),
    ],
)
def test_typo_matches_need_every_word_alike(words: list[str], matched: list[int]) -> None:
    candidates = [(1, "ildiko szabo invoice abc"), (2, "david cohen refund")]
    assert typo_matches(words, candidates) == matched
