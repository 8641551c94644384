"""Customers' ratings in the reports: the figures from known ratings on the page, in the CSV
and in GET /api/v1/reports/summary, each ticket once, in queries that do not grow with them."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.core.clock import desk_today
from frontdesk.reports.selectors import Ratings, report_figures, report_span
from frontdesk.satisfaction.services import survey_rate_from_portal
from frontdesk.tickets.choices import Status
from frontdesk.tickets.services import ticket_reply
from tests import factories
from tests.conftest import ApiClient, signed_in

pytestmark = pytest.mark.django_db
URL = "/desk/reports/"


def _rated(agent: User, channel: str, *ratings: str) -> None:
    """A ticket on `channel` that `agent` solved, rated in turn with each of `ratings`."""
    ticket = factories.ticket(channel=channel)
    ticket_reply(ticket=ticket, agent=agent, text="Done.", status=Status.SOLVED)
    ticket.refresh_from_db()
    for rating in ratings:
        survey_rate_from_portal(ticket=ticket, rating=rating)


@pytest.fixture
def rated() -> tuple[User, User]:
    """Eli: three web tickets rated good, good, bad (the last changed from good); Dana: one
    phone ticket rated bad, and one never rated."""
    eli = factories.agent(full_name="Eli Levi")
    dana = factories.agent(full_name="Dana Cohen")
    _rated(eli, "web", "good")
    _rated(eli, "web", "bad", "good")  # changed its mind: the last counts, once
    _rated(eli, "web", "good", "bad")
    _rated(dana, "phone", "bad")
    _rated(dana, "phone")
    return eli, dana


def test_the_figures_count_each_ticket_s_latest_rating_once(rated: tuple[User, User]) -> None:
    span = report_span(first=None, last=None, today=desk_today())
    report = report_figures(period=span.period, now=timezone.now())
    assert report.satisfaction == Ratings(rated=4, good=2, bad=2, good_percent=50.0)
    assert report.satisfaction_by_agent == {
        "Dana Cohen": Ratings(rated=1, good=0, bad=1, good_percent=0.0),
        "Eli Levi": Ratings(rated=3, good=2, bad=1, good_percent=66.7),
    }
    assert report.satisfaction_by_channel == {
        "web": Ratings(rated=3, good=2, bad=1, good_percent=66.7),
        "phone": Ratings(rated=1, good=0, bad=1, good_percent=0.0),
    }
    assert report.satisfaction_by_level == {4: Ratings(rated=4, good=2, bad=2, good_percent=50.0)}


def test_the_summary_api_gives_the_ratings(rated: tuple[User, User], lead: User) -> None:
    body = ApiClient(factories.api_token(lead)).get("/api/v1/reports/summary").json()
    satisfaction = body["satisfaction"]
    assert {k: satisfaction[k] for k in ("rated", "good", "bad", "good_percent")} == {
        "rated": 4,
        "good": 2,
        "bad": 2,
        "good_percent": 50.0,
    }
    assert satisfaction["by_channel"]["email"] == {
        "rated": 0,
        "good": 0,
        "bad": 0,
        "good_percent": None,
    }
    assert satisfaction["by_channel"]["web"]["good_percent"] == 66.7
    assert list(satisfaction["by_level"]) == ["1", "2", "3", "4"]
    assert satisfaction["by_agent"] == [
        {"agent": "Dana Cohen", "rated": 1, "good": 0, "bad": 1, "good_percent": 0.0},
        {"agent": "Eli Levi", "rated": 3, "good": 2, "bad": 1, "good_percent": 66.7},
    ]


def test_the_page_and_its_csv_show_the_ratings(rated: tuple[User, User], lead: User) -> None:
    client = signed_in(lead)
    html = client.get(URL).content.decode()
    assert '<figure class="chart" id="satisfaction-agent">' in html
    assert '4 · <bdi dir="ltr">50%</bdi>' in html
    got = client.get(URL, {"format": "csv", "report": "satisfaction-agent"})
    rows = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig"))))
    assert rows == [
        ["Agent", "Good", "Bad", "Good (%)"],
        ["Dana Cohen", "0", "1", "0"],
        ["Eli Levi", "2", "1", "66.7"],
    ]


def test_the_ratings_take_the_same_queries_however_many(
    rated: tuple[User, User], lead: User, django_assert_max_num_queries: object
) -> None:
    client = signed_in(lead)
    client.get(URL)
    with django_assert_max_num_queries(16) as few:  # type: ignore[operator]
        client.get(URL)
    for n in range(6):
        _rated(factories.agent(), ("email", "chat")[n % 2], ("good", "bad")[n % 2])
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator]
        assert client.get(URL).status_code == 200
