from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from frontdesk.core.errors import Invalid
from frontdesk.macros.selectors import macro_for
from frontdesk.macros.services import (
    holding_replies_send_due,
    holding_reply_send,
    macro_apply,
    macro_expand,
    macro_save,
)
from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = pytest.mark.django_db

HARD = (
    "Since the update the import shows an error message, see attached. "
    "We checked the bank file and the rows, and there are three other problems too?"
)


@pytest.mark.parametrize("language", ["en", "et", "he", "hu", "bs"])
def test_the_holding_reply_exists_in_every_home_language(language: str) -> None:
    macro = macro_for(code="hold", language=language)
    assert macro is not None
    assert macro.language == language


@pytest.mark.parametrize("language", ["hr", "sr"])
def test_croatian_and_serbian_customers_get_the_bosnian_holding_reply(language: str) -> None:
    macro = macro_for(code="hold", language=language)
    assert macro is not None
    assert macro.language == "bs"


def test_a_language_without_its_own_holding_reply_falls_back_to_english() -> None:
    fallback = macro_for(code="hold", language="fi")
    assert fallback is not None
    assert fallback.language == "en"


def test_a_typed_code_expands_in_the_customers_language() -> None:
    agent = factories.agent()
    ticket = factories.ticket(
        customer_=factories.customer(name="Kovács Anna", language="hu"), subject="Import"
    )
    Ticket.objects.filter(pk=ticket.pk).update(language="hu")
    ticket.refresh_from_db()
    text = macro_expand(text="/hold ", ticket=ticket, agent=agent)
    # Hungarian names put the family name first; the reply greets the whole name.
    assert text.startswith("Kedves Kovács Anna!")
    assert ticket.reference in text
    assert agent.display_name in text
    assert macro_expand(text="see /nosuch code", ticket=ticket, agent=agent) == "see /nosuch code"


def test_a_macro_with_an_unknown_placeholder_is_refused_naming_it() -> None:
    with pytest.raises(Invalid, match=r"Unknown placeholder \{customer.shoe_size\}"):
        macro_save(code="x", language="en", name="X", text="Hi {customer.shoe_size}")
    with pytest.raises(Invalid, match="one word"):
        macro_save(code="two words", language="en", name="X", text="Hi")


def test_a_macro_acts_on_the_ticket_and_answers() -> None:
    agent = factories.agent()
    other = factories.agent()
    macro = macro_save(
        code="vat",
        language="",
        name="VAT number",
        text="Hello {customer.first_name}, your VAT number is on the invoice.",
        set_status="solved",
        set_level=2,
        add_tags=["vat", "billing"],
        set_assignee=other,
    )
    ticket = factories.ticket(customer_=factories.customer(name="Mari Maasikas"))
    message = macro_apply(macro=macro, ticket=ticket, agent=agent)
    ticket.refresh_from_db()
    assert message is not None
    assert message.text == "Hello Mari, your VAT number is on the invoice."
    assert (ticket.status, ticket.level, ticket.assignee) == ("solved", 2, other)
    assert ticket.tags == ["vat", "billing"]


def test_the_holding_reply_stops_the_first_response_clock() -> None:
    agent = factories.agent()
    ticket = factories.ticket(subject="Import", body=HARD)
    message = holding_reply_send(ticket=ticket, agent=agent)
    ticket.refresh_from_db()
    assert ticket.first_responded_at is not None
    assert ticket.status == "open"  # still owed the real answer, still in the queue
    assert ticket.queue_key is not None
    assert message.flags == ["holding-reply"]  # counted by the lead's reports


def test_hard_cases_left_unanswered_get_the_holding_reply_by_themselves() -> None:
    hard = factories.ticket(subject="Import", body=HARD)
    easy = factories.ticket(subject="Hours", body="What are your opening hours?")
    assert "hard" in {r["code"] for r in Ticket.objects.get(pk=hard.pk).reasons}
    later = timezone.now() + timedelta(minutes=45)
    assert holding_replies_send_due(now=later, after_minutes=0) == 0
    assert holding_replies_send_due(now=later, after_minutes=60) == 0
    assert holding_replies_send_due(now=later, after_minutes=30) == 1
    assert Ticket.objects.get(pk=hard.pk).first_responded_at is not None
    assert Ticket.objects.get(pk=easy.pk).first_responded_at is None
    assert holding_replies_send_due(now=later, after_minutes=30) == 0


def test_the_reply_box_expands_codes(agent_client: Client) -> None:
    ticket = factories.ticket(customer_=factories.customer(name="Mari Maasikas"))
    answer = agent_client.post(
        reverse("macros:expand", kwargs={"ticket_id": ticket.pk}), {"body": "/hold "}
    )
    assert answer.status_code == 200
    assert "Dear Mari Maasikas," in answer.content.decode()
    assert 'name="body"' in answer.content.decode()


def test_the_ticket_pages_reply_box_is_the_one_that_expands_codes(agent_client: Client) -> None:
    ticket = factories.ticket()
    page = agent_client.get(reverse("tickets:detail", kwargs={"ticket_id": ticket.pk}))
    expand = reverse("macros:expand", kwargs={"ticket_id": ticket.pk})
    assert '<div class="field" id="reply-body">' in page.content.decode()
    assert f'hx-post="{expand}"' in page.content.decode()


def test_the_sweep_groups_the_backlog_and_holds_hard_cases_in_one_click(
    agent_client: Client,
) -> None:
    macro_save(
        code="hours",
        language="",
        name="Opening hours",
        text="We are open 9–17.",
        suggest_for=["opening hours"],
    )
    quick = factories.ticket(subject="Hours", body="What are your opening hours?")
    key = factories.ticket(
        customer_=factories.customer(is_key=True), subject="Plans", body="Your plans for 2027?"
    )
    hard = factories.ticket(subject="Import", body=HARD)
    page = agent_client.get(reverse("routing:sweep")).content.decode()
    quick_at, key_at, hard_at = (page.index(t.reference) for t in (quick, key, hard))
    assert quick_at < key_at < hard_at
    assert "suggested answer: /hours" in page
    sent = agent_client.post(
        reverse("macros:hold", kwargs={"ticket_id": hard.pk}),
        {"next": reverse("routing:sweep")},
        follow=True,
    )
    assert "Holding reply sent" in sent.content.decode()
    assert Ticket.objects.get(pk=hard.pk).first_responded_at is not None


DOUBLE_CHARGE = (
    "You charged me twice this month, see attached. Since the update the import shows an error "
    "message. Why was I charged twice? When will the money come back? Who do I talk to?"
)


def test_level_one_never_gets_the_holding_reply_by_itself() -> None:
    urgent = factories.ticket(subject="Charged twice", body=DOUBLE_CHARGE)
    hard = factories.ticket(subject="Import", body=HARD)
    assert Ticket.objects.get(pk=urgent.pk).level == 1
    later = timezone.now() + timedelta(minutes=45)
    assert holding_replies_send_due(now=later, after_minutes=30) == 1
    assert Ticket.objects.get(pk=urgent.pk).first_responded_at is None
    assert Ticket.objects.get(pk=hard.pk).first_responded_at is not None


def test_level_one_is_refused_a_holding_reply_in_place_of_an_answer(agent_client: Client) -> None:
    urgent = factories.ticket(subject="Charged twice", body=DOUBLE_CHARGE)
    with pytest.raises(Invalid, match="level 1"):
        holding_reply_send(ticket=urgent, agent=factories.agent())
    page = agent_client.post(
        reverse("macros:hold", kwargs={"ticket_id": urgent.pk}), follow=True
    ).content.decode()
    assert "needs a real answer now, not a holding reply" in page
    assert not urgent.messages.filter(direction="out").exists()
