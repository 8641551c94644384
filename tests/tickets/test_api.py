import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from frontdesk.accounts.models import User
from frontdesk.accounts.tokens import token_revoke_all
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db

NEW_TICKET = {
    "customer": {"name": "Mari Tamm", "email": "mari@posti.ee"},
    "channel": "email",
    "subject": "Arve puudub",
    "body": "Tere! Ma ei leia oktoobri arvet.",
}


def test_create_answers_201_with_the_contract_fields(api: ApiClient) -> None:
    response = api.post("/api/v1/tickets", NEW_TICKET)
    assert response.status_code == 201
    body = response.json()
    for field in (
        "id",
        "status",
        "customer",
        "channel",
        "subject",
        "language",
        "level",
        "quick_win",
        "reasons",
    ):
        assert field in body
    assert body["customer"]["id"] > 0
    assert body["customer"]["email"] == "mari@posti.ee"
    assert body["status"] == "new"
    assert body["channel"] == "email"
    assert api.get(f"/api/v1/tickets/{body['id']}").json() == body


def test_create_reuses_a_known_customer(api: ApiClient) -> None:
    first = api.post("/api/v1/tickets", NEW_TICKET).json()
    second = api.post(
        "/api/v1/tickets", {**NEW_TICKET, "customer": {"email": "MARI@posti.ee"}}
    ).json()
    assert first["customer"]["id"] == second["customer"]["id"]


@pytest.mark.parametrize(
    "payload",
    [
        {**NEW_TICKET, "channel": "pigeon"},
        {**NEW_TICKET, "subject": ""},
        {**NEW_TICKET, "customer": {"name": "x", "email": "not-an-address"}},
        {"subject": "only"},
    ],
)
def test_invalid_input_answers_422_with_detail(api: ApiClient, payload: dict[str, object]) -> None:
    response = api.post("/api/v1/tickets", payload)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_a_customer_without_any_identity_answers_400(api: ApiClient) -> None:
    response = api.post("/api/v1/tickets", {**NEW_TICKET, "customer": {"name": "Nobody"}})
    assert response.status_code == 400
    assert response.json() == {"detail": "customer needs an id, an email or a phone"}


def test_unknown_ticket_answers_404_detail(api: ApiClient) -> None:
    response = api.get("/api/v1/tickets/999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "Ticket not found."}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer nonsense"},
        {"Authorization": "Bearer fd_forged"},
        {"Authorization": "Token x"},
    ],
)
def test_requests_without_a_valid_token_answer_401(headers: dict[str, str]) -> None:
    client = Client(headers=headers)
    response = client.get("/api/v1/tickets")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_a_revoked_token_stops_working(agent: User, api: ApiClient) -> None:
    assert api.get("/api/v1/tickets").status_code == 200
    token_revoke_all(user=agent)
    assert api.get("/api/v1/tickets").status_code == 401


def test_list_is_paginated_and_filterable(
    api: ApiClient, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    customer = factories.customer()
    for number, channel in enumerate(["web", "phone", "web", "phone", "web", "phone", "web"]):
        factories.ticket(customer_=customer, subject=f"Question {number}", channel=channel)
    # 7 with access by team, read once every few seconds per process.
    with django_assert_max_num_queries(7):
        page = api.get("/api/v1/tickets", limit=3, offset=0).json()
    assert page["count"] == 7
    assert len(page["items"]) == 3
    assert page["items"][0]["subject"] == "Question 6"
    phone = api.get("/api/v1/tickets", channel="phone").json()
    assert phone["count"] == 3
    assert {item["channel"] for item in phone["items"]} == {"phone"}


def test_patch_changes_status_level_and_assignee(api: ApiClient, agent: User) -> None:
    ticket = factories.ticket()
    response = api.patch(
        f"/api/v1/tickets/{ticket.pk}",
        {"status": "on_hold", "level": 1, "assignee": agent.username},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["level"], body["assignee"]["username"]) == (
        "on_hold",
        1,
        agent.username,
    )
    cleared = api.patch(f"/api/v1/tickets/{ticket.pk}", {"assignee": None}).json()
    assert cleared["assignee"] is None
    assert Ticket.objects.get(pk=ticket.pk).level == 1


def test_patch_to_an_unknown_agent_answers_400(api: ApiClient) -> None:
    ticket = factories.ticket()
    response = api.patch(f"/api/v1/tickets/{ticket.pk}", {"assignee": "ghost"})
    assert response.status_code == 400
    assert "ghost" in response.json()["detail"]


def test_messages_can_be_added_and_listed_in_order(api: ApiClient) -> None:
    ticket = factories.ticket(body="First")
    reply = api.post(f"/api/v1/tickets/{ticket.pk}/messages", {"text": "Second"})
    note = api.post(f"/api/v1/tickets/{ticket.pk}/messages", {"text": "Third", "kind": "note"})
    assert (reply.status_code, note.status_code) == (201, 201)
    messages = api.get(f"/api/v1/tickets/{ticket.pk}/messages").json()
    assert [(m["direction"], m["text"]) for m in messages] == [
        ("in", "First"),
        ("out", "Second"),
        ("note", "Third"),
    ]
    assert messages[0]["html"] is None
    assert messages[0]["attachments"] == []


def test_openapi_document_is_published() -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/tickets" in paths
    assert "/api/v1/customers/{customer_id}/timeline" in paths


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"assignee": "9223372036854775808"}, "assignee"),
        ({"assignee": "²"}, "assignee"),
        ({"assignee": "nobody-like-this"}, "assignee"),
        ({"status": "opne"}, "status"),
        ({"channel": "pigeon"}, "channel"),
        ({"offset": "9223372036854775808"}, "offset"),
        ({"limit": "4816000000000000000000000"}, "limit"),
        ({"limit": "501"}, "limit"),
    ],
)
def test_list_filters_outside_what_they_name_answer_422(
    api: ApiClient, query: dict[str, str], field: str
) -> None:
    response = api.get("/api/v1/tickets", **query)
    assert response.status_code == 422
    assert [issue["loc"] for issue in response.json()["detail"]] == [["query", field]]


def test_list_filters_by_assignee_id(api: ApiClient, agent: User) -> None:
    mine = factories.ticket()
    api.patch(f"/api/v1/tickets/{mine.pk}", {"assignee": agent.username})
    factories.ticket()
    page = api.get("/api/v1/tickets", assignee=str(agent.pk)).json()
    assert [item["id"] for item in page["items"]] == [mine.pk]
