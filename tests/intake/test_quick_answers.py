"""A contact whose question a macro answers arrives as a quick win naming that macro; level 1
never does, and an agent's correction takes the quick win and its reason back."""

from __future__ import annotations

import pytest
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.macros.services import macro_save
from frontdesk.triage.services import triage_correct
from tests import factories
from tests.conftest import ApiClient, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def delivery_macro() -> None:
    macro_save(
        code="delivery",
        language="en",
        name="Delivery area",
        text="Hello {customer.name}, we deliver receipt printers and card readers anywhere in "
        "Estonia, next working day.",
        questions=["Do you deliver to Narva?", "How long does delivery take?"],
    )
    macro_save(
        code="delivery",
        language="et",
        name="Tarnepiirkond",
        text="Tere! Toimetame printerid ja kaardilugejad üle Eesti järgmisel tööpäeval.",
    )


def _answer_reasons(reasons: list[dict[str, object]]) -> list[dict[str, object]]:
    return [row for row in reasons if row["code"] == "answer"]


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Delivery to Tartu", "Hi, do you deliver to Tartu? Thanks, Mark"),
        ("Tarne", "Kas te toimetate kaardilugeja ka Tartusse?"),
        ("Доставка", "Вы доставляете принтеры в Нарву?"),
    ],
)
def test_a_question_a_macro_answers_arrives_as_a_quick_win_naming_it(
    subject: str, body: str
) -> None:
    ticket = factories.ticket(subject=subject, body=body)

    assert ticket.quick_win is True
    assert ticket.effort_minutes is not None
    assert ticket.effort_minutes <= 5
    assert _answer_reasons(ticket.reasons) == [{"code": "answer", "detail": "delivery"}]


def test_a_complaint_about_a_delivery_is_no_quick_win() -> None:
    ticket = factories.ticket(
        subject="Delivery late again",
        body="Our card reader delivery is late again and nobody tells us why.",
    )

    assert ticket.quick_win is False
    assert _answer_reasons(ticket.reasons) == []


def test_level_1_stays_level_1_and_never_becomes_quick_however_short_the_question() -> None:
    ticket = factories.ticket(
        subject="Charged twice",
        body="You charged my card twice this month. Do you deliver to Tartu?",
    )

    assert ticket.level == 1
    assert ticket.quick_win is False
    assert _answer_reasons(ticket.reasons) == []


def test_an_agents_correction_takes_the_quick_win_and_the_answer_back(lead: User) -> None:
    ticket = factories.ticket(subject="Delivery to Tartu", body="Do you deliver to Tartu?")

    triage_correct(ticket=ticket, agent=lead, level=4, quick_win=False)

    ticket.refresh_from_db()
    assert ticket.quick_win is False
    assert _answer_reasons(ticket.reasons) == []


def test_a_question_a_lead_just_added_to_a_macro_is_matched_at_once() -> None:
    subject, body = "Receipt paper", "Do you sell thermal rolls for the printer?"
    # A one-fact question is a quick win already; no macro answers it yet.
    assert _answer_reasons(factories.ticket(subject=subject, body=body).reasons) == []

    macro_save(
        code="rolls",
        language="en",
        name="Receipt paper rolls",
        text="Yes: thermal rolls for our printers, 20 for €15.",
        questions=["Do you sell thermal rolls for the printer?"],
    )

    assert _answer_reasons(factories.ticket(subject=subject, body=body).reasons) == [
        {"code": "answer", "detail": "rolls"}
    ]


def test_the_api_and_the_ticket_page_say_it_was_answered_before(api: ApiClient) -> None:
    created = api.post(
        "/api/v1/tickets",
        {
            "customer": {"name": "Mari Tamm", "email": "mari@posti.ee"},
            "channel": "email",
            "subject": "Tarne Tartusse",
            "body": "Tere! Kas toimetate kviitungiprinteri ka Tartusse?",
        },
    )

    assert created.status_code == 201, created.content
    body = created.json()
    assert body["quick_win"] is True
    assert "answered before: /delivery" in body["reasons"]
    page = signed_in(factories.agent()).get(reverse("tickets:detail", args=[body["id"]]))
    assert "answered before: /delivery" in page.content.decode()
