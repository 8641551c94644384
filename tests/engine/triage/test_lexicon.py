from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontdesk.engine.triage import LexiconError, lexicons_load
from frontdesk.engine.triage.language import lexicon_languages
from frontdesk.engine.triage.lexicon import LEXICON_DIR, Lexicon, lexicon_compile

SMALL = {
    "language": "en",
    "payment": {
        "payment failed": ["payment failed", "card declin*"],
        "charged twice": ["charged twice"],
    },
    "negative": ["failed", "declin*", "not happy", "happy"],
    "positive": ["happy"],
}


@pytest.fixture
def small() -> Lexicon:
    return lexicon_compile(SMALL, "small")


def test_labels_come_from_their_phrases_and_stems_match_any_ending(small: Lexicon) -> None:
    scan = small.scan("my card declined yesterday and then i was charged twice")
    assert scan["payment"] == ("payment failed", "charged twice")
    assert scan["negative"] == ("declined",)


def test_a_phrase_inside_a_longer_one_of_another_category_still_counts(small: Lexicon) -> None:
    scan = small.scan("the payment failed again")
    assert scan["payment"] == ("payment failed",)
    assert scan["negative"] == ("failed",)


def test_within_a_category_the_longest_phrase_wins_and_counts_once(small: Lexicon) -> None:
    scan = small.scan("i am not happy")
    assert scan["negative"] == ("not happy",)
    # The same words belong to another category too, and count there.
    assert scan["positive"] == ("happy",)


def test_phrases_match_whole_words_only(small: Lexicon) -> None:
    scan = small.scan("unhappy customers have unfailed payments")
    assert scan["negative"] == ()
    assert scan["positive"] == ()


def test_phrases_are_folded_like_the_text() -> None:
    lexicon = lexicon_compile({"language": "hu", "anger": ["Felháborító"]}, "hu")
    assert lexicon.scan("ez felhaborito!")["anger"] == ("felhaborito",)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"payment": {}}, "needs a 'language' code"),
        ({"language": "en", "payment": ["charged twice"]}, "'payment' must map labels"),
        ({"language": "en", "payment": {"twice": "charged"}}, "'payment.twice' must be a list"),
        ({"language": "en", "anger": [1, 2]}, "'anger' must be a list"),
    ],
)
def test_a_malformed_lexicon_is_refused_with_its_name_and_problem(
    data: dict[str, object], problem: str
) -> None:
    with pytest.raises(LexiconError, match=problem) as refused:
        lexicon_compile(data, "team-en.json")
    assert "team-en.json" in str(refused.value)


def test_a_desks_own_folder_extends_the_shipped_lexicons(tmp_path: Path) -> None:
    (tmp_path / "en.json").write_text(
        json.dumps({"language": "en", "anger": ["flabbergasted"]}), encoding="utf-8"
    )
    extended = lexicons_load(languages={"en"}, extra_dirs=[tmp_path])["en"]
    assert extended.scan("i am flabbergasted")["anger"] == ("flabbergasted",)
    # The shipped phrases are still there.
    assert extended.scan("i was charged twice")["payment"]


def test_a_broken_file_in_the_desks_folder_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "et.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"et\.json"):
        lexicons_load(languages={"et"}, extra_dirs=[tmp_path])


def test_only_the_lexicons_of_the_desks_languages_load() -> None:
    loaded = lexicons_load(languages=lexicon_languages(["hr", "et"]))
    assert set(loaded) == {"bs", "et", "en"}


def test_every_shipped_lexicon_compiles() -> None:
    shipped = {path.stem for path in LEXICON_DIR.glob("*.json")}
    loaded = lexicons_load()
    assert set(loaded) == shipped
    assert {"en", "et", "he", "hu", "bs", "de", "ru"} <= shipped


def test_a_scan_says_where_in_the_text_each_find_is(small: Lexicon) -> None:
    text = "charged twice, then my card declined"
    scan = small.scan(text)
    assert [text[start:end] for start, end in scan.places("payment")] == [
        "charged twice",
        "card declined",
    ]
    assert [text[start:end] for start, end in scan.places("negative")] == ["declined"]
    assert scan.places("positive") == ()
