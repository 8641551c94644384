"""The macro a ticket's question was matched to: offered first in the reply box's picker, in
the ticket's language, and by the morning sweep; the index follows the macros as they change."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.macros.constants import HOLDING_CODE
from frontdesk.macros.models import Macro
from frontdesk.macros.runtime import answer_index
from frontdesk.macros.selectors import macro_suggested
from frontdesk.macros.services import macro_save
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def macros() -> None:
    # Only these macros, and the holding reply every desk ships with.
    Macro.objects.exclude(code=HOLDING_CODE).delete()
    macro_save(code="address", language="en", name="Our address", text="Turu 14, Tallinn.")
    macro_save(
        code="delivery",
        language="en",
        name="Delivery area",
        text="We deliver receipt printers anywhere in Estonia, next working day.",
        questions=["Do you deliver to Narva?"],
    )
    macro_save(
        code="delivery",
        language="hu",
        name="Szállítási terület",
        text="A blokknyomtatókat Észtország bármely címére kiszállítjuk.",
    )


def _hungarian_delivery_question() -> Ticket:
    ticket = factories.ticket(
        customer_=factories.customer(name="Kovács Anna"),
        subject="Szállítás",
        body="Szállítotok nyomtatót Tartuba is?",
    )
    assert ticket.language == "hu"
    return ticket


def _listed(client: Client, ticket: Ticket, query: str) -> list[str]:
    answer = client.get(reverse("macros:picker", kwargs={"ticket_id": ticket.pk}), {"q": query})
    return re.findall(r'<bdi class="macro-code" dir="ltr">(/[^<]+)</bdi>', answer.content.decode())


def test_the_matched_macro_is_suggested_in_the_tickets_language() -> None:
    suggested = macro_suggested(ticket=_hungarian_delivery_question())

    assert suggested is not None
    assert (suggested.code, suggested.language) == ("delivery", "hu")


def test_the_picker_offers_the_matched_macro_first_marked_as_suggested() -> None:
    ticket = _hungarian_delivery_question()
    client = signed_in(factories.agent())

    page = client.get(reverse("macros:picker", kwargs={"ticket_id": ticket.pk}), {"q": ""})

    assert _listed(client, ticket, "")[0] == "/delivery"
    first = page.content.decode().split("</li>")[0]
    assert 'class="badge macro-suggested">suggested<' in first
    # Typing another code finds that one, without the suggestion in the way.
    assert _listed(client, ticket, "addr") == ["/address"]


def test_a_ticket_matched_to_nothing_keeps_the_pickers_usual_order() -> None:
    ticket = factories.ticket(subject="Export", body="How do I export all customers to Excel?")
    client = signed_in(factories.agent())

    assert macro_suggested(ticket=ticket) is None
    assert _listed(client, ticket, "")[:3] == ["/address", "/delivery", "/hold"]


def test_the_index_follows_the_macros_and_leaves_out_the_holding_reply() -> None:
    assert set(answer_index().codes) == {"address", "delivery"}

    Macro.objects.filter(code="address").delete()
    macro_save(code="prices", language="en", name="Prices", text="Team costs €29 a month.")

    assert set(answer_index().codes) == {"delivery", "prices"}
