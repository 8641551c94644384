"""The shipped reading of meaning: its features, its training, its file and its place in triage."""

from __future__ import annotations

import gzip

import pytest

from frontdesk.engine.triage import LanguageDetection, Lexicon, lexicons_load, triage_rules
from frontdesk.engine.triage.meaning import (
    Decision,
    MeaningError,
    MeaningModel,
    meaning_model,
    word_grams,
    words_of,
)
from frontdesk.engine.triage.meaning_train import Sample, fit_model
from frontdesk.engine.triage.rules import as_written
from frontdesk.engine.triage.types import Contact, Reason


def test_a_word_is_read_by_its_character_grams_with_its_edges_marked() -> None:
    assert word_grams("ab") == [" a", "ab", "b ", " ab", "ab ", " ab "]
    assert len(word_grams("x" * 100)) == len(word_grams("x" * 24))


def test_words_are_letters_and_numbers_are_left_to_the_money_cue() -> None:
    assert words_of("charged twice 249 eur on 12.03 a") == {"charged", "twice", "eur", "on"}


def _decision(**weights: float) -> Decision:
    return Decision(grams=dict(weights), cues={"reading:money": 2.0}, intercept=-1.0)


def test_a_decision_adds_its_words_scaled_by_length_and_its_cues() -> None:
    # "efun" is one of the grams of "refund", and of no other word here.
    decision = _decision(efun=3.0)
    assert decision.margin({"refund"}, {}) == pytest.approx(2.0)
    assert decision.margin({"refund", "please", "thanks", "now"}, {}) == pytest.approx(0.5)
    assert decision.margin({"hello"}, {"reading:money": 1.0}) == pytest.approx(1.0)


def test_the_rules_yes_needs_only_the_confirm_probability() -> None:
    decision = Decision(grams={}, cues={}, intercept=0.0, threshold=0.7, confirm=0.3)
    # p = 0.5 for every text: below the threshold, above the confirm.
    assert decision.decide(False, {"hello"}, {}) == (False, 0.5)
    assert decision.decide(True, {"hello"}, {}) == (True, 0.5)


def test_the_leading_words_are_those_pulling_hardest_towards_yes() -> None:
    decision = _decision(twic=2.0, efun=1.0, hank=-1.0)
    assert decision.leading_words({"twice", "refund", "thanks", "hello"}, 3) == ["twice", "refund"]
    assert decision.leading_words({"thanks"}, 3, towards=False) == ["thanks"]


def _samples() -> list[Sample]:
    urgent = ["charged twice", "refund missing", "locked out", "cannot log in", "money gone"]
    calm = ["opening hours", "dark mode", "invoice address", "thanks team", "office parking"]
    samples = []
    for n in range(6):
        for text in urgent:
            samples.append(Sample(frozenset(f"{text} case{n}".split()), {}, True, False))
        for index, text in enumerate(calm):
            quick = index % 2 == 0
            samples.append(Sample(frozenset(f"{text} note{n}".split()), {}, False, quick))
    return samples


def test_a_model_trained_on_samples_decides_like_them_and_round_trips() -> None:
    model, level1, _ = fit_model(_samples(), trained={"corpus": "test"})
    assert level1.cv_accuracy >= 0.9
    assert model.level1.decide(False, frozenset({"charged", "twice"}), {})[0]
    assert not model.level1.decide(False, frozenset({"dark", "mode"}), {})[0]
    again = MeaningModel.loads(model.dumps())
    assert again.dumps() == model.dumps()
    assert again.trained == {"corpus": "test"}
    # The same samples make the same bytes: the shipped file can be checked against a rebuild.
    assert fit_model(_samples(), trained={"corpus": "test"})[0].dumps() == model.dumps()


def test_too_few_of_one_answer_is_refused() -> None:
    samples = [Sample(frozenset({"a" + str(n)}), {}, n < 2, False) for n in range(20)]
    with pytest.raises(ValueError, match="at least 5 times"):
        fit_model(samples, trained={})


@pytest.mark.parametrize(
    "raw",
    [
        b"not gzip",
        gzip.compress(b"[]", mtime=0),
        gzip.compress(b'{"format": 99}', mtime=0),
        gzip.compress(b"{}", mtime=0),
    ],
    ids=["not-gzip", "a-list", "another-format", "no-decisions"],
)
def test_a_file_that_is_no_model_is_refused_clearly(raw: bytes) -> None:
    with pytest.raises(MeaningError):
        MeaningModel.loads(raw)


def test_the_shipped_model_loads_and_says_what_it_was_trained_on() -> None:
    model = meaning_model()
    assert model.trained["splits"] == ["train", "dev"]
    assert model.trained["languages"] == ["bs", "de", "en", "et", "he", "hu", "ru"]
    assert 0 < model.level1.threshold < 1
    assert model.level1.confirm == 0.0


def test_words_are_quoted_as_the_customer_wrote_them() -> None:
    raw = "Die Bestellungen kommen NICHT an, Bestellungen!"
    assert as_written(raw, ["bestellungen", "nicht", "fehlt"]) == ("Bestellungen", "NICHT", "fehlt")


def _contact(body: str) -> Contact:
    return Contact(id=None, channel="email", subject="", body=body)


def test_a_level_one_the_model_reads_names_the_words_it_went_by(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    # Every word weighs towards level 1: whatever the text, the model reads it as urgent.
    eager = MeaningModel(
        level1=Decision(grams={}, cues={}, intercept=5.0),
        quick=Decision(grams={}, cues={}, intercept=-5.0),
    )
    eager.level1.grams["reho"] = 1.0  # of "warehouse"
    contact = _contact("Since Monday none of our orders reach the warehouse.")
    alone = triage_rules(contact, lexicons=lexicons, detection=detection, meaning=False)
    read = triage_rules(contact, lexicons=lexicons, detection=detection, meaning=eager)
    assert alone.level == 4
    assert read.level == 1
    assert read.reasons[0] == Reason("read", evidence=("warehouse",))
    assert read.reason_texts()[0] == "read as level 1 from “warehouse”"
    assert not read.quick_win


def test_the_model_never_takes_a_level_one_the_rules_found(detection: LanguageDetection) -> None:
    doubtful = MeaningModel(
        level1=Decision(grams={}, cues={}, intercept=-5.0),
        quick=Decision(grams={}, cues={}, intercept=-5.0),
    )
    contact = _contact("I was charged twice this month, EUR 49.90 both times.")
    decided = triage_rules(contact, lexicons=lexicons_load(), detection=detection, meaning=doubtful)
    assert decided.level == 1
    assert decided.reasons[0].code in {"money", "payment"}


def test_a_long_message_is_no_quick_win_whatever_the_model_says(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    eager = MeaningModel(
        level1=Decision(grams={}, cues={}, intercept=-5.0),
        quick=Decision(grams={}, cues={}, intercept=5.0),
    )
    short = _contact("Which file formats can I import?")
    long = _contact("Which file formats can I import? " + "We have many other questions. " * 20)
    assert triage_rules(short, lexicons=lexicons, detection=detection, meaning=eager).quick_win
    decided = triage_rules(long, lexicons=lexicons, detection=detection, meaning=eager)
    assert not decided.quick_win
    assert "quick" not in {reason.code for reason in decided.reasons}


def test_a_report_that_is_part_of_a_problem_stays_with_the_problem(
    lexicons: dict[str, Lexicon], detection: LanguageDetection
) -> None:
    eager = MeaningModel(
        level1=Decision(grams={}, cues={}, intercept=5.0),
        quick=Decision(grams={}, cues={}, intercept=-5.0),
    )
    contact = Contact(
        id=None,
        channel="email",
        subject="",
        body="The invoice PDF opens empty since this morning.",
        pattern="invoice PDF empty",
    )
    decided = triage_rules(contact, lexicons=lexicons, detection=detection, meaning=eager)
    assert decided.level == 3
    assert decided.reasons[0].code == "pattern"
