"""Searching the ticket list as people type, on whichever database the suite runs on."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.customers.services import customer_update
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import TicketFilter, ticket_list
from frontdesk.tickets.services import ticket_note, ticket_update
from tests import factories

pytestmark = pytest.mark.django_db


def found(agent: User, query: str) -> list[Ticket]:
    return list(ticket_list(actor=agent, filters=TicketFilter(query=query)))


@pytest.fixture
def desk() -> dict[str, Ticket]:
    ildiko = factories.customer(name="Szabó Ildikó", email="ildiko@example.hu")
    cohen = factories.customer(name="David Cohen", email="david@example.co.il")
    other = factories.customer(name="Mari Tamm", email="mari@example.ee")
    return {
        "ildiko": factories.ticket(
            customer_=ildiko, subject="Számla", body="A csomag sérült volt, kérem cseréljék ki."
        ),
        "cohen": factories.ticket(
            customer_=cohen, subject="Refund", body="The parcel arrived crushed yesterday."
        ),
        "other": factories.ticket(customer_=other, subject="Password", body="I cannot log in."),
    }


def test_a_reference_finds_its_ticket_without_prefix_and_in_any_case(
    agent: User, desk: dict[str, Ticket]
) -> None:
    ticket = desk["cohen"]
    code = ticket.reference.removeprefix("FD-")
    for query in (ticket.reference, code, code.lower(), f" fd-{code.lower()} "):
        assert found(agent, query)[0] == ticket


def test_words_from_the_messages_find_the_ticket(agent: User, desk: dict[str, Ticket]) -> None:
    assert found(agent, "crushed parcel") == [desk["cohen"]]
    assert found(agent, "csomag serult") == [desk["ildiko"]]


def test_a_later_message_and_a_note_are_searched_too(agent: User, desk: dict[str, Ticket]) -> None:
    assert found(agent, "warehouse") == []
    ticket_note(ticket=desk["other"], agent=agent, text="Ask the warehouse about it.")
    assert found(agent, "warehouse") == [desk["other"]]


def test_names_are_found_in_either_order_and_without_accents(
    agent: User, desk: dict[str, Ticket]
) -> None:
    for query in ("Szabó Ildikó", "Ildikó Szabó", "szabo ildiko", "ILDIKO", "ildiko szamla"):
        assert found(agent, query) == [desk["ildiko"]], query


def test_every_word_must_match_somewhere(agent: User, desk: dict[str, Ticket]) -> None:
    assert found(agent, "ildiko refund") == []


def test_small_typos_still_find_the_ticket(agent: User, desk: dict[str, Ticket]) -> None:
    assert found(agent, "Ildko Szabo") == [desk["ildiko"]]
    assert found(agent, "Cohne") == [desk["cohen"]]


def test_exact_reference_comes_first_then_all_words_then_typos(agent: User) -> None:
    typo = factories.ticket(customer_=factories.customer(name="Anna Berger"), subject="Lost")
    words = factories.ticket(subject="Bergre invoice", body="Nothing came.")
    named = factories.ticket(subject="Question", body="Nothing came.")
    # The ticket whose reference is typed holds the word "bergre" too, yet comes first.
    ticket_update(ticket=named, actor=agent, subject="Bergre")
    assert found(agent, named.reference.removeprefix("FD-"))[0] == named
    assert found(agent, "bergre") == [named, words, typo]


def test_a_typo_is_looked_for_in_names_not_in_message_words(
    agent: User, desk: dict[str, Ticket]
) -> None:
    assert found(agent, "parcle crushed") == []


def test_a_renamed_customer_s_tickets_are_found_by_the_new_name(
    agent: User, desk: dict[str, Ticket]
) -> None:
    customer = desk["other"].customer
    customer_update(
        customer=customer,
        name="Mari Kask",
        organisation="Elering",
        preferred_language="et",
        is_key=False,
        notes="",
        tags=[],
    )
    assert found(agent, "kask elering") == [desk["other"]]


def test_a_subject_changed_later_is_searched(agent: User, desk: dict[str, Ticket]) -> None:
    ticket_update(ticket=desk["other"], actor=agent, subject="Two-factor code never arrives")
    assert found(agent, "two-factor") == [desk["other"]]


@pytest.mark.parametrize(
    "query",
    ["?!.,;", "9223372036854775808", "szabo\x00", "ildiko " * 80, "%_%", "' OR 1=1 --"],
)
def test_odd_input_finds_nothing_and_breaks_nothing(
    agent: User, agent_client: Client, desk: dict[str, Ticket], query: str
) -> None:
    assert desk["other"] not in found(agent, query)
    response = agent_client.get(reverse("tickets:list"), {"q": query})
    assert response.status_code == 200


def test_a_query_that_matches_nothing_finds_nothing(agent: User, desk: dict[str, Ticket]) -> None:
    assert found(agent, "xylophone") == []


def test_search_keeps_the_other_filters(agent: User, desk: dict[str, Ticket]) -> None:
    filters = TicketFilter(query="cohen", channel="phone")
    assert list(ticket_list(actor=agent, filters=filters)) == []


def test_the_ticket_list_page_shows_what_the_search_finds(
    agent_client: Client, desk: dict[str, Ticket]
) -> None:
    response = agent_client.get(reverse("tickets:list"), {"q": "ildiko szabo"})
    assert desk["ildiko"].reference in response.content.decode()
    assert desk["cohen"].reference not in response.content.decode()


def test_tickets_older_than_the_typo_candidates_are_still_found_by_exact_words(
    agent: User,
) -> None:
    ticket = factories.ticket(
        subject="Old matter", body="Quokka", created_at=timezone.now() - timedelta(days=900)
    )
    assert found(agent, "quokka") == [ticket]
