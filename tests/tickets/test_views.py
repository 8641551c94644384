import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from frontdesk.accounts.models import User
from frontdesk.tickets.choices import Status
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_third_party_reply
from tests import factories

pytestmark = pytest.mark.django_db


def test_desk_pages_need_a_log_in() -> None:
    response = Client().get("/desk/tickets/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_an_agent_logs_in_with_a_password() -> None:
    factories.agent(username="kati", password="a-good-password")
    client = Client()
    bad = client.post("/accounts/login/", {"username": "kati", "password": "wrong"})
    assert bad.status_code == 200
    assert "do not match" in bad.content.decode()
    good = client.post("/accounts/login/", {"username": "kati", "password": "a-good-password"})
    assert good.status_code == 302


def test_the_list_costs_the_same_queries_for_many_tickets(
    agent_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for _ in range(30):
        factories.ticket()
    # 8, the sidebar's views (the agent's teams, their views, a count for each built-in
    # one), the agents to assign to, the desk's custom fields, and access by team.
    with django_assert_max_num_queries(15):
        response = agent_client.get("/desk/tickets/")
    assert response.status_code == 200
    assert response.content.decode().count('class="level-') == 30


def test_htmx_gets_only_the_table(agent_client: Client) -> None:
    factories.ticket(subject="Printer on fire")
    response = agent_client.get("/desk/tickets/?q=printer", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Printer on fire" in html
    assert "<html" not in html


def test_reply_from_the_ticket_page(agent_client: Client) -> None:
    ticket = factories.ticket()
    response = agent_client.post(
        f"/desk/tickets/{ticket.pk}/reply/", {"body": "Done!", "status": Status.SOLVED}
    )
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Status.SOLVED
    assert ticket.messages.reverse()[0].text == "Done!"


def test_an_empty_reply_is_refused_next_to_the_field(agent_client: Client) -> None:
    ticket = factories.ticket()
    response = agent_client.post(
        f"/desk/tickets/{ticket.pk}/reply/", {"body": "", "status": Status.SOLVED}
    )
    assert response.status_code == 400
    assert "id_body-error" in response.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.NEW


def test_status_and_assignee_change_through_htmx(agent_client: Client, agent: User) -> None:
    ticket = factories.ticket()
    response = agent_client.post(
        f"/desk/tickets/{ticket.pk}/properties/", {"assignee": agent.pk}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'id="ticket-properties"' in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.assignee_id == agent.pk
    assert ticket.status == Status.OPEN


def test_unknown_ticket_is_404(agent_client: Client) -> None:
    assert agent_client.get("/desk/tickets/987654/").status_code == 404


def test_ticket_page_shows_the_customer_memory(agent_client: Client) -> None:
    customer = factories.customer(name="Rami Cohen", is_key=True)
    older = factories.ticket(customer_=customer, subject="Earlier problem")
    ticket = factories.ticket(customer_=customer, subject="New problem")
    html = agent_client.get(f"/desk/tickets/{ticket.pk}/").content.decode()
    assert "Rami Cohen" in html
    assert "Key customer" in html
    assert older.reference in html


def test_agent_pages_use_the_agents_language() -> None:
    agent = factories.agent(language="he")
    client = Client()
    client.force_login(agent)
    html = client.get("/desk/tickets/").content.decode()
    assert 'dir="rtl"' in html


def test_a_message_from_someone_else_is_marked_with_its_real_address(agent_client: Client) -> None:
    ticket = factories.ticket(channel="email")
    colleague = factories.customer(name="victim@bank.example", email="colin@bank.example")
    ticket_third_party_reply(
        ticket=ticket,
        sender=colleague,
        text="I am her colleague.",
        flags=["misleading-name", "nul-removed", "too-deep"],
        from_address="colin@bank.example",
    )
    page = agent_client.get(f"/desk/tickets/{ticket.pk}/").content.decode()
    assert "Not the ticket’s customer" in page
    assert "colin@bank.example" in page
    assert "Sender name shows another address" in page
    assert "NUL characters removed" in page
    assert "Parts nested too deeply were not read" in page
