from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.accounts.services import presence_set
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_set_status
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def _aged(ticket: Ticket, hours: float) -> Ticket:
    """The ticket as if it had arrived `hours` ago."""
    from frontdesk.tickets.services import ticket_queue_place

    Ticket.objects.filter(pk=ticket.pk).update(
        created_at=timezone.now() - timedelta(hours=hours),
        queue_since=timezone.now() - timedelta(hours=hours),
    )
    ticket.refresh_from_db()
    return ticket_queue_place(ticket=ticket)


@pytest.fixture
def desk() -> dict[str, Ticket]:
    plain = _aged(
        factories.ticket(
            subject="Old data", body="Please move our old invoices into the new account."
        ),
        5,
    )
    quick = _aged(factories.ticket(subject="Hours", body="What are your opening hours?"), 2)
    urgent = _aged(
        factories.ticket(subject="Charged twice", body="You charged my card twice this month."), 1
    )
    key = _aged(
        factories.ticket(
            customer_=factories.customer(is_key=True),
            subject="Report",
            body="Please add a project column to our monthly report.",
        ),
        3,
    )
    return {"plain": plain, "quick": quick, "urgent": urgent, "key": key}


def test_the_queue_is_in_order_and_says_why(api: ApiClient, desk: dict[str, Ticket]) -> None:
    answer = api.get("/api/v1/queue")
    assert answer.status_code == 200
    items = answer.json()["items"]
    # The key customer's 8-minute question leads the same size of work by an hour, so the
    # plain one, two hours older, goes first.
    assert [i["ticket_id"] for i in items] == [
        desk["urgent"].pk,
        desk["quick"].pk,
        desk["plain"].pk,
        desk["key"].pk,
    ]
    assert [i["position"] for i in items] == [1, 2, 3, 4]
    assert items[0]["kind"] == "ticket"
    assert items[0]["reasons"][0] == "level 1: payment problem: charged twice"
    assert items[1]["reasons"][0].startswith("quick win ~")
    assert items[2]["reasons"] == ["about 8 min of work", "waiting 5 h"]
    assert items[3]["reasons"] == ["about 8 min of work", "key customer", "waiting 3 h"]


def test_the_queue_honours_its_limit(api: ApiClient, desk: dict[str, Ticket]) -> None:
    assert len(api.get("/api/v1/queue", limit=2).json()["items"]) == 2
    assert api.get("/api/v1/queue", limit=0).status_code == 422


def test_take_next_assigns_items_in_order_then_answers_204(
    api: ApiClient, agent: User, desk: dict[str, Ticket]
) -> None:
    presence_set(agent=agent, state="available")
    taken = [api.post("/api/v1/queue/next", {}) for _ in range(5)]
    assert [t.status_code for t in taken] == [200, 200, 200, 200, 204]
    first = taken[0].json()
    assert first["ticket_id"] == desk["urgent"].pk
    assert first["ticket"]["assignee"]["username"] == agent.username
    assert first["ticket"]["status"] == "open"
    assert [t.json()["ticket_id"] for t in taken[1:4]] == [
        desk["quick"].pk,
        desk["plain"].pk,
        desk["key"].pk,
    ]


def test_nobody_on_a_break_gets_new_work(
    api: ApiClient, agent: User, desk: dict[str, Ticket]
) -> None:
    presence_set(agent=agent, state="break")
    answer = api.post("/api/v1/queue/next", {})
    assert answer.status_code == 400
    assert answer.json() == {
        "detail": "Your presence is “On a break”. Set yourself available to take work."
    }
    assert not Ticket.objects.filter(assignee=agent).exists()


def test_an_agent_who_never_said_is_off_shift(api: ApiClient, desk: dict[str, Ticket]) -> None:
    answer = api.post("/api/v1/queue/next", {})
    assert answer.status_code == 400
    assert "“Off shift”" in answer.json()["detail"]


def test_presence_is_set_and_checked(api: ApiClient, agent: User) -> None:
    answer = api.post("/api/v1/presence", {"state": "visitor"})
    assert answer.status_code == 200
    assert answer.json()["state"] == "visitor"
    assert agent.presence.state == "visitor"
    assert api.post("/api/v1/presence", {"state": "asleep"}).status_code == 422


def test_a_ticket_waiting_on_the_customer_leaves_the_queue(
    api: ApiClient, agent: User, desk: dict[str, Ticket]
) -> None:
    ticket_set_status(ticket=desk["urgent"], actor=agent, status="waiting")
    ids = [i["ticket_id"] for i in api.get("/api/v1/queue").json()["items"]]
    assert desk["urgent"].pk not in ids


def test_another_teams_work_is_not_offered(api: ApiClient, agent: User) -> None:
    other = factories.team(name="Billing")
    ticket = factories.ticket()
    Ticket.objects.filter(pk=ticket.pk).update(team=other)
    assert api.get("/api/v1/queue").json()["items"] == []
    other.members.add(agent)
    assert [i["ticket_id"] for i in api.get("/api/v1/queue").json()["items"]] == [ticket.pk]


def test_a_customer_who_becomes_key_moves_up_the_queue(api: ApiClient) -> None:
    from frontdesk.customers.services import customer_update

    # Half an hour older, the same size of work: a key customer's hour of head start passes it.
    older = _aged(factories.ticket(subject="Data", body="Please move our old invoices over."), 1.5)
    customer = factories.customer(name="Big Client")
    newer = _aged(
        factories.ticket(
            customer_=customer, subject="Data", body="Please move our old orders over."
        ),
        1,
    )
    before = [i["ticket_id"] for i in api.get("/api/v1/queue").json()["items"]]
    assert before == [older.pk, newer.pk]
    customer_update(
        customer=customer,
        name=customer.name,
        organisation="",
        preferred_language="",
        is_key=True,
        notes="",
        tags=[],
    )
    after = [i["ticket_id"] for i in api.get("/api/v1/queue").json()["items"]]
    assert after == [newer.pk, older.pk]
