from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from frontdesk.accounts.models import User
from frontdesk.accounts.services import presence_set
from frontdesk.live.models import Call
from frontdesk.sla.services import business_hours_set
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.conftest import ApiClient

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db


def event(api: ApiClient, call_id: str, name: str, **extra: object) -> Response:
    return api.post(
        "/api/v1/calls/events",
        {"call_id": call_id, "event": name, "from_number": "+372 5555 0101", **extra},
    )


def test_a_ringing_call_is_live_work_at_the_top_of_the_queue(api: ApiClient, agent: User) -> None:
    factories.ticket(subject="Charged twice", body="You charged me twice this month.")
    answer = event(api, "c-1", "ringing")
    assert answer.status_code == 200
    call = answer.json()
    assert call["state"] == "ringing"
    items = api.get("/api/v1/queue").json()["items"]
    assert items[0]["ticket_id"] == call["ticket_id"]
    assert items[0]["kind"] == "live"
    assert items[0]["reasons"][0] == "live contact"


def test_the_caller_is_matched_to_the_customer_with_that_number(api: ApiClient) -> None:
    known = factories.customer(name="Mari Maasikas", phone="+372 5555 0101")
    assert event(api, "c-2", "ringing").json()["customer_id"] == known.pk


def test_repeated_and_late_events_change_nothing(api: ApiClient, agent: User) -> None:
    first = event(api, "c-3", "ringing").json()
    event(api, "c-3", "ringing")
    event(api, "c-3", "answered", agent=agent.username)
    late = event(api, "c-3", "ringing").json()
    assert late["state"] == "answered"
    assert Ticket.objects.filter(channel="phone").count() == 1
    assert late["ticket_id"] == first["ticket_id"]
    assert [e["event"] for e in Call.objects.get(call_id="c-3").events] == [
        "ringing",
        "ringing",
        "answered",
        "ringing",
    ]


def test_an_answered_call_is_the_agents_and_puts_them_on_a_call(
    api: ApiClient, agent: User
) -> None:
    presence_set(agent=agent, state="available")
    event(api, "c-4", "ringing")
    answered = event(api, "c-4", "answered", agent=agent.username).json()
    ticket = Ticket.objects.get(pk=answered["ticket_id"])
    assert ticket.assignee == agent
    assert ticket.queue_kind == "ticket"
    agent.presence.refresh_from_db()
    assert agent.presence.state == "call"
    event(api, "c-4", "ended")
    agent.presence.refresh_from_db()
    assert agent.presence.state == "available"


def test_a_missed_call_becomes_a_call_back_at_the_top_of_the_written_queue(api: ApiClient) -> None:
    urgent = factories.ticket(subject="Charged twice", body="You charged me twice this month.")
    event(api, "c-5", "ringing")
    missed = event(api, "c-5", "missed").json()
    ticket = Ticket.objects.get(pk=missed["ticket_id"])
    assert ticket.queue_kind == "callback"
    items = api.get("/api/v1/queue").json()["items"]
    assert [i["ticket_id"] for i in items[:2]] == [ticket.pk, urgent.pk]
    assert items[0]["reasons"][0] == "call-back for a missed call"
    notes = ticket.messages.filter(direction="note").values_list("text", flat=True)
    assert any("call back +372 5555 0101" in note for note in notes)


def test_a_missed_call_reads_on_the_desks_clock(api: ApiClient, settings: Settings) -> None:
    settings.TIME_ZONE = "UTC"
    lead = factories.agent(role="lead", language="et")
    business_hours_set(
        actor=lead,
        team=None,
        time_zone="Europe/Tallinn",
        windows={str(day): [["09:00", "17:00"]] for day in range(5)},
    )
    # Yesterday at 12:30 UTC: the phone system posts only times near now.
    noon = (timezone.now() - timedelta(days=1)).replace(hour=12, minute=30, second=0, microsecond=0)
    event(api, "c-8", "ringing", at=(noon - timedelta(minutes=1)).isoformat())
    missed = event(api, "c-8", "missed", at=noon.isoformat()).json()
    client = Client()
    client.force_login(lead)
    page = client.get(reverse("tickets:detail", args=[missed["ticket_id"]])).content.decode()
    # 12:30 UTC on the desk's clock: 14:30 in Tallinn in winter, 15:30 in summer.
    at_desk = noon.astimezone(ZoneInfo("Europe/Tallinn")).strftime("%H:%M")
    assert f"Vastamata kõne kell {at_desk}" in page


def test_a_call_that_ends_unanswered_is_missed(api: ApiClient) -> None:
    event(api, "c-6", "ringing")
    assert event(api, "c-6", "ended").json()["state"] == "missed"


def test_a_first_event_other_than_ringing_still_opens_one_ticket(
    api: ApiClient, agent: User
) -> None:
    answered = event(api, "c-7", "answered", agent=agent.username).json()
    assert answered["state"] == "answered"
    assert Ticket.objects.get(pk=answered["ticket_id"]).assignee == agent


def test_a_call_event_for_an_unknown_agent_is_refused_saying_so_and_leaves_nothing(
    api: ApiClient,
) -> None:
    body = {"call_id": "c-8", "event": "ringing", "agent": "nobody"}
    answer = api.post("/api/v1/calls/events", body)
    assert answer.status_code == 400
    assert "unknown agent 'nobody'" in answer.json()["detail"]
    assert not Call.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"call_id": "c-8", "event": "exploded"},
        {"call_id": "", "event": "ringing"},
    ],
)
def test_bad_call_events_are_refused_and_leave_nothing(
    api: ApiClient, body: dict[str, str]
) -> None:
    answer = api.post("/api/v1/calls/events", body)
    assert answer.status_code == 422
    assert "detail" in answer.json()
    assert not Call.objects.exists()


def _from_now(shift: timedelta, zone: str = "UTC") -> str:
    """A moment `shift` from now, in ISO 8601 with the zone's offset (read when the test runs)."""
    return (timezone.now() + shift).astimezone(ZoneInfo(zone)).isoformat()


@pytest.mark.parametrize(
    "at",
    [
        0,
        1_700_000_000,
        "1700000000",
        True,
        "2026-11-23T09:30:00",
        "yesterday",
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00+14:00",
        "1970-01-01T00:00:00Z",
    ],
)
def test_a_call_event_time_that_is_no_moment_with_an_offset_answers_422(
    api: ApiClient, at: object
) -> None:
    answer = event(api, "c-9", "ringing", at=at)
    assert answer.status_code == 422
    assert [issue["loc"] for issue in answer.json()["detail"]] == [["body", "payload", "at"]]
    assert not Call.objects.exists()


@pytest.mark.parametrize("shift", [timedelta(days=-8), timedelta(hours=1)], ids=str)
def test_a_call_event_time_far_from_now_answers_422(api: ApiClient, shift: timedelta) -> None:
    answer = event(api, "c-9", "ringing", at=_from_now(shift, "Europe/Tallinn"))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["type"] == "datetime_range"
    assert not Call.objects.exists()


@pytest.mark.parametrize(
    ("shift", "zone"),
    [
        (timedelta(days=-6), "Europe/Tallinn"),
        (timedelta(minutes=-5), "UTC"),
        (timedelta(minutes=1), "America/New_York"),
    ],
    ids=str,
)
def test_a_recent_call_event_time_with_an_offset_is_kept(
    api: ApiClient, shift: timedelta, zone: str
) -> None:
    at = _from_now(shift, zone)
    answer = event(api, "c-10", "ringing", at=at)
    assert answer.status_code == 200
    assert Call.objects.get().started_at == datetime.fromisoformat(at)
