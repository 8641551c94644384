"""The answer matcher: a short question matched by meaning, across languages, to a kept answer;
look-alikes (complaints, a customer's own order, long stories, questions no answer settles)
never match."""

from __future__ import annotations

from dataclasses import replace

import pytest

from frontdesk.engine.answers import (
    Answer,
    AnswerIndex,
    AnswerMatch,
    ConceptError,
    ConceptLexicon,
    answer_applied,
    answer_find,
)
from frontdesk.engine.answers.concepts import concept_lexicon
from frontdesk.engine.answers.index import words_for_likeness
from frontdesk.engine.triage import Contact, Reason, Triage

ANSWERS = [
    Answer(
        "delivery",
        "en",
        "Delivery area",
        "Hello {customer.name}, we deliver receipt printers and card readers anywhere in "
        "Estonia, Latvia and Finland: next working day in Estonia.",
        ("Do you ship to Narva?", "How long does delivery take?"),
    ),
    Answer(
        "delivery",
        "et",
        "Tarnepiirkond",
        "Tere! Toimetame kviitungiprinterid ja kaardilugejad üle Eesti järgmisel tööpäeval.",
    ),
    Answer(
        "prices",
        "en",
        "Plans and prices",
        "Start costs €12 a month, Team €29 a month, Office €59 a month, without VAT.",
        ("How much does it cost?",),
    ),
    Answer(
        "prices",
        "hu",
        "Csomagok és árak",
        "A Start havi 12 €, a Team havi 29 €, az Office havi 59 €, áfa nélkül.",
    ),
    Answer(
        "hours",
        "en",
        "Opening hours",
        "We are open Monday to Friday, 8:00–18:00, closed on public holidays.",
        ("Are you open on Saturday?",),
    ),
    Answer("password", "en", "password", "Use “Forgot password?” on the log-in page."),
]

CALM = Triage(
    level=4,
    quick_win=False,
    effort_minutes=10,
    language="en",
    tone=0.24,
    angry=False,
    red_flags=(),
    reasons=(),
)


@pytest.fixture(scope="module")
def index() -> AnswerIndex:
    return AnswerIndex(ANSWERS)


def _contact(subject: str, body: str) -> Contact:
    return Contact(id=None, channel="email", subject=subject, body=body)


@pytest.mark.parametrize(
    ("subject", "body", "code"),
    [
        # The answer's own language, in other words.
        ("Delivery to Tartu", "Hi, do you deliver to Tartu? Thanks, Mark", "delivery"),
        ("Pricing", "How much is the Team plan per month?", "prices"),
        ("Weekend", "Will your desk be open this Sunday?", "hours"),
        # Another language than any version of the answer: the concepts carry it.
        ("Tarne", "Kas te toimetate printereid ka Tartusse?", "delivery"),
        ("Lieferung", "Liefern Sie Kartenleser auch nach Graz?", "delivery"),
        ("Доставка", "Вы доставляете принтеры в Нарву?", "delivery"),
        ("משלוח", "האם אתם שולחים מדפסות לחיפה?", "delivery"),
        ("Árak", "Mennyibe kerül a Team csomag?", "prices"),
        ("Cijene", "Koliko košta Team paket mjesečno?", "prices"),
        ("Lozinka", "Kako da dobijem novu lozinku? Zaboravio sam staru.", "password"),
    ],
)
def test_a_question_an_answer_settles_finds_it_in_any_language(
    index: AnswerIndex, subject: str, body: str, code: str
) -> None:
    found = answer_find(_contact(subject, body), CALM, index)
    assert found is not None
    assert found.code == code


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        # A complaint about the very thing an answer covers.
        ("Delivery late again", "Our card reader delivery is late again. What is going on?"),
        ("Tarne hilineb", "Miks kaardilugeja tarne juba kolmandat päeva hilineb?"),
        ("Damaged", "The printer arrived damaged. Can you send another?"),
        # The customer's own order: no kept answer knows where it is.
        ("Where is my printer?", "I ordered a printer on Monday. Where is my order?"),
        ("Hol a rendelésem?", "Hétfőn rendeltem, hol van a csomagom?"),
        # A question about a thing the answer never mentions.
        ("Paper rolls", "What is the price of receipt paper rolls?"),
        ("Рулоны", "Сколько стоят рулоны чековой бумаги?"),
        # A question no answer settles.
        ("Export", "How do I export all customers to Excel?"),
        ("API", "Does your API support webhooks when an invoice is paid?"),
        # Not a question at all.
        ("New delivery address", "Please change the delivery address of order 55120 to Tartu."),
    ],
)
def test_a_look_alike_finds_no_answer(index: AnswerIndex, subject: str, body: str) -> None:
    assert answer_find(_contact(subject, body), CALM, index) is None


def test_a_long_story_with_a_question_in_it_finds_no_answer(index: AnswerIndex) -> None:
    story = "We moved our shop twice this year and the bank feed stopped each time. " * 6
    assert (
        answer_find(_contact("Our move", story + "Do you deliver to Tartu?"), CALM, index) is None
    )


@pytest.mark.parametrize(
    "decision",
    [
        replace(CALM, level=1, reasons=(Reason("payment", "charged twice"),)),
        replace(CALM, angry=True, tone=-0.9),
        replace(CALM, tone=-0.6),
        replace(CALM, reasons=(Reason("hard", "2 attachment(s)"),)),
    ],
)
def test_level_1_an_angry_or_unhappy_customer_or_a_hard_case_finds_no_answer(
    index: AnswerIndex, decision: Triage
) -> None:
    contact = _contact("Delivery to Tartu", "Do you deliver to Tartu?")
    assert answer_find(contact, CALM, index) is not None
    assert answer_find(contact, decision, index) is None


def test_names_and_numbers_do_not_count_towards_likeness() -> None:
    assert words_for_likeness("Do you deliver to Tartu? Invoice INV-20412, {customer.name}") == (
        "do you deliver to invoice"
    )


def test_an_index_without_answers_finds_nothing() -> None:
    empty = AnswerIndex([])
    assert len(empty) == 0
    assert answer_find(_contact("Delivery", "Do you deliver to Tartu?"), CALM, empty) is None


def test_a_match_makes_a_quick_win_naming_the_answer_but_never_touches_level_1() -> None:
    match = AnswerMatch(code="delivery", score=1.2, likeness=0.4, topics=("delivery",))

    quick = answer_applied(CALM, match, quick_win_minutes=5)
    urgent = replace(CALM, level=1, reasons=(Reason("payment", "charged twice"),))

    assert (quick.quick_win, quick.effort_minutes) == (True, 5)
    assert quick.reasons[-1] == Reason("answer", "delivery")
    assert quick.reasons[-1].text() == "answered before: /delivery"
    assert answer_applied(urgent, match, quick_win_minutes=5) == urgent


@pytest.mark.parametrize(
    ("text", "topics", "objects"),
    [
        # Hebrew glues "and", "to", "the" to the word: "ולמשלוח" is "and for delivery".
        ("ולמשלוח", {"delivery"}, set()),
        # A long stem ends a compound: "blokknyomtató" is a receipt printer.
        ("blokknyomtató", set(), {"hardware"}),
        # A stem marked whole-word only: the Hungarian "ár" (price) is not "arra".
        ("Mi az ár?", {"price"}, set()),
        ("Arra gondoltam", set(), set()),
        # A phrase: its words in a row.
        ("When are the opening hours?", {"hours"}, set()),
    ],
)
def test_the_concept_lexicon_reads_prefixes_compounds_whole_words_and_phrases(
    text: str, topics: set[str], objects: set[str]
) -> None:
    found = concept_lexicon().concepts_of(text)
    assert (set(found.topics), set(found.objects)) == (topics, objects)


def test_a_concept_of_an_unknown_kind_is_refused_with_its_name() -> None:
    with pytest.raises(ConceptError, match="'delivery'"):
        ConceptLexicon({"delivery": {"kind": "thing", "en": ["deliver"]}})
