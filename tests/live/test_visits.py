from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from frontdesk.live.models import Visit
from frontdesk.routing.services import presence_set
from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_visitor_takes_a_number_and_sees_the_expected_wait() -> None:
    factories.desk_open(lead=factories.agent(role="lead"), now=timezone.now())
    kiosk = Client()
    first = kiosk.post(reverse("live:kiosk"), {"name": "Anna Kask"}, follow=True)
    second = kiosk.post(reverse("live:kiosk"), {"name": ""}, follow=True)
    assert [v.number for v in Visit.objects.all()] == [1, 2]
    page = second.content.decode()
    assert '<p class="ticket-number">2</p>' in page
    # One visitor ahead, nobody at the desk yet: the default ten minutes, and only that wait
    # (not also the wait of someone taking a number now).
    assert "Expected wait: about 10 min." in page
    assert "Expected wait at the desk" not in page
    assert "1 person is ahead of you." in page
    assert '<p class="ticket-number">1</p>' in first.content.decode()
    assert "You are next." in first.content.decode()


def test_a_forged_number_link_is_not_found() -> None:
    assert Client().get("/visit/not-a-real-token/").status_code == 404


def test_visitors_come_before_written_work_and_take_next_calls_them_up(agent, api) -> None:  # type: ignore[no-untyped-def]
    factories.ticket(subject="Charged twice", body="You charged me twice this month.")
    Client().post(reverse("live:kiosk"), {"name": "Anna Kask"})
    visit = Visit.objects.get()
    presence_set(agent=agent, state="available")
    taken = api.post("/api/v1/queue/next", {}).json()
    assert taken["ticket_id"] == visit.ticket_id
    visit.refresh_from_db()
    assert visit.state == "serving"
    agent.presence.refresh_from_db()
    assert agent.presence.state == "visitor"


def test_an_agent_serving_a_visitor_gets_no_calls(agent, api) -> None:  # type: ignore[no-untyped-def]
    presence_set(agent=agent, state="visitor")
    api.post("/api/v1/calls/events", {"call_id": "c-1", "event": "ringing", "from_number": "1"})
    written = factories.ticket()
    taken = api.post("/api/v1/queue/next", {}).json()
    assert taken["ticket_id"] == written.pk


def test_a_served_visitor_solves_the_ticket_and_frees_the_agent(agent, agent_client) -> None:  # type: ignore[no-untyped-def]
    Client().post(reverse("live:kiosk"), {"name": "Anna Kask"})
    visit = Visit.objects.get()
    agent_client.post(reverse("visits:serve", kwargs={"ticket_id": visit.ticket_id}))
    page = agent_client.get(reverse("tickets:detail", kwargs={"ticket_id": visit.ticket_id}))
    assert "Visitor served" in page.content.decode()
    agent_client.post(reverse("visits:finish", kwargs={"ticket_id": visit.ticket_id}))
    visit.refresh_from_db()
    assert visit.state == "done"
    assert Ticket.objects.get(pk=visit.ticket_id).status == "solved"
    agent.presence.refresh_from_db()
    assert agent.presence.state == "available"
