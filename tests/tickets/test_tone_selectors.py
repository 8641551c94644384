"""The tone check as the desk words it, and a reply held by it."""

import pytest
from django.utils import translation

from frontdesk.core.errors import Invalid
from frontdesk.tickets.models import Message
from frontdesk.tickets.services import ticket_reply
from frontdesk.tickets.tone_selectors import ToneHeld, reply_tone_check, tone_language
from tests import factories

RUDE = "As I already told you, that is not our problem."


def test_a_rude_reply_is_worded_with_why_and_a_kinder_way() -> None:
    warnings = reply_tone_check(text=RUDE, language="en")
    assert [(w.code, w.excerpt) for w in warnings] == [
        ("condescension", "As I already told you"),
        ("dismissive", "is not our problem"),
    ]
    assert warnings[0].message == "This reads as talking down to the customer."
    assert all(w.alternative for w in warnings)
    assert [RUDE[w.start : w.end] for w in warnings] == [w.excerpt for w in warnings]


def test_a_kind_reply_has_no_warning() -> None:
    assert reply_tone_check(text="Thank you, the refund is on its way.", language="en") == []


def test_the_words_come_in_the_agents_language() -> None:
    with translation.override("et"):
        warnings = reply_tone_check(text=RUDE, language="en")
    assert warnings[0].message != "This reads as talking down to the customer."


@pytest.mark.parametrize(
    ("given", "read"),
    [("en-GB", "en"), ("HR", "hr"), ("pt_BR", "pt"), ("", None), (None, None), ("  ", None)],
)
def test_a_language_tag_is_read_by_its_primary_subtag(given: str | None, read: str | None) -> None:
    assert tone_language(given) == read


def test_a_language_without_phrases_reads_every_languages() -> None:
    text = "Nagu ma juba ütlesin, see pole meie probleem."
    assert len(reply_tone_check(text=text, language="fi")) == 2
    assert len(reply_tone_check(text=text, language="zz")) == 2
    # Named, Hungarian's phrases and English's are read, not Estonian's.
    assert reply_tone_check(text=text, language="hu") == []


@pytest.mark.parametrize("text", ["", "   \n "])
def test_an_empty_text_is_refused(text: str) -> None:
    with pytest.raises(Invalid):
        reply_tone_check(text=text, language=None)


@pytest.mark.django_db
def test_a_checked_reply_that_reads_badly_is_not_sent() -> None:
    ticket = factories.ticket()
    before = Message.objects.filter(ticket=ticket).count()
    with pytest.raises(ToneHeld) as held:
        ticket_reply(ticket=ticket, agent=None, text=RUDE, tone_check=True)
    assert [w.code for w in held.value.warnings] == ["condescension", "dismissive"]
    assert Message.objects.filter(ticket=ticket).count() == before


@pytest.mark.django_db
def test_a_reply_sent_anyway_or_kind_goes_out() -> None:
    ticket = factories.ticket()
    ticket_reply(ticket=ticket, agent=None, text=RUDE)
    ticket_reply(ticket=ticket, agent=None, text="Thank you, it is fixed.", tone_check=True)
    texts = list(
        Message.objects.filter(ticket=ticket, direction="out").values_list("text", flat=True)
    )
    assert texts == [RUDE, "Thank you, it is fixed."]
