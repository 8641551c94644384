"""GET /api/v1/reports/summary: the figures' shape, a desk built here, and the errors."""

from __future__ import annotations

from datetime import timedelta

import pytest

from frontdesk.accounts.models import User
from frontdesk.core.clock import desk_today
from frontdesk.tickets.services import ticket_reply
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db
URL = "/api/v1/reports/summary"
EMPTY_TIMES = {"count": 0, "median_minutes": None, "p90_minutes": None}


@pytest.fixture
def lead_api(lead: User) -> ApiClient:
    return ApiClient(factories.api_token(lead))


def test_the_summary_has_every_figure_per_channel_and_level(lead_api: ApiClient) -> None:
    agent = factories.agent()
    for n, channel in enumerate(("web", "web", "phone")):
        ticket = factories.ticket(channel=channel, subject=f"Question {n}")
        ticket_reply(
            ticket=ticket,
            agent=agent,
            text="Answered.",
            historical_at=ticket.created_at + timedelta(minutes=10 * (n + 1)),
        )
    today = desk_today()
    got = lead_api.get(URL, since=today.isoformat(), until=(today + timedelta(1)).isoformat())
    assert got.status_code == 200
    body = got.json()
    assert set(body) == {
        "since", "until", "created", "solved", "backlog", "first_response", "resolution",
        "sla", "by_channel", "by_level", "satisfaction",
    }  # fmt: skip
    assert (body["created"], body["solved"], body["backlog"]) == (3, 0, 3)
    assert body["first_response"] == {"count": 3, "median_minutes": 20.0, "p90_minutes": 30.0}
    assert body["resolution"] == EMPTY_TIMES
    assert set(body["sla"]) == {"attained", "breached", "running"}
    assert list(body["by_channel"]) == ["email", "web", "phone", "visit", "chat"]
    assert body["by_channel"]["web"] == {
        "created": 2,
        "solved": 0,
        "first_response": {"count": 2, "median_minutes": 15.0, "p90_minutes": 20.0},
        "resolution": EMPTY_TIMES,
    }
    assert body["by_channel"]["email"]["first_response"] == EMPTY_TIMES
    assert list(body["by_level"]) == ["1", "2", "3", "4"]
    assert sum(level["created"] for level in body["by_level"].values()) == 3


def test_by_default_the_summary_covers_the_last_week(lead_api: ApiClient) -> None:
    body = lead_api.get(URL).json()
    assert body["created"] == 0
    since, until = body["since"], body["until"]
    assert since < until


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ({"since": "last week"}, "since is no ISO 8601 date or time: last week"),
        ({"since": "2026-11-01T09:00"}, "since needs its offset from UTC"),
        ({"since": "2026-11-02", "until": "2026-11-01"}, "since must come before until."),
        ({"since": "2020-01-01", "until": "2026-01-01"}, "A report covers at most 366 days."),
    ],
)
def test_bad_dates_are_a_400_saying_why(
    lead_api: ApiClient, query: dict[str, str], detail: str
) -> None:
    got = lead_api.get(URL, **query)
    assert got.status_code == 400
    assert detail in got.json()["detail"]


def test_agents_are_refused_and_strangers_asked_for_a_token(api: ApiClient) -> None:
    refused = api.get(URL)
    assert refused.status_code == 403
    assert refused.json() == {"detail": "Only a lead or an admin may see this."}
    assert ApiClient("no-such-token").get(URL).status_code == 401


def test_the_summary_takes_the_same_queries_however_many_tickets(
    lead_api: ApiClient, django_assert_max_num_queries: object
) -> None:
    factories.ticket()
    lead_api.get(URL)
    with django_assert_max_num_queries(10) as few:  # type: ignore[operator]
        lead_api.get(URL)
    for _ in range(5):
        factories.ticket()
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator]
        assert lead_api.get(URL).status_code == 200
