from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.sla.selectors import business_hours_of, sla_targets
from frontdesk.tickets.selectors import queue_weights
from tests import factories

pytestmark = pytest.mark.django_db

HOURS = {
    "form": "hours",
    "time_zone": "Asia/Jerusalem",
    "holiday_country": "IL",
    "day_6": "08:00-12:00, 13:00-17:00",
    "day_0": "08:00-17:00",
    "day_4": "",
}


@pytest.fixture
def lead_client() -> Client:
    client = Client()
    client.force_login(factories.agent(role="lead"))
    return client


def test_agents_read_the_settings_and_only_leads_change_them(agent_client: Client) -> None:
    page = agent_client.get(reverse("routing:settings")).content.decode()
    assert "You can read these settings" in page
    assert "Save queue order" not in page
    refused = agent_client.post(reverse("routing:settings"), {"form": "weights", "quick": 1})
    assert refused.status_code == 403


def test_a_lead_changes_the_queue_order(lead_client: Client) -> None:
    values = {"form": "weights", "callback": 900, "level1": 300, "sla": 150, "quick": 100}
    values |= {"key": 30, "level2": 10, "sla_warning_minutes": 45}
    answer = lead_client.post(reverse("routing:settings"), values)
    assert answer.status_code == 302
    weights = queue_weights()
    assert (weights.quick, weights.sla_warning_minutes) == (100, 45)


def test_weights_that_make_no_sense_are_refused_with_a_message(lead_client: Client) -> None:
    values = {"form": "weights", "callback": 900, "level1": 30_000, "sla": 150, "quick": 100}
    values |= {"key": 30, "level2": 10, "sla_warning_minutes": 45}
    answer = lead_client.post(reverse("routing:settings"), values)
    assert answer.status_code == 400
    assert "level1: a head start is between 0 and 10,000 hours" in answer.content.decode()
    assert queue_weights().level1 == 400


def test_a_lead_sets_service_levels(lead_client: Client) -> None:
    values: dict[str, str | int] = {"form": "sla"}
    for level in range(1, 5):
        values |= {f"first_{level}": 30 * level, f"resolution_{level}": 300 * level}
    assert lead_client.post(reverse("routing:settings"), values).status_code == 302
    assert sla_targets().first_response[3] == 90


def test_a_lead_sets_business_hours_with_a_sunday_week(lead_client: Client) -> None:
    assert lead_client.post(reverse("routing:settings"), HOURS).status_code == 302
    hours = business_hours_of(team_id=None)
    assert hours.time_zone == "Asia/Jerusalem"
    assert hours.holiday_country == "IL"
    assert hours.windows == {
        "0": [["08:00", "17:00"]],
        "6": [["08:00", "12:00"], ["13:00", "17:00"]],
    }


def test_the_hours_form_says_its_zone_is_the_desks_clock(lead_client: Client) -> None:
    page = lead_client.get(reverse("routing:settings")).content.decode()
    assert "every page, e-mail and log line gives its times in this zone" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"day_0": "eight to five"}, "Monday: write each window as 09:00-17:00."),
        ({"day_0": "25:00-26:00"}, "Monday: write each window as 09:00-17:00."),
        ({"time_zone": "Mars/Olympus"}, "unknown time zone"),
        ({"holiday_country": "QQ"}, "No public holidays are known for QQ"),
    ],
)
def test_business_hours_that_make_no_sense_are_refused(
    lead_client: Client, change: dict[str, str], message: str
) -> None:
    answer = lead_client.post(reverse("routing:settings"), HOURS | change)
    assert answer.status_code == 400
    assert message in answer.content.decode()
    assert business_hours_of(team_id=None).pk is None
