from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from frontdesk.accounts.models import User
from frontdesk.accounts.services import presence_set
from frontdesk.macros.services import macro_save
from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = pytest.mark.django_db

# The whole page, whatever the number of tickets on it: sessions, the agent, presence, notices,
# the tickets with their customers, and (on the sweep) the macros once; on the queue, the notes
# colleagues left.
QUEUE_PAGE_QUERIES = 12
SWEEP_PAGE_QUERIES = 7


def test_the_desk_opens_on_the_queue(agent_client: Client) -> None:
    answer = agent_client.get("/desk/")
    assert answer.status_code == 302
    assert answer["Location"] == reverse("routing:queue")


def test_the_queue_page_lists_items_with_their_reasons(agent_client: Client) -> None:
    urgent = factories.ticket(subject="Charged twice", body="You charged me twice this month.")
    quick = factories.ticket(subject="Hours", body="What are your opening hours?")
    page = agent_client.get(reverse("routing:queue")).content.decode()
    assert page.index(urgent.reference) < page.index(quick.reference)
    assert "level 1: payment problem: charged twice" in page
    assert "quick win ~" in page


def test_a_question_a_macro_answers_says_so_on_its_queue_card(agent_client: Client) -> None:
    macro_save(
        code="delivery",
        language="en",
        name="Delivery area",
        text="We deliver receipt printers anywhere in Estonia, next working day.",
        questions=["Do you deliver to Narva?"],
    )
    factories.ticket(subject="Delivery", body="Do you deliver card readers to Tartu?")

    page = agent_client.get(reverse("routing:queue")).content.decode()

    assert "quick win, answered before: /delivery" in page


def test_the_queue_page_speaks_the_agents_language(client: Client) -> None:
    agent = factories.agent(language="hu")
    client.force_login(agent)
    factories.ticket(subject="Hours", body="What are your opening hours?")
    page = client.get(reverse("routing:queue"), HTTP_ACCEPT_LANGUAGE="hu").content.decode()
    assert "gyors válasz" in page
    assert "várakozik" in page


def test_a_polite_churn_letter_leads_the_queue_with_its_reason_in_the_agents_language(
    client: Client,
) -> None:
    agent = factories.agent(language="hu")
    client.force_login(agent)
    older = factories.ticket(subject="Export", body="How does the export to Excel work?")
    churn = factories.ticket(
        subject="Our contract",
        body="Kind regards. We are considering cancelling our contract at the end of the year.",
    )
    page = client.get(reverse("routing:queue"), HTTP_ACCEPT_LANGUAGE="hu").content.decode()
    assert page.index(churn.reference) < page.index(older.reference)
    assert "lemorzsolódási kockázat: „considering cancelling”" in page


def test_take_next_opens_the_ticket_it_gave(agent: User, agent_client: Client) -> None:
    presence_set(agent=agent, state="available")
    ticket = factories.ticket()
    answer = agent_client.post(reverse("routing:next"))
    assert answer.status_code == 302
    assert answer["Location"] == reverse("tickets:detail", kwargs={"ticket_id": ticket.pk})
    assert Ticket.objects.get(pk=ticket.pk).assignee == agent


def test_take_next_on_a_break_says_why(agent: User, agent_client: Client) -> None:
    presence_set(agent=agent, state="break")
    factories.ticket()
    page = agent_client.post(reverse("routing:next"), follow=True).content.decode()
    assert "Set yourself available to take work." in page
    assert not Ticket.objects.filter(assignee=agent).exists()


def test_the_presence_switch_sets_presence_and_goes_back(agent: User, agent_client: Client) -> None:
    answer = agent_client.post(
        reverse("routing:presence"), {"state": "available", "next": "/desk/tickets/"}
    )
    assert answer["Location"] == "/desk/tickets/"
    agent.refresh_from_db()
    assert agent.presence.state == "available"
    page = agent_client.get(reverse("routing:queue")).content.decode()
    assert 'value="available" selected' in page


def test_the_presence_switch_refuses_nonsense_and_foreign_redirects(
    agent: User, agent_client: Client
) -> None:
    answer = agent_client.post(
        reverse("routing:presence"),
        {"state": "asleep", "next": "https://evil.example/"},
        follow=True,
    )
    assert "Unknown presence" in answer.content.decode()
    assert answer.redirect_chain[0][0] == reverse("routing:queue")


def test_the_ticket_page_shows_its_sla_clock(agent_client: Client) -> None:
    ticket = factories.ticket()
    page = agent_client.get(reverse("tickets:detail", kwargs={"ticket_id": ticket.pk})).content
    assert b"first answer due in" in page


def _backlog_of_every_kind(count: int) -> None:
    # Each group of the sweep and each reason of the queue is drawn: an N+1 on any row shows.
    kinds = [
        ("Charged twice", "You charged me twice this month, see attached.", False),
        ("Hours", "What are your opening hours?", False),
        ("Invoice", "Please send the invoice again.", True),
        (
            "Import",
            "Since the update the import shows an error message, see attached. "
            "We checked the bank file and the rows, and there are three other problems too?",
            False,
        ),
    ]
    for n in range(count):
        subject, body, key = kinds[n % len(kinds)]
        factories.ticket(customer_=factories.customer(is_key=key), subject=subject, body=body)


def test_the_queue_page_costs_the_same_queries_for_many_tickets(
    agent_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    _backlog_of_every_kind(20)
    with django_assert_max_num_queries(QUEUE_PAGE_QUERIES):
        response = agent_client.get(reverse("routing:queue"))
    assert response.status_code == 200
    assert response.content.decode().count('<tr class="kind-') == 20


def test_the_sweep_page_costs_the_same_queries_for_many_tickets(
    agent_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    _backlog_of_every_kind(20)
    with django_assert_max_num_queries(SWEEP_PAGE_QUERIES):
        response = agent_client.get(reverse("routing:sweep"))
    assert response.status_code == 200
    assert response.content.decode().count('<span class="reference">') == 20
