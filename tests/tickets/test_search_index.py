"""Search through the database's text index, counts that stop counting, and keyset pages, on
whichever database the suite runs on."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import QuerySet
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.core import pagination
from frontdesk.customers.selectors import customer_list
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import TicketFilter, ticket_list
from frontdesk.tickets.services import queue_team_scope_set, ticket_note
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def found(agent: User, query: str) -> list[Ticket]:
    return list(ticket_list(actor=agent, filters=TicketFilter(query=query)))


def test_a_word_of_a_later_message_finds_the_ticket(agent: User) -> None:
    ticket = factories.ticket(subject="Delivery", body="Where is my parcel?")
    factories.ticket(subject="Invoice", body="Please send it again.")
    ticket_note(ticket=ticket, agent=agent, text="The courier lost it near Tartu.")
    assert found(agent, "tartu") == [ticket]
    assert found(agent, "courier parcel") == [ticket]


def test_words_are_found_with_or_without_their_accents(agent: User) -> None:
    estonian = factories.ticket(subject="Tellimus", body="Pakk jõudis kohale katkisena, öösel.")
    hungarian = factories.ticket(subject="Számla", body="Kétszer vonták le az árát.")
    bosnian = factories.ticket(subject="Narudžba", body="Paket je oštećen, molim povrat.")
    assert found(agent, "joudis") == [estonian]
    assert found(agent, "jõudis öösel") == [estonian]
    assert found(agent, "ketszer") == [hungarian]
    assert found(agent, "KÉTSZER számla") == [hungarian]
    assert found(agent, "ostecen narudzba") == [bosnian]


def test_a_hebrew_word_finds_the_ticket_with_or_without_its_vowel_points(agent: User) -> None:
    ticket = factories.ticket(subject="החזר כספי", body="החבילה הגיעה שבורה, אני רוצה החזר.")
    factories.ticket(subject="Refund", body="The parcel arrived broken.")
    assert found(agent, "החבילה") == [ticket]
    assert found(agent, "שבורה החזר") == [ticket]
    # Pointed text (niqqud) is folded like accents are.
    assert found(agent, "שְׁבוּרָה") == [ticket]


def test_the_start_and_the_middle_of_a_word_or_an_order_number_find_it(agent: User) -> None:
    ticket = factories.ticket(subject="Order 4471902 missing", body="Nothing came.")
    factories.ticket(subject="Order 5550001 late", body="Still waiting.")
    assert found(agent, "miss") == [ticket]
    assert found(agent, "7190") == [ticket]
    assert found(agent, "ssin") == [ticket]
    code = ticket.reference.removeprefix("FD-")
    assert ticket in found(agent, code[1:5])


def test_words_of_one_or_two_letters_still_narrow_the_search(agent: User) -> None:
    ticket = factories.ticket(subject="Tablet X9 broken", body="Screen cracked.")
    factories.ticket(subject="Tablet Z5 broken", body="Battery dead.")
    assert found(agent, "x9") == [ticket]
    assert found(agent, "tablet x9") == [ticket]


def test_a_ticket_changed_or_deleted_is_found_as_it_is_now(agent: User) -> None:
    ticket = factories.ticket(subject="Printer jammed", body="Paper stuck.")
    assert found(agent, "jammed") == [ticket]
    Ticket.objects.filter(pk=ticket.pk).update(search_text="printer fixed")
    assert found(agent, "jammed") == []
    assert found(agent, "fixed") == [ticket]
    Ticket.objects.filter(pk=ticket.pk).delete()
    assert found(agent, "fixed") == []


def test_search_shows_an_agent_only_the_tickets_of_their_teams(lead: User) -> None:
    ana = factories.agent(full_name="Ana")
    billing = factories.team(name="Billing", members=[ana])
    shipping = factories.team(name="Shipping")
    billed = factories.ticket(team_id=billing.pk, subject="Kaputt refund", body="Broken.")
    factories.ticket(team_id=shipping.pk, subject="Kaputt parcel", body="Broken.")
    queue_team_scope_set(actor=lead, team_scoped_on=True)
    assert found(ana, "kaputt") == [billed]
    assert len(found(lead, "kaputt")) == 2


def test_customers_are_found_by_name_address_and_phone_pieces(agent: User) -> None:
    kovacs = factories.customer(name="Kovács Ödön", email="odon.kovacs@example.hu")
    levi = factories.customer(name="Noa Levi", email="noa@example.co.il", phone="+972521234567")
    hebrew = factories.customer(name="נועה לוי", email="noa.levi@example.co.il")
    factories.customer(name="Mari Tamm", email="mari@example.ee")
    assert list(customer_list(query="kovacs odon")) == [kovacs]
    assert list(customer_list(query="kovacs@exa")) == [kovacs]
    assert list(customer_list(query="1234567")) == [levi]
    assert list(customer_list(query="052 123 4567")) == [levi]
    assert list(customer_list(query="נועה")) == [hebrew]


def test_the_count_is_exact_up_to_the_threshold_and_an_estimate_past_it(
    agent: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(6):
        factories.ticket(subject="Counted", body="One of six.")
    tickets = ticket_list(actor=agent)
    monkeypatch.setattr(pagination, "COUNT_EXACT_UP_TO", 6)
    assert pagination.count_estimated(tickets) == pagination.Count(6, estimate=False)
    monkeypatch.setattr(pagination, "COUNT_EXACT_UP_TO", 5)
    estimated = pagination.count_estimated(tickets)
    assert estimated.estimate
    assert estimated.value >= 6


def test_the_api_says_when_its_count_is_an_estimate(
    api: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(3):
        factories.ticket(subject="Counted", body="One of three.")
    exact = api.get("/api/v1/tickets").json()
    assert (exact["count"], exact["count_is_estimate"]) == (3, False)
    monkeypatch.setattr(pagination, "COUNT_EXACT_UP_TO", 2)
    estimated = api.get("/api/v1/tickets").json()
    assert estimated["count_is_estimate"] is True
    assert estimated["count"] >= 3


def test_keyset_pages_cover_every_ticket_once_in_order_while_tickets_arrive(
    api: ApiClient,
) -> None:
    now = timezone.now()
    # Several tickets share a moment, so the id must break the tie.
    for n in range(9):
        factories.ticket(subject=f"Ticket {n}", created_at=now - timedelta(minutes=n // 3))
    expected = list(Ticket.objects.order_by("-created_at", "-id").values_list("pk", flat=True))
    seen: list[int] = []
    page = api.get("/api/v1/tickets", limit=2).json()
    while True:
        seen += [item["id"] for item in page["items"]]
        # A ticket arrives between two pages: newer than those read, it moves every offset.
        factories.ticket(subject="Arrived meanwhile", created_at=now + timedelta(minutes=1))
        if page["next"] is None:
            break
        page = api.get("/api/v1/tickets", limit=2, after=page["next"]).json()
    assert seen == expected


def test_keyset_pages_of_a_search_keep_its_ranking(api: ApiClient) -> None:
    exact = factories.ticket(subject="Laptop", body="Nothing about it.")
    for n in range(4):
        factories.ticket(subject=f"About {exact.reference} number {n}", body="Refers to it.")
    first = api.get("/api/v1/tickets", q=exact.reference, limit=2).json()
    assert first["items"][0]["id"] == exact.pk
    ids = [item["id"] for item in first["items"]]
    page = first
    while page["next"]:
        page = api.get("/api/v1/tickets", q=exact.reference, limit=2, after=page["next"]).json()
        ids += [item["id"] for item in page["items"]]
    assert len(ids) == len(set(ids)) == 5


def test_keyset_pages_of_customers_cover_every_customer_once(api: ApiClient) -> None:
    for name in ("Ödön", "Ana", "Ana", "Béla", "Zoé"):
        factories.customer(name=name)
    expected = [item["id"] for item in api.get("/api/v1/customers", limit=50).json()["items"]]
    ids: list[int] = []
    page = api.get("/api/v1/customers", limit=2).json()
    ids += [item["id"] for item in page["items"]]
    while page["next"]:
        page = api.get("/api/v1/customers", limit=2, after=page["next"]).json()
        ids += [item["id"] for item in page["items"]]
    assert ids == expected
    assert len(ids) == 5


def test_a_cursor_that_was_not_given_is_refused(api: ApiClient) -> None:
    factories.ticket(subject="Any")
    for cursor in ("not-a-cursor", "WzFd", "W10"):
        answer = api.get("/api/v1/tickets", after=cursor)
        assert answer.status_code == 400, cursor


def test_the_ticket_list_page_says_about_past_the_threshold(
    agent_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(3):
        factories.ticket(subject="Counted", body="One of three.")
    assert "3 tickets" in agent_client.get(reverse("tickets:list")).content.decode()
    monkeypatch.setattr(pagination, "COUNT_EXACT_UP_TO", 2)
    # PostgreSQL's estimate for a table it has not analysed yet may be far off; never below 3.
    shown = agent_client.get(reverse("tickets:list")).content.decode()
    estimate = re.search(r"about ([\d,]+) tickets", shown)
    assert estimate is not None
    assert int(estimate.group(1).replace(",", "")) >= 3


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite re-creates a table to alter it")
@pytest.mark.django_db(transaction=True)
def test_a_migration_that_rebuilds_the_tickets_table_keeps_search_in_step(agent: User) -> None:
    ticket = factories.ticket(subject="Printer jammed", body="Paper stuck.")
    with connection.schema_editor() as editor:
        # What AlterField does on SQLite (the stubs do not know this private method).
        editor._remake_table(Ticket)  # type: ignore[attr-defined]
    call_command("migrate", verbosity=0)
    Ticket.objects.filter(pk=ticket.pk).update(search_text="printer fixed")
    assert found(agent, "fixed") == [ticket]
    assert found(agent, "jammed") == []


def _plan(rows: QuerySet[Ticket, Any]) -> str:
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        # Whether the planner *can* answer from an index's conditions: with reading a whole
        # table (or a whole index in its order) priced out, it still does so when the query
        # leaves it no other way; a handful of rows tells that as well as many.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(line for (line,) in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
@pytest.mark.parametrize("query", ["parcel courier", "ildko szabo", "FD-ABCDEF", "5hl", "cohne"])
def test_every_kind_of_search_can_be_answered_from_an_index(agent: User, query: str) -> None:
    customer = factories.customer(name="Ildikó Szabó")
    factories.ticket(customer_=customer, subject="Delivery", body="The courier lost my parcel.")
    rows = ticket_list(actor=agent, filters=TicketFilter(query=query))
    # The words, a typo of the customer's name and a merged ticket's reference each come
    # through an index under one OR, not by testing every ticket's text; the page and its count.
    for plan in (_plan(rows[:50]), _plan(rows.order_by().values("pk")[:10001])):
        assert "Seq Scan on tickets_ticket" not in plan
        assert "ticket_search_trigram" in plan
