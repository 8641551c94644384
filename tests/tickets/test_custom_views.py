import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.customers.field_services import customer_custom_set
from frontdesk.tickets.models import Message
from frontdesk.tickets.services import ticket_custom_set
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_ticket_page_shows_and_edits_its_details_inline(agent_client: Client) -> None:
    factories.custom_field(key="seats", kind="number", label="Seats")
    factories.custom_field(key="plan", kind="choice", choices=["basic", "pro"], label="Plan")
    ticket = factories.ticket()
    url = reverse("tickets:custom", kwargs={"ticket_id": ticket.pk})

    answer = agent_client.post(url, {"cf_seats": "1 200", "cf_plan": "pro"}, HTTP_HX_REQUEST="true")
    assert answer.status_code == 200
    card = answer.content.decode()
    assert 'id="ticket-custom"' in card
    assert "Seats" in card
    ticket.refresh_from_db()
    assert ticket.custom == {"seats": 1200, "plan": "pro"}
    assert Message.objects.filter(ticket=ticket, event__code="custom").count() == 1

    page = agent_client.get(reverse("tickets:detail", kwargs={"ticket_id": ticket.pk}))
    assert 'id="details_cf_seats"' in page.content.decode()


def test_a_bad_value_is_shown_next_to_its_field_and_nothing_changes(agent_client: Client) -> None:
    factories.custom_field(key="seats", kind="number", label="Seats")
    factories.custom_field(key="due", kind="date", label="Due")
    ticket = factories.ticket()
    url = reverse("tickets:custom", kwargs={"ticket_id": ticket.pk})
    answer = agent_client.post(
        url, {"cf_seats": "many", "cf_due": "2027-01-01"}, HTTP_HX_REQUEST="true"
    )
    assert 'id="details_cf_seats-error"' in answer.content.decode()
    assert "enter a number" in answer.content.decode()
    ticket.refresh_from_db()
    assert ticket.custom == {}
    assert agent_client.post(url, {"cf_seats": "many"}).status_code == 400


def test_the_ticket_list_shows_set_values_and_filters_by_them(
    agent_client: Client, agent: User
) -> None:
    factories.custom_field(key="seats", kind="number", label="Seats")
    factories.custom_field(key="region", label="Region")
    big, small = factories.ticket(subject="Big order"), factories.ticket(subject="Small order")
    ticket_custom_set(ticket=big, values={"seats": 50, "region": "Észak"}, actor=agent)
    ticket_custom_set(ticket=small, values={"seats": 2}, actor=agent)

    page = agent_client.get(reverse("tickets:list"), {"status": "", "cf_seats__min": "10"})
    text = page.content.decode()
    assert "Big order" in text
    assert "Small order" not in text
    assert "More filters" in text
    assert 'name="cf_seats__max"' in text
    assert "<dt>Region</dt>" in text
    found = agent_client.get(reverse("tickets:list"), {"status": "", "cf_region": "eszak"})
    assert "Big order" in found.content.decode()
    assert "Small order" not in found.content.decode()
    # A value that fits no number narrows nothing rather than failing the page.
    assert agent_client.get(reverse("tickets:list"), {"cf_seats__min": "x"}).status_code == 200


def test_the_customer_page_and_list_carry_custom_fields(agent_client: Client) -> None:
    factories.custom_field(key="renewal", kind="date", target="customer", label="Renewal")
    ada, bo = factories.customer(name="Ada"), factories.customer(name="Bo")
    customer_custom_set(customer=bo, values={"renewal": "2026-01-31"})
    url = reverse("customers:custom", kwargs={"customer_id": ada.pk})
    assert agent_client.post(url, {"cf_renewal": "2027-03-01"}).status_code == 302
    ada.refresh_from_db()
    assert ada.custom == {"renewal": "2027-03-01"}
    bad = agent_client.post(url, {"cf_renewal": "soon"})
    assert bad.status_code == 400
    assert 'id="details_cf_renewal-error"' in bad.content.decode()

    listed = agent_client.get(reverse("customers:list"), {"cf_renewal__min": "2027-01-01"})
    text = listed.content.decode()
    assert ">Ada<" in text
    assert ">Bo<" not in text
