"""What the API's input schemas accept: numbers and true/false are kept apart (the API fuzzer
found `false` taken as 0 and `0` taken as false)."""

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead_api() -> Client:
    lead = factories.agent(role="lead")
    return Client(HTTP_AUTHORIZATION=f"Bearer {factories.api_token(lead)}")


RULE = {"name": "lunch", "length_minutes": 30, "earliest_minutes": 210, "latest_minutes": 270}


def test_false_is_no_number(lead_api: Client) -> None:
    answer = lead_api.post(
        "/api/v1/break-rules", {**RULE, "min_shift_minutes": False}, content_type="application/json"
    )
    assert answer.status_code == 422
    assert [issue["loc"] for issue in answer.json()["detail"]] == [
        ["body", "payload", "min_shift_minutes"]
    ]
    made = lead_api.post(
        "/api/v1/break-rules", {**RULE, "min_shift_minutes": 0}, content_type="application/json"
    )
    assert made.status_code == 201


def test_a_number_is_no_flag(lead_api: Client) -> None:
    agent = factories.agent()
    answer = lead_api.patch(
        f"/api/v1/agents/{agent.pk}", {"active": 0}, content_type="application/json"
    )
    assert answer.status_code == 422
    agent.refresh_from_db()
    assert agent.is_active
