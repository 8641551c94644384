"""Business hours, service levels and queue weights through the API."""

from __future__ import annotations

import pytest

from frontdesk.sla.selectors import business_hours_of, sla_targets
from frontdesk.tickets.selectors import queue_weights
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db

HOURS = {
    "time_zone": "Europe/Berlin",
    "windows": {"0": [["08:00", "16:00"]], "1": [["08:00", "12:00"], ["13:00", "16:00"]]},
    "holiday_country": "DE",
    "holiday_subdivision": "BY",
}


@pytest.fixture
def lead_api() -> ApiClient:
    return ApiClient(factories.api_token(factories.agent(role="lead")))


def test_a_lead_sets_the_desks_hours_and_a_teams_own(lead_api: ApiClient) -> None:
    team = factories.team(name="Munich")
    before = lead_api.get(f"/api/v1/business-hours/teams/{team.pk}").json()
    assert before["own"] is False
    answer = lead_api.put(f"/api/v1/business-hours/teams/{team.pk}", HOURS)
    assert answer.status_code == 200, answer.json()
    assert answer.json() | {"team_id": None} == HOURS | {"own": True, "team_id": None}
    assert business_hours_of(team_id=team.pk).holiday_subdivision == "BY"
    assert business_hours_of(team_id=None).pk is None  # the desk's stay as they were
    desk = lead_api.put("/api/v1/business-hours", HOURS | {"holiday_subdivision": ""})
    assert desk.json()["team_id"] is None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"holiday_country": "QQ"}, "No public holidays are known for QQ"),
        ({"holiday_subdivision": "XX"}, "DE has no region XX"),
        ({"time_zone": "Mars/Olympus"}, "Mars/Olympus"),
    ],
)
def test_hours_that_make_no_sense_are_refused(
    lead_api: ApiClient, change: dict[str, str], reason: str
) -> None:
    answer = lead_api.put("/api/v1/business-hours", HOURS | change)
    assert answer.status_code == 400
    assert reason in answer.json()["detail"]
    assert business_hours_of(team_id=None).pk is None


def test_a_lead_sets_service_levels_all_or_nothing(lead_api: ApiClient) -> None:
    good = {"level": 1, "first_response_minutes": 15, "resolution_minutes": 120}
    assert lead_api.put("/api/v1/sla-targets", {"targets": [good]}).json()[0] == good
    bad = {"level": 2, "first_response_minutes": 500, "resolution_minutes": 100}
    answer = lead_api.put(
        "/api/v1/sla-targets", {"targets": [good | {"first_response_minutes": 20}, bad]}
    )
    assert answer.status_code == 400
    assert sla_targets().first_response[1] == 15


def test_a_lead_sets_the_queue_weights_and_an_agent_only_reads_them(
    lead_api: ApiClient, api: ApiClient
) -> None:
    weights = api.get("/api/v1/queue-weights").json()
    assert weights["level1"] == 400
    answer = lead_api.put("/api/v1/queue-weights", weights | {"quick": 100})
    assert answer.status_code == 200
    assert queue_weights().quick == 100
    assert api.put("/api/v1/queue-weights", weights).status_code == 403
    assert api.put("/api/v1/business-hours", HOURS).status_code == 403


def test_the_effort_weight_is_read_set_and_may_be_left_out(lead_api: ApiClient) -> None:
    weights = lead_api.get("/api/v1/queue-weights").json()
    assert weights["effort"] == 2
    assert lead_api.put("/api/v1/queue-weights", weights | {"effort": 3}).status_code == 200
    # A client written before effort counted sends no effort: the desk's stays as it was.
    older = {name: value for name, value in weights.items() if name != "effort"}
    answer = lead_api.put("/api/v1/queue-weights", older | {"key": 2})
    assert answer.status_code == 200
    assert (answer.json()["effort"], answer.json()["key"]) == (3, 2)
    assert lead_api.put("/api/v1/queue-weights", weights | {"effort": 30}).status_code == 422
