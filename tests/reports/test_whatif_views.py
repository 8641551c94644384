"""The what-if page: leads only, its form's errors, the side-by-side figures and charts, and a
query count that does not grow with the tickets replayed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.engine.queue import QueueWeights
from frontdesk.schedules.services import break_add, shift_pattern_add
from frontdesk.sla.services import business_hours_set
from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 2)
URL = "/desk/reports/what-if/"


def _lead() -> tuple[User, Client]:
    lead = factories.agent(role="lead")
    business_hours_set(
        actor=lead,
        team=None,
        time_zone="UTC",
        windows={str(day): [["09:00", "17:00"]] for day in range(5)},
    )
    client = Client()
    client.force_login(lead)
    return lead, client


def _asked(**changes: Any) -> dict[str, Any]:
    """The form as a lead fills it in: Monday replayed with one more agent that morning."""
    asked: dict[str, Any] = {
        "since": MONDAY.isoformat(),
        "until": MONDAY.isoformat(),
        "agents": 1,
        "policy": "current",
        "extra_agents": 1,
        "extra_weekday": 0,
        "extra_start": "09:00",
        "extra_end": "12:00",
        "breaks_moved": 0,
        "callback": 1000,
        "level1": 400,
        "sla": 200,
        "quick": 48,
        "key": 24,
        "level2": 12,
        "effort": 2,
        "sla_warning_minutes": 60,
    }
    return asked | changes


def _busy_monday(count: int) -> None:
    """`count` web tickets from 09:00 on Monday, five minutes apart, each twenty minutes' work."""
    made = [
        factories.ticket(
            channel="web",
            created_at=datetime.combine(MONDAY, time(9), tzinfo=UTC) + timedelta(minutes=5 * n),
        )
        for n in range(count)
    ]
    Ticket.objects.filter(pk__in=[t.pk for t in made]).update(effort_minutes=20)


def test_the_page_is_for_leads_and_admins_only() -> None:
    _lead()
    admin, agent = Client(), Client()
    admin.force_login(factories.agent(role="admin"))
    agent.force_login(factories.agent(role="agent"))

    assert reverse("reports:whatif") == URL
    assert admin.get(URL).status_code == 200
    assert agent.get(URL).status_code == 403
    assert Client().get(URL)["Location"].startswith(reverse("accounts:login"))


def test_unasked_the_page_offers_the_last_two_weeks_and_replays_nothing() -> None:
    _lead_user, client = _lead()

    page = client.get(URL)

    body = page.content.decode()
    assert page.status_code == 200
    assert 'name="since"' in body
    assert 'id="whatif-table"' not in body


def test_a_replay_shows_both_sides_their_difference_and_the_charts() -> None:
    _lead_user, client = _lead()
    _busy_monday(12)

    page = client.get(URL, _asked())

    body = page.content.decode()
    assert page.status_code == 200, body
    found = page.context["found"]
    assert found.baseline.summary.items == found.changed.summary.items == 12
    assert found.changed.summary.mean_wait_minutes < found.baseline.summary.mean_wait_minutes
    assert 'id="whatif-table"' in body
    assert 'id="whatif-hours"' in body
    assert 'id="whatif-breaches"' in body
    mean = page.context["rows"][0]
    assert mean.difference_text.startswith("−")
    assert "12 contacts from" in body
    assert "agent working all the opening hours" in body


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"until": "2026-11-01"}, "until", "on or after the first"),
        ({"since": "2026-09-01", "until": "2026-11-02"}, "until", "at most 31 days"),
        ({"since": "2099-01-01", "until": "2099-01-02"}, "until", "days that have passed"),
        ({"extra_start": "12:00", "extra_end": "09:00"}, "extra_end", "end after they start"),
        ({"policy": "weights", "level1": 20000}, "level1", "less than or equal to 10000"),
        ({"breaks_moved": 500}, "breaks_moved", "less than or equal to 240"),
        ({"agents": 0}, "agents", "greater than or equal to 1"),
        ({"since": "last week"}, "since", "valid date"),
    ],
)
def test_the_form_says_what_is_wrong_next_to_the_field(
    changes: dict[str, Any], field: str, words: str
) -> None:
    _lead_user, client = _lead()
    _busy_monday(1)

    page = client.get(URL, _asked(**changes))

    assert page.status_code == 200
    assert page.context["found"] is None
    errors = " ".join(page.context["form"].errors.get(field, []))
    assert words in errors
    assert f'id="id_{field}-error"' in page.content.decode()


def test_trial_weights_left_empty_keep_the_desks_own() -> None:
    _lead_user, client = _lead()
    _busy_monday(3)
    asked = _asked(policy="weights", level1="", key=5)
    del asked["effort"]  # a link from before the weight existed

    page = client.get(URL, asked)

    assert page.context["form"].errors == {}
    trial = page.context["found"].variation.weights
    assert (trial.level1, trial.key, trial.effort) == (
        QueueWeights().level1,
        5,
        QueueWeights().effort,
    )


def test_days_without_contacts_say_so() -> None:
    _lead_user, client = _lead()

    page = client.get(URL, _asked())

    assert page.context["found"] is None
    assert "No customer contacted the desk" in page.content.decode()


@pytest.mark.parametrize("tickets", [3, 30])
def test_the_queries_do_not_grow_with_the_tickets_replayed(
    tickets: int, django_assert_max_num_queries: Any
) -> None:
    lead, client = _lead()
    _busy_monday(tickets)
    ada = factories.agent()
    shift_pattern_add(
        actor=lead, agent=ada, weekday=0, start=time(9), end=time(17), time_zone="UTC"
    )
    break_add(
        actor=lead,
        agent=ada,
        start=datetime.combine(MONDAY, time(12), tzinfo=UTC),
        minutes=30,
    )

    with django_assert_max_num_queries(12):
        page = client.get(URL, _asked())

    assert page.context["found"].baseline.summary.items == tickets


def test_the_reports_page_leads_to_the_what_if_page_and_back() -> None:
    _lead_user, client = _lead()

    reports = client.get(reverse("reports:index")).content.decode()
    whatif = client.get(URL).content.decode()

    assert f'href="{URL}"' in reports
    assert f'href="{reverse("reports:index")}"' in whatif
