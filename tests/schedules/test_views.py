"""Schedule pages through the test client: the lead's week and its warnings, an agent's week
and calendar feed, stepping away, playbooks in the agent's language, and what customers see."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pytest_django import DjangoAssertNumQueries, DjangoCaptureOnCommitCallbacks, Settings

from frontdesk.accounts.models import User
from frontdesk.core.clock import desk_zone
from frontdesk.live.models import Visit
from frontdesk.live.selectors import visit_token
from frontdesk.schedules.models import Break, Playbook
from frontdesk.schedules.services import (
    break_add,
    break_step_away,
    breaks_warn_due,
    shift_change_set,
    shift_pattern_add,
)
from tests import factories

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _on_shift_now(lead: User, agent: User) -> datetime:
    """Give the agent a shift around now; now, in UTC."""
    now = timezone.now().astimezone(UTC)
    factories.shift_around(lead=lead, agent=agent, now=now)
    return now


def test_the_lead_adds_a_shift_and_plans_the_week_from_the_week_page() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    client = _client(lead)
    response = client.post(
        "/desk/schedule/shifts/add/?week=2026-12-07",
        {
            "agent": agent.pk,
            "weekday": 2,
            "start": "08:00",
            "end": "16:00",
            "week": "2026-12-07",
        },
        follow=True,
    )
    assert "Weekly shift added." in response.content.decode()
    bad = client.post(
        "/desk/schedule/shifts/add/",
        {
            "agent": agent.pk,
            "weekday": 2,
            "start": "nine",
            "end": "16:00",
            "week": "2026-12-07",
        },
        follow=True,
    )
    assert "give a time such as 09:00" in bad.content.decode()
    planned = client.post(
        "/desk/schedule/breaks/plan/", {"week": "2026-12-07"}, follow=True
    ).content.decode()
    assert "breaks placed" in planned
    assert Break.objects.filter(agent=agent).count() == 3
    page = client.get("/desk/schedule/?week=2026-12-07").content.decode()
    assert "08:00–16:00" in page


def test_an_agent_sees_their_own_week_and_gets_a_calendar_feed() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    shift_pattern_add(
        actor=lead, agent=agent, weekday=0, start=time(9), end=time(17), time_zone="UTC"
    )
    client = _client(agent)
    assert client.get("/desk/schedule/")["Location"] == "/desk/schedule/mine/"
    page = client.get("/desk/schedule/mine/?week=2026-12-07").content.decode()
    feed = page.split('readonly value="')[1].split('"')[0]
    path = feed.split("testserver")[1]
    response = Client().get(path)
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = [str(e.get("summary")) for e in calendar.walk("VEVENT")]
    assert "Shift" in summaries
    assert Client().get(path.replace(".ics", "x.ics")).status_code == 404


def _busy_monday_with_two_breaks() -> tuple[Client, Break, datetime]:
    """A lead's client, one of two agents' breaks on a Monday whose phones were busy all day
    the four weeks before (moving it onto the other's break leaves the desk short), and the day."""
    lead = factories.agent(role="lead")
    agent, other = factories.agent(), factories.agent()
    monday = datetime(2026, 12, 7, tzinfo=UTC)
    customer = factories.customer()
    for weeks_ago in range(1, 5):
        for minutes in range(0, 480, 15):
            at = monday - timedelta(weeks=weeks_ago) + timedelta(hours=8, minutes=minutes)
            factories.ticket(customer_=customer, channel="phone", created_at=at)
    for person in (agent, other):
        shift_pattern_add(
            actor=lead, agent=person, weekday=0, start=time(8), end=time(16), time_zone="UTC"
        )
    brk = break_add(actor=lead, agent=agent, start=monday.replace(hour=12), minutes=15)
    break_add(actor=lead, agent=other, start=monday.replace(hour=13), minutes=15)
    client = _client(lead)
    return client, brk, monday


def test_moving_a_break_into_a_gap_asks_before_saving() -> None:
    client, brk, monday = _busy_monday_with_two_breaks()
    response = client.post(
        "/desk/schedule/breaks/move/",
        {"break_id": brk.pk, "start": "2026-12-07T13:00", "week": "2026-12-07"},
    )
    assert response.status_code == 409
    assert "This leaves the desk short" in response.content.decode()
    brk.refresh_from_db()
    assert brk.start == monday.replace(hour=12)


def test_stepping_away_from_the_bar_tells_customers_on_the_status_page() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    factories.desk_open(lead=lead, now=_on_shift_now(lead, agent))
    client = _client(agent)
    client.post("/desk/schedule/away/", {"reason": "delivery", "minutes": "10"})
    status = Client().get("/status/").content.decode()
    assert "we have had to step away to receive a delivery" in status
    queue = client.get("/desk/queue/").content.decode()
    assert "I am back" in queue
    client.post("/desk/schedule/back/")
    assert "I am back" not in client.get("/desk/queue/").content.decode()


def test_an_agent_who_sets_themselves_away_by_hand_shows_on_the_status_page() -> None:
    lead, ann, ben = factories.agent(role="lead"), factories.agent(), factories.agent()
    now = _on_shift_now(lead, ann)
    _on_shift_now(lead, ben)
    factories.desk_open(lead=lead, now=now)
    for agent in (ann, ben):
        _client(agent).post("/desk/queue/presence/", {"state": "available"})
    _client(ann).post("/desk/queue/presence/", {"state": "away"})
    fewer = "Fewer of us are at the desk just now: waiting may be a little longer."
    assert fewer in Client().get("/status/").content.decode()
    _client(ben).post("/desk/queue/presence/", {"state": "break"})
    page = Client().get("/status/").content.decode()
    assert "we have had to step away for a moment; we will be back shortly" in page
    assert "We are open now" not in page
    assert "Expected wait at the desk" not in page  # nobody can say until when


def test_stepping_away_without_a_time_says_what_is_wrong() -> None:
    agent = factories.agent()
    response = _client(agent).post(
        "/desk/schedule/away/", {"reason": "delivery", "minutes": "0"}, follow=True
    )
    assert "Say when you will be back" in response.content.decode()
    assert not Break.objects.exists()


def test_the_visitor_screen_warns_of_a_break_in_the_visitors_language(settings: Settings) -> None:
    settings.BREAK_WARNING_MINUTES = 15
    lead, agent, other = factories.agent(role="lead"), factories.agent(), factories.agent()
    now = _on_shift_now(lead, agent)
    _on_shift_now(lead, other)
    zone = factories.desk_open(lead=lead, now=now)
    start = (now + timedelta(minutes=14)).replace(second=0, microsecond=0)
    break_add(actor=lead, agent=agent, start=start, minutes=15)
    visitor = Client(HTTP_ACCEPT_LANGUAGE="et")
    visitor.post("/visit/", {"name": "Tiina"})
    number = reverse("live:number", args=[visit_token(visit=Visit.objects.get())])
    english = Client().get(number).content.decode()
    assert "A break starts at" not in english  # not before the queue is warned
    breaks_warn_due(now=timezone.now())
    page = visitor.get(number).content.decode()
    assert 'lang="et"' in page
    assert "A break starts at" not in page  # in Estonian, not English
    assert start.astimezone(zone).strftime("%H:%M") in page
    assert "A break starts at" in Client().get(number).content.decode()


def test_a_playbook_opens_in_the_agents_language_and_a_lead_edits_it() -> None:
    hungarian = factories.agent(language="hu")
    expected = Playbook.objects.get(moment="not-warned", language="hu").title
    page = _client(hungarian).get("/desk/schedule/playbooks/not-warned/").content.decode()
    assert expected in page
    assert _client(hungarian).get("/desk/schedule/playbooks/nonsense/").status_code == 404
    english = Playbook.objects.get(moment="not-warned", language="en")
    # The edit page is the lead's settings: an agent reads it and may not change it.
    edit = f"/desk/settings/playbooks/{english.pk}/"
    assert _client(hungarian).get(edit).status_code == 200
    assert _client(hungarian).post(edit, {"title": "X", "nodes": "0"}).status_code == 403
    lead = factories.agent(role="lead")
    refused = _client(lead).post(edit, {"title": "X", "nodes": "0"})
    assert refused.status_code == 400
    assert "at least one step" in refused.content.decode()
    _client(lead).post(
        edit,
        {
            "title": "Forgot to warn",
            "start": "1",
            "nodes": "1",
            "n0-id": "1",
            "n0-kind": "step",
            "n0-do": "Tell them now",
            "n0-say": "Sorry, back at {end}",
        },
    )
    english.refresh_from_db()
    assert (english.title, english.graph["nodes"][0]["do"]) == ("Forgot to warn", "Tell them now")


def test_the_break_bar_offers_the_playbook_when_a_break_comes_with_people_waiting(
    settings: Settings,
) -> None:
    settings.BREAK_WARNING_MINUTES = 15
    lead, agent = factories.agent(role="lead"), factories.agent()
    now = _on_shift_now(lead, agent)
    break_add(
        actor=lead,
        agent=agent,
        start=(now + timedelta(minutes=5)).replace(second=0, microsecond=0),
        minutes=15,
    )
    Client().post("/visit/", {"name": "Mari"})
    page = _client(agent).get("/desk/queue/").content.decode()
    assert "Your break starts in" in page
    assert "/desk/schedule/playbooks/people-waiting/" in page
    assert "/desk/schedule/playbooks/not-warned/" in page


def test_the_acknowledgement_tells_the_hours_and_a_coming_break(
    settings: Settings, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    from django.core import mail

    settings.BREAK_WARNING_MINUTES = 15
    lead, agent, other = factories.agent(role="lead"), factories.agent(), factories.agent()
    now = _on_shift_now(lead, agent)
    _on_shift_now(lead, other)
    factories.desk_open(lead=lead, now=now)
    break_add(
        actor=lead,
        agent=agent,
        start=(now + timedelta(minutes=10)).replace(second=0, microsecond=0),
        minutes=15,
    )
    breaks_warn_due(now=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        factories.ticket(acknowledge=True, customer_=factories.customer(email="t@example.com"))
    [sent] = mail.outbox
    assert "Opening hours" in sent.body
    assert "A break starts at" in sent.body


def test_the_status_page_shows_the_hours_and_an_unplanned_break_in_hebrew() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    now = _on_shift_now(lead, agent)
    factories.desk_open(lead=lead, now=now)
    break_step_away(agent=agent, reason="emergency", minutes=20, now=now)
    page = Client(HTTP_ACCEPT_LANGUAGE="he").get("/status/").content.decode()
    assert 'dir="rtl"' in page
    assert "we have had to step away for an emergency" not in page  # worded in Hebrew
    english = Client().get("/status/").content.decode()
    assert "we have had to step away for an emergency" in english
    assert "Opening hours" in english


@pytest.mark.parametrize("page", ["/desk/schedule/", "/desk/schedule/mine/"])
@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-01"])
def test_a_week_off_the_calendar_answers_404(page: str, week: str) -> None:
    lead = factories.agent(role="lead")
    assert _client(lead).get(page, {"week": week}).status_code == 404


@pytest.mark.parametrize("minutes", ["²", "9" * 30])
def test_stepping_away_for_what_is_not_a_number_of_minutes_says_what_is_wrong(
    minutes: str,
) -> None:
    agent = factories.agent()
    response = _client(agent).post(
        "/desk/schedule/away/", {"reason": "delivery", "minutes": minutes}, follow=True
    )
    assert "Say when you will be back" in response.content.decode()
    assert not Break.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": "9999-12-31 23:30"}, "Give a date and time such as"),
        ({"start": "0001-01-01 00:00"}, "Give a date and time such as"),
        ({"agent": "²"}, "Choose an agent."),
        ({"agent": "9" * 30}, "Choose an agent."),
        ({"minutes": "²"}, "A break lasts between 1 and 240 minutes."),
    ],
)
def test_a_break_added_off_the_calendar_or_to_no_one_says_what_is_wrong(
    change: dict[str, str], message: str
) -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    form = {"agent": str(agent.pk), "start": "2026-12-07 12:00", "minutes": "15"}
    response = _client(lead).post("/desk/schedule/breaks/add/", {**form, **change}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Break.objects.exists()


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_day_changed_off_the_calendar_says_what_is_wrong(day: str) -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    form = {"agent": str(agent.pk), "day": day, "off": "1"}
    response = _client(lead).post("/desk/schedule/days/change/", form, follow=True)
    assert "Give the date of the change." in response.content.decode()


def test_the_week_page_costs_the_same_queries_for_many_agents(
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    lead = factories.agent(role="lead")
    for _ in range(12):
        agent = factories.agent()
        for weekday in range(5):
            shift_pattern_add(
                actor=lead,
                agent=agent,
                weekday=weekday,
                start=time(8),
                end=time(16),
                time_zone="UTC",
            )
        shift_change_set(actor=lead, agent=agent, day=date(2026, 12, 9), off=True)
        break_add(actor=lead, agent=agent, start=datetime(2026, 12, 8, 12, tzinfo=UTC), minutes=15)
    client = _client(lead)
    with django_assert_max_num_queries(19):
        response = client.get("/desk/schedule/?week=2026-12-07")
    assert response.status_code == 200
    assert response.content.decode().count("☕") == 12


def test_each_week_form_posts_to_its_own_view() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    pattern = shift_pattern_add(
        actor=lead, agent=agent, weekday=0, start=time(8), end=time(16), time_zone="UTC"
    )
    client = _client(lead)
    page = client.get("/desk/schedule/?week=2026-12-07").content.decode()
    for name in ("shift_add", "shift_remove", "day_change", "break_add", "breaks_plan"):
        assert f'action="{reverse(f"schedules:{name}")}"' in page
    removed = client.post(
        "/desk/schedule/shifts/remove/", {"pattern": pattern.pk, "week": "2026-12-07"}, follow=True
    )
    assert "Weekly shift removed." in removed.content.decode()
    assert client.get("/desk/schedule/breaks/plan/").status_code == 405
    assert _client(agent).post("/desk/schedule/breaks/plan/")["Location"] == "/desk/schedule/mine/"


def test_moving_a_break_anyway_from_the_warning_moves_it() -> None:
    client, brk, _monday = _busy_monday_with_two_breaks()
    form = {"break_id": brk.pk, "start": "2026-12-07T13:00", "week": "2026-12-07"}
    warned = client.post("/desk/schedule/breaks/move/", form).content.decode()
    assert f'action="{reverse("schedules:break_move")}"' in warned
    assert 'href="/desk/schedule/?week=2026-12-07"' in warned
    moved = client.post("/desk/schedule/breaks/move/", {**form, "confirm": "1"}, follow=True)
    assert "Break moved." in moved.content.decode()
    brk.refresh_from_db()
    assert brk.start == datetime(2026, 12, 7, 13, tzinfo=desk_zone())
