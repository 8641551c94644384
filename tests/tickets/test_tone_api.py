"""POST /api/v1/replies/check and the tone check on replies sent through the API."""

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from frontdesk.tickets.models import Message
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db

RUDE = "YOU SHOULD HAVE READ THE MANUAL. Not our problem."


def test_a_rude_reply_gets_its_warnings(api: ApiClient) -> None:
    response = api.post("/api/v1/replies/check", {"text": RUDE, "language": "en"})
    assert response.status_code == 200
    warnings = response.json()["warnings"]
    assert [(w["code"], w["excerpt"]) for w in warnings] == [
        ("shouting", "YOU SHOULD HAVE READ THE MANUAL"),
        ("blame", "YOU SHOULD HAVE READ"),
        ("dismissive", "Not our problem"),
    ]
    assert set(warnings[0]) == {"code", "excerpt", "start", "end", "message", "alternative"}


def test_a_kind_reply_gets_an_empty_list_without_reading_tickets(
    api: ApiClient, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    # The token's look-up (and its last use) is all the database the check needs.
    with django_assert_max_num_queries(3):
        response = api.post("/api/v1/replies/check", {"text": "Thank you, it is fixed!"})
    assert response.status_code == 200
    assert response.json() == {"warnings": [], "formal": False}


@pytest.mark.parametrize(
    ("language", "codes"),
    [("et", ["condescension"]), (None, ["condescension"]), ("xx", ["condescension"])],
)
def test_the_language_picks_the_phrases(
    api: ApiClient, language: str | None, codes: list[str]
) -> None:
    body = {"text": "Nagu ma juba ütlesin: pood on suletud."}
    if language:
        body["language"] = language
    warnings = api.post("/api/v1/replies/check", body).json()["warnings"]
    assert [w["code"] for w in warnings] == codes


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"text": ""}, 422),
        ({"text": "   "}, 400),
        ({}, 422),
        ({"text": "x" * 100_001}, 422),
        ({"text": "Hello", "language": "x" * 17}, 422),
        ([], 422),
    ],
)
def test_bad_input_is_refused_with_a_detail(api: ApiClient, body: object, status: int) -> None:
    response = api.post("/api/v1/replies/check", body)
    assert response.status_code == status
    assert "detail" in response.json()


def test_the_check_needs_an_agents_token() -> None:
    response = Client().post(
        "/api/v1/replies/check", {"text": RUDE}, content_type="application/json"
    )
    assert response.status_code == 401


def test_a_rude_reply_is_not_sent_without_send_anyway(api: ApiClient) -> None:
    ticket = factories.ticket()
    path = f"/api/v1/tickets/{ticket.pk}/messages"
    held = api.post(path, {"text": RUDE})
    assert held.status_code == 400
    assert held.json()["detail"]
    assert [w["code"] for w in held.json()["warnings"]] == ["shouting", "blame", "dismissive"]
    assert not Message.objects.filter(ticket=ticket, direction="out").exists()

    sent = api.post(path, {"text": RUDE, "send_anyway": True})
    assert sent.status_code == 201
    assert Message.objects.get(ticket=ticket, direction="out").text == RUDE


def test_an_internal_note_is_never_checked(api: ApiClient) -> None:
    ticket = factories.ticket()
    response = api.post(f"/api/v1/tickets/{ticket.pk}/messages", {"text": RUDE, "kind": "note"})
    assert response.status_code == 201
