"""Live contacts that the phone system or the desk never closed: they expire, and an agent who
steps away hands theirs on."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from frontdesk.accounts.models import User
from frontdesk.accounts.services import presence_set
from frontdesk.core.clock import desk_today
from frontdesk.live.models import Call, Visit
from frontdesk.live.selectors import visits_waiting
from frontdesk.live.services import call_event_record, visit_create, visit_serve
from frontdesk.periodic.registry import JOBS
from frontdesk.periodic.services import periodic_due_enqueue
from frontdesk.schedules.services import break_step_away
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db

LIVE_JOBS = [job for job in JOBS if job.name == "live-contacts"]


def worker_tick() -> None:
    """What a worker's clock does every minute, for the live contacts' job only."""
    periodic_due_enqueue(now=timezone.now(), jobs=LIVE_JOBS)


def test_a_call_that_rang_40_minutes_ago_is_a_call_back_not_live(
    api: ApiClient, settings: Settings
) -> None:
    settings.CALL_RING_MINUTES = 10
    now = timezone.now()
    old = call_event_record(
        call_id="c-40",
        event="ringing",
        from_number="+372 5555 0101",
        at=now - timedelta(minutes=40),
    )
    fresh = call_event_record(call_id="c-1", event="ringing", from_number="+372 5555 0202")
    worker_tick()
    items = {i["ticket_id"]: i for i in api.get("/api/v1/queue").json()["items"]}
    assert items[old.ticket_id]["kind"] == "callback"
    assert items[fresh.ticket_id]["kind"] == "live"
    old.refresh_from_db()
    assert old.state == "missed"
    assert old.timed_out_at is not None
    note = Ticket.objects.get(call=old).messages.filter(direction="note").last()
    assert note is not None
    assert note.event["code"] == "call_unanswered"
    assert "+372 5555 0101" in note.text


def test_a_call_answered_after_the_desk_gave_up_is_the_agents_again(
    api: ApiClient, agent: User, settings: Settings
) -> None:
    settings.CALL_RING_MINUTES = 10
    presence_set(agent=agent, state="available")
    call_event_record(call_id="c-2", event="ringing", at=timezone.now() - timedelta(minutes=15))
    worker_tick()
    answered = call_event_record(call_id="c-2", event="answered", agent=agent)
    assert answered.state == "answered"
    ticket = Ticket.objects.get(call=answered)
    assert (ticket.queue_kind, ticket.assignee) == ("ticket", agent)


def test_a_call_never_hung_up_is_closed_and_frees_the_agent(
    agent: User, settings: Settings
) -> None:
    settings.CALL_TALK_MINUTES = 120
    presence_set(agent=agent, state="available")
    started = timezone.now() - timedelta(hours=3)
    call_event_record(call_id="c-3", event="ringing", at=started)
    call_event_record(call_id="c-3", event="answered", agent=agent, at=started)
    agent.presence.refresh_from_db()
    assert agent.presence.state == "call"
    worker_tick()
    call = Call.objects.get(call_id="c-3")
    assert call.state == "ended"
    assert call.timed_out_at is not None
    agent.presence.refresh_from_db()
    assert agent.presence.state == "available"
    # The conversation happened: its ticket stays with the agent who took it.
    assert Ticket.objects.get(call=call).assignee == agent


def test_the_answering_agent_owns_the_call_not_the_one_it_first_rang_for(agent: User) -> None:
    other = factories.agent()
    call_event_record(call_id="c-4", event="ringing", agent=other)
    answered = call_event_record(call_id="c-4", event="answered", agent=agent)
    assert answered.agent == agent
    assert Ticket.objects.get(call=answered).assignee == agent


def test_a_visitor_waiting_for_hours_is_taken_as_gone(settings: Settings) -> None:
    settings.VISIT_WAIT_MINUTES = 180
    gone = visit_create(name="Anna Kask", at=timezone.now() - timedelta(hours=5))
    here = visit_create(name="Mari Maasikas")
    worker_tick()
    gone.refresh_from_db()
    assert gone.state == "left"
    assert gone.timed_out_at is not None
    ticket = Ticket.objects.get(visit=gone)
    assert ticket.queue_key is None
    assert ticket.status == "closed"
    assert Visit.objects.get(pk=here.pk).state == "waiting"
    # Only the visitor still here counts towards the wait a newcomer is told.
    assert visits_waiting(day=desk_today()) == 1


def test_a_visit_never_marked_served_is_closed_and_frees_the_agent(
    agent: User, settings: Settings
) -> None:
    settings.VISIT_SERVE_MINUTES = 120
    visit = visit_create(name="Anna Kask", at=timezone.now() - timedelta(hours=4))
    visit_serve(visit=visit, agent=agent)
    Visit.objects.filter(pk=visit.pk).update(served_at=timezone.now() - timedelta(hours=3))
    worker_tick()
    visit.refresh_from_db()
    assert visit.state == "done"
    assert visit.timed_out_at is not None
    agent.presence.refresh_from_db()
    assert agent.presence.state == "available"


def test_stepping_away_during_a_call_leaves_a_call_back_for_the_team(
    api: ApiClient, agent: User
) -> None:
    colleague = factories.agent()
    presence_set(agent=agent, state="available")
    call_event_record(call_id="c-5", event="ringing", from_number="+372 5555 0303")
    call = call_event_record(call_id="c-5", event="answered", agent=agent)
    break_step_away(agent=agent, reason="emergency", minutes=30)
    call.refresh_from_db()
    assert call.state == "ended"
    ticket = Ticket.objects.get(call=call)
    assert ticket.assignee is None
    assert ticket.queue_kind == "callback"
    presence_set(agent=colleague, state="available")
    colleagues = api.get("/api/v1/queue").json()["items"]
    assert colleagues[0]["ticket_id"] == ticket.pk
    note = ticket.messages.filter(direction="note", event__code="call_released").get()
    assert "+372 5555 0303" in note.text


def test_stepping_away_from_a_visitor_puts_them_first_for_the_next_agent(agent: User) -> None:
    colleague = factories.agent()
    visit = visit_create(name="Anna Kask")
    visit_serve(visit=visit, agent=agent)
    break_step_away(agent=agent, reason="emergency", minutes=30)
    visit.refresh_from_db()
    assert visit.state == "waiting"
    ticket = Ticket.objects.get(visit=visit)
    assert ticket.assignee is None
    assert ticket.queue_kind == "live"
    presence_set(agent=colleague, state="available")
    from frontdesk.routing.services import queue_take_next

    taken = queue_take_next(agent=colleague)
    assert taken is not None
    assert taken.pk == ticket.pk
    assert Visit.objects.get(pk=visit.pk).state == "serving"


def test_a_visitor_who_left_is_marked_so_from_the_ticket(agent_client: Client) -> None:
    Client().post(reverse("live:kiosk"), {"name": "Anna Kask"})
    visit = Visit.objects.get()
    page = agent_client.get(reverse("tickets:detail", kwargs={"ticket_id": visit.ticket_id}))
    assert "Not here any more" in page.content.decode()
    agent_client.post(reverse("visits:left", kwargs={"ticket_id": visit.ticket_id}))
    visit.refresh_from_db()
    assert visit.state == "left"
    assert Ticket.objects.get(visit=visit).queue_key is None


def test_the_ticket_page_words_what_the_desk_did_in_the_agents_language(settings: Settings) -> None:
    settings.CALL_RING_MINUTES = 10
    call = call_event_record(
        call_id="c-6",
        event="ringing",
        from_number="+372 5555 0404",
        at=timezone.now() - timedelta(minutes=40),
    )
    worker_tick()
    client = Client()
    client.force_login(factories.agent(language="he"))
    page = client.get(reverse("tickets:detail", kwargs={"ticket_id": call.ticket_id}))
    # The number keeps its own direction, and its line, inside the Hebrew sentence.
    number = "\u2066+372\u00a05555\u00a00404\u2069"
    assert f"לא נענתה תוך 10 דק׳: לחזור אל {number}" in page.content.decode()
