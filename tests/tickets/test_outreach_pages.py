"""The customer page's "Write to customer" and "Log a call", and the same through the API."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.customers.models import Customer
from frontdesk.tickets.choices import Channel, MessageDirection, Status
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def customer() -> Customer:
    return factories.customer(name="Szabó Ildikó", email="ildiko@example.hu", language="hu")


def test_the_customer_page_offers_both_ways_to_reach_them(
    agent_client: Client, customer: Customer
) -> None:
    page = agent_client.get(reverse("customers:detail", args=[customer.pk])).content.decode()
    assert reverse("tickets:write", args=[customer.pk]) in page
    assert reverse("tickets:call", args=[customer.pk]) in page


def test_without_an_address_the_page_says_why_it_cannot_write(agent_client: Client) -> None:
    customer = factories.customer(email="", phone="+36 30 123 4567")
    page = agent_client.get(reverse("customers:detail", args=[customer.pk])).content.decode()
    assert reverse("tickets:write", args=[customer.pk]) not in page
    assert "No e-mail address" in page
    form = agent_client.get(reverse("tickets:write", args=[customer.pk])).content.decode()
    assert "has no e-mail address" in form


def test_the_write_form_defaults_to_the_customer_s_language_and_address(
    agent_client: Client, customer: Customer
) -> None:
    page = agent_client.get(reverse("tickets:write", args=[customer.pk])).content.decode()
    assert '<option value="hu" selected>' in page
    assert '<option value="ildiko@example.hu"' in page


def test_writing_from_the_page_opens_the_agent_s_ticket(
    agent: User, agent_client: Client, customer: Customer
) -> None:
    response = agent_client.post(
        reverse("tickets:write", args=[customer.pk]),
        {
            "to": "ildiko@example.hu",
            "subject": "Your parcel",
            "body": "It left today.",
            "language": "hu",
        },
    )
    ticket = Ticket.objects.get(customer=customer)
    assert response.status_code == 302
    assert response["Location"] == reverse("tickets:detail", args=[ticket.pk])
    assert (ticket.assignee, ticket.status) == (agent, Status.WAITING)
    assert ticket.messages.get().direction == MessageDirection.OUT
    timeline = agent_client.get(reverse("customers:detail", args=[customer.pk])).content.decode()
    assert ticket.reference in timeline


def test_a_bad_form_keeps_what_was_typed_with_the_error_by_the_field(
    agent_client: Client, customer: Customer
) -> None:
    response = agent_client.post(
        reverse("tickets:write", args=[customer.pk]),
        {"to": "ildiko@example.hu", "subject": "", "body": "Keep these words.", "language": "hu"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Keep these words." in page
    assert 'id="id_subject-error"' in page
    assert not Ticket.objects.filter(customer=customer).exists()


def test_logging_a_call_from_the_page(agent_client: Client, customer: Customer) -> None:
    response = agent_client.post(
        reverse("tickets:call", args=[customer.pk]),
        {"direction": "in", "subject": "Meter", "text": "Read out 12345."},
    )
    assert response.status_code == 302
    ticket = Ticket.objects.get(customer=customer)
    assert (ticket.channel, ticket.status) == (Channel.PHONE, Status.SOLVED)


def test_a_missing_customer_is_404(agent_client: Client) -> None:
    for name in ("tickets:write", "tickets:call"):
        assert agent_client.get(reverse(name, args=[999999])).status_code == 404


def test_a_stranger_is_sent_to_log_in(client: Client, customer: Customer) -> None:
    response = client.get(reverse("tickets:write", args=[customer.pk]))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_api_starts_an_e_mail_conversation(
    agent: User, api: ApiClient, customer: Customer
) -> None:
    response = api.post(
        f"/api/v1/customers/{customer.pk}/conversations",
        {"kind": "email", "subject": "Your parcel", "body": "It left today."},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "waiting"
    assert body["channel"] == "email"
    assert Ticket.objects.get(pk=body["id"]).assignee == agent


def test_the_api_logs_a_call(api: ApiClient, customer: Customer) -> None:
    response = api.post(
        f"/api/v1/customers/{customer.pk}/conversations",
        {"kind": "call", "subject": "Meter", "body": "Read out 12345.", "direction": "in"},
    )
    assert response.status_code == 201
    assert (response.json()["channel"], response.json()["status"]) == ("phone", "solved")


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"kind": "fax", "subject": "s", "body": "b"}, 422),
        ({"kind": "email", "subject": "", "body": "b"}, 422),
        ({"kind": "email", "subject": "s", "body": "b", "to": "other@example.com"}, 400),
        ({"kind": "call", "subject": "s", "body": "b", "keep_open": "yes"}, 422),
    ],
)
def test_the_api_refuses_bad_input_and_writes_nothing(
    api: ApiClient, customer: Customer, payload: dict[str, str], status: int
) -> None:
    response = api.post(f"/api/v1/customers/{customer.pk}/conversations", payload)
    assert response.status_code == status
    assert "detail" in response.json()
    assert not Ticket.objects.filter(customer=customer).exists()


def test_the_api_answers_404_for_a_missing_customer(api: ApiClient) -> None:
    response = api.post(
        "/api/v1/customers/999999/conversations", {"kind": "call", "subject": "s", "body": "b"}
    )
    assert response.status_code == 404
