"""Casual words in a reply: held for a level 1 or unhappy customer (reply box, service, API),
sent as they are to a calm one."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.services import ticket_reply
from frontdesk.tickets.tone_selectors import ToneHeld, reply_tone_check
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db

CASUAL = "No worries lol, we'll sort it out 😂"
CHECK = "/api/v1/replies/check"


def _charged_twice() -> Ticket:
    # Level 1 (a payment problem) in a calm, plain voice.
    return factories.ticket(
        subject="Charged twice", body="I was charged twice for my order. Please refund one."
    )


def _furious() -> Ticket:
    return factories.ticket(
        subject="Still waiting",
        body="This is ridiculous, I am furious. Third time I write and nobody answers!",
    )


def _calm_question() -> Ticket:
    return factories.ticket(
        subject="Question", body="Hi, could you tell me your opening hours on Saturday? Thanks!"
    )


def _estonian_payment() -> Ticket:
    return factories.ticket(
        subject="Arve", body="Mind on kaks korda maha võetud, palun tagastage üks makse."
    )


def test_the_tickets_are_what_the_tests_say() -> None:
    urgent, furious, calm = _charged_twice(), _furious(), _calm_question()
    assert urgent.level == 1
    assert furious.tone is not None
    assert furious.tone < -0.5
    assert calm.level == 4
    assert calm.tone is not None
    assert calm.tone > -0.15


def test_a_casual_reply_to_a_level_one_ticket_is_held() -> None:
    ticket = _charged_twice()
    with pytest.raises(ToneHeld) as held:
        ticket_reply(ticket=ticket, agent=None, text=CASUAL, tone_check=True)
    assert [(w.code, w.excerpt) for w in held.value.warnings] == [
        ("casual", "No worries lol"),
        ("casual", "😂"),
    ]
    assert not Message.objects.filter(ticket=ticket, direction="out").exists()


def test_the_same_reply_to_a_calm_level_four_ticket_goes_out() -> None:
    ticket = _calm_question()
    ticket_reply(ticket=ticket, agent=None, text=CASUAL, tone_check=True)
    assert Message.objects.get(ticket=ticket, direction="out").text == CASUAL


def test_the_warning_says_why_the_customer_calls_for_care() -> None:
    upset = reply_tone_check(text="Chill!", language="en", level=4, tone=-0.6)
    urgent = reply_tone_check(text="Chill!", language="en", level=1, tone=0.2)
    assert upset[0].message == "Too casual for a customer who is upset."
    assert urgent[0].message == "Too casual for an urgent (level 1) matter."
    assert upset[0].alternative
    with translation.override("he"):
        hebrew = reply_tone_check(text="Chill!", language="en", level=1, tone=None)
    assert hebrew[0].message != urgent[0].message


def _reply(client: Client, ticket: Ticket, text: str, **extra: str) -> str:
    response = client.post(
        reverse("tickets:reply", kwargs={"ticket_id": ticket.pk}),
        {"body": text, "status": "waiting", **extra},
    )
    return f"{response.status_code} {response.content.decode()}"


def test_the_reply_box_holds_a_casual_reply_to_an_angry_customer(agent_client: Client) -> None:
    ticket = _furious()
    held = _reply(agent_client, ticket, CASUAL)
    assert held.startswith("400 ")
    assert "<mark>No worries lol</mark>" in held
    assert "Too casual for a customer who is upset." in held
    assert 'name="tone_accepted" value="1"' in held
    assert not ticket.messages.filter(direction="out").exists()
    assert _reply(agent_client, ticket, CASUAL, tone_accepted="1").startswith("302 ")
    assert ticket.messages.get(direction="out").text == CASUAL


def test_the_reply_box_sends_a_casual_reply_to_a_calm_customer(agent_client: Client) -> None:
    ticket = _calm_question()
    assert _reply(agent_client, ticket, CASUAL).startswith("302 ")


def test_the_check_while_typing_knows_the_ticket(agent_client: Client) -> None:
    urgent, calm = _estonian_payment(), _calm_question()
    text = "Pole hullu, raha tuleb homme tagasi."
    for ticket, marked in [(urgent, True), (calm, False)]:
        url = reverse("tickets:reply_check", kwargs={"ticket_id": ticket.pk})
        html = agent_client.post(url, {"body": text}).content.decode()
        assert ("<mark>Pole hullu</mark>" in html) is marked


@pytest.mark.parametrize(
    ("context", "codes", "formal"),
    [
        ({}, [], False),
        ({"level": 4, "tone": 0.5}, [], False),
        ({"level": 4}, [], False),
        ({"level": 1}, ["casual", "casual"], True),
        ({"tone": -0.4}, [], False),
        ({"tone": -0.6}, ["casual", "casual"], True),
        ({"level": 3, "tone": -0.9}, ["casual", "casual"], True),
    ],
)
def test_the_api_flags_casual_words_for_the_level_and_tone_given(
    api: ApiClient, context: dict[str, object], codes: list[str], formal: bool
) -> None:
    response = api.post(CHECK, {"text": CASUAL, "language": "en", **context})
    assert response.status_code == 200
    assert [w["code"] for w in response.json()["warnings"]] == codes
    assert response.json()["formal"] is formal


def test_the_api_reads_a_tickets_level_tone_and_language(api: ApiClient) -> None:
    urgent, calm = _estonian_payment(), _calm_question()
    text = {"text": "Pole hullu, raha tuleb homme tagasi."}
    held = api.post(CHECK, {**text, "ticket_id": urgent.pk}).json()
    assert [(w["code"], w["excerpt"]) for w in held["warnings"]] == [("casual", "Pole hullu")]
    assert held["formal"] is True
    assert api.post(CHECK, {**text, "ticket_id": calm.pk}).json() == {
        "warnings": [],
        "formal": False,
    }


@pytest.mark.parametrize(
    ("extra", "status"),
    [
        ({"ticket_id": 999_999}, 404),
        ({"ticket_id": 0}, 422),
        ({"level": 0}, 422),
        ({"level": 5}, 422),
        ({"tone": -1.5}, 422),
        ({"tone": "angry"}, 422),
        ({"ticket_id": 1, "level": 1}, 422),
    ],
)
def test_the_api_refuses_a_bad_context_with_a_detail(
    api: ApiClient, extra: dict[str, object], status: int
) -> None:
    response = api.post(CHECK, {"text": CASUAL, **extra})
    assert response.status_code == status
    assert response.json()["detail"]


def test_a_casual_reply_through_the_api_is_held_on_a_level_one_ticket(api: ApiClient) -> None:
    urgent, calm = _charged_twice(), _calm_question()
    held = api.post(f"/api/v1/tickets/{urgent.pk}/messages", {"text": CASUAL})
    assert held.status_code == 400
    assert [w["code"] for w in held.json()["warnings"]] == ["casual", "casual"]
    sent = api.post(f"/api/v1/tickets/{calm.pk}/messages", {"text": CASUAL})
    assert sent.status_code == 201


def test_the_api_document_gives_the_tone_that_calls_for_care() -> None:
    document = Client().get("/api/v1/openapi.json").json()
    check_in = document["components"]["schemas"]["ReplyCheckIn"]["properties"]["tone"]
    check_out = document["components"]["schemas"]["ReplyCheckOut"]["properties"]["formal"]
    assert "-0.5 or lower (angry)" in check_in["description"]
    assert "-0.5 or lower: angry" in check_out["description"]
