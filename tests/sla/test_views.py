from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.sla.selectors import business_hours_of, sla_targets
from tests import factories

pytestmark = pytest.mark.django_db

HOURS = {
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


def test_a_lead_sets_service_levels(lead_client: Client) -> None:
    values: dict[str, int] = {}
    for level in range(1, 5):
        values |= {f"first_{level}": 30 * level, f"resolution_{level}": 300 * level}
    assert lead_client.post(reverse("sla:service_levels"), values).status_code == 302
    assert sla_targets().first_response[3] == 90


def test_a_solution_due_before_the_first_answer_is_refused_next_to_it(
    lead_client: Client,
) -> None:
    values: dict[str, int] = {}
    for level in range(1, 5):
        values |= {f"first_{level}": 30, f"resolution_{level}": 300}
    answer = lead_client.post(reverse("sla:service_levels"), values | {"resolution_2": 10})
    assert answer.status_code == 400
    assert 'id="id_resolution_2-error"' in answer.content.decode()
    assert sla_targets().first_response[1] != 30 or sla_targets().resolution[2] != 10


def test_a_lead_sets_business_hours_with_a_sunday_week(lead_client: Client) -> None:
    assert lead_client.post(reverse("sla:hours"), HOURS).status_code == 302
    hours = business_hours_of(team_id=None)
    assert hours.time_zone == "Asia/Jerusalem"
    assert hours.holiday_country == "IL"
    assert hours.windows == {
        "0": [["08:00", "17:00"]],
        "6": [["08:00", "12:00"], ["13:00", "17:00"]],
    }


def test_a_team_gets_hours_of_its_own_and_the_desks_stay(lead_client: Client) -> None:
    team = factories.team(name="Munich")
    page = lead_client.get(reverse("sla:hours"), {"team": team.pk}).content.decode()
    assert "keeps the desk's hours" in page
    answer = lead_client.post(
        f"{reverse('sla:hours')}?team={team.pk}",
        {
            "time_zone": "Europe/Berlin",
            "holiday_country": "DE",
            "holiday_subdivision": "BY",
            "day_0": "07:00-15:00",
        },
    )
    assert answer.status_code == 302
    assert business_hours_of(team_id=team.pk).holiday_subdivision == "BY"
    assert business_hours_of(team_id=None).pk is None


def test_the_page_lists_this_years_holidays_in_the_pages_language(lead_client: Client) -> None:
    lead_client.post(reverse("sla:hours"), HOURS | {"holiday_country": "EE"})
    english = lead_client.get(reverse("sla:hours")).content.decode()
    year = date.today().year
    assert f'datetime="{year}-02-24"' in english
    assert "Independence Day" in english
    lead = factories.agent(role="lead", language="et")
    client = Client()
    client.force_login(lead)
    estonian = client.get(reverse("sla:hours")).content.decode()
    assert "iseseisvuspäev" in estonian


def test_picking_a_country_lists_its_regions_and_holidays_before_saving(
    lead_client: Client,
) -> None:
    page = lead_client.get(reverse("sla:hours"), {"holiday_country": "DE"}).content.decode()
    assert '<option value="BY">' in page
    assert "Tag der Deutschen Einheit" in page or "German Unity Day" in page


def test_the_hours_form_says_its_zone_is_the_desks_clock(lead_client: Client) -> None:
    page = lead_client.get(reverse("sla:hours")).content.decode()
    assert "every page, e-mail and log line gives its times in this zone" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"day_0": "eight to five"}, "Monday: write each window as 09:00-17:00."),
        ({"day_0": "25:00-26:00"}, "Monday: write each window as 09:00-17:00."),
        ({"time_zone": "Mars/Olympus"}, "Mars/Olympus is not one of the available choices"),
        ({"holiday_country": "QQ"}, "QQ is not one of the available choices"),
    ],
)
def test_business_hours_that_make_no_sense_are_refused(
    lead_client: Client, change: dict[str, str], message: str
) -> None:
    answer = lead_client.post(reverse("sla:hours"), HOURS | change)
    assert answer.status_code == 400
    assert message in answer.content.decode()
    assert business_hours_of(team_id=None).pk is None
