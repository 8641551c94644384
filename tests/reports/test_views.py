"""The reports page: leads and admins only, a validated span of days, each report's table as
CSV a spreadsheet opens, and a number of queries that does not grow with the tickets."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.core.clock import desk_today
from frontdesk.tickets.services import ticket_reply
from tests import factories
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db
URL = "/desk/reports/"


def _desk(count: int) -> None:
    agent = factories.agent(full_name="Eli Levi")
    for n in range(count):
        ticket = factories.ticket(channel="phone" if n % 2 else "web", subject=f"Question {n}")
        ticket_reply(
            ticket=ticket,
            agent=agent,
            text="Answered.",
            historical_at=ticket.created_at + timedelta(minutes=10 * (n + 1)),
        )


def test_leads_and_admins_see_the_reports_agents_are_refused_strangers_sign_in(
    lead: User,
) -> None:
    assert reverse("reports:index") == URL
    page = signed_in(lead).get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<figure class="chart" id="first-response-channel">' in html
    assert f'href="{URL}"' in html  # the nav's link
    assert signed_in(factories.agent(role="admin")).get(URL).status_code == 200
    refused = signed_in(factories.agent()).get(URL)
    assert refused.status_code == 403
    assert Client().get(URL)["Location"].startswith(reverse("accounts:login"))


def test_the_nav_shows_reports_to_leads_only(lead: User, agent_client: Client) -> None:
    assert f'href="{URL}"' not in agent_client.get("/desk/queue/").content.decode()
    assert f'href="{URL}"' in signed_in(lead).get("/desk/queue/").content.decode()


def test_the_page_shows_the_weeks_figures(lead: User) -> None:
    _desk(4)  # answered after 10, 20, 30, 40 minutes: median 25, p90 40
    html = signed_in(lead).get(URL).content.decode()
    assert "25.0 · 40.0 min" in html
    assert '<td data-label="Median">20.0</td>' in html  # web: 10 and 30
    assert '<td data-label="Median">30.0</td>' in html  # phone: 20 and 40


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ({"first": "2026-03-10", "last": "2026-03-01"}, "The first day comes after the last one."),
        ({"first": "2024-01-01", "last": "2026-01-01"}, "A report covers at most 366 days."),
        ({"first": "someday"}, "Enter a valid date."),
    ],
)
def test_a_bad_span_is_refused_with_its_reason(
    lead: User, query: dict[str, str], error: str
) -> None:
    page = signed_in(lead).get(URL, query)
    assert page.status_code == 400
    html = page.content.decode()
    assert error in html
    assert "<figure" not in html


def test_each_report_downloads_as_csv_a_spreadsheet_opens(lead: User) -> None:
    _desk(2)
    today = desk_today().isoformat()
    got = signed_in(lead).get(
        URL, {"first": today, "last": today, "format": "csv", "report": "first-response-channel"}
    )
    assert got.status_code == 200
    assert got["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        f'filename="frontdesk-first-response-channel-{today}-{today}.csv"'
        in (got["Content-Disposition"])
    )
    assert got.content.startswith(b"\xef\xbb\xbf")  # the byte-order mark
    rows = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig"))))
    assert rows == [
        ["Channel", "Median", "90th percentile", "Tickets"],
        ["Web", "10.0", "10.0", "1"],
        ["Phone", "20.0", "20.0", "1"],
    ]


def test_the_csv_is_in_the_readers_language_and_an_unknown_report_is_not_found(
    lead: User,
) -> None:
    lead.language = "he"
    lead.save(update_fields=["language"])
    client = signed_in(lead)
    got = client.get(URL, {"format": "csv", "report": "segments"})
    header = got.content.decode("utf-8-sig").splitlines()[0]
    assert header == "פלח,פניות"
    assert client.get(URL, {"format": "csv", "report": "nothing"}).status_code == 404


def test_the_page_takes_the_same_queries_however_many_tickets(
    lead: User, django_assert_max_num_queries: object
) -> None:
    _desk(3)
    client = signed_in(lead)
    client.get(URL)  # sessions and caches warmed
    with django_assert_max_num_queries(14) as few:  # type: ignore[operator]
        client.get(URL)
    _desk(12)
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator]
        assert client.get(URL).status_code == 200


@pytest.mark.parametrize(
    ("language", "title", "minutes"),
    [
        ("en", "Reports", "10.0 · 10.0 min"),
        ("et", "Aruanded", "10,0 · 10,0 min"),
        ("he", "דוחות", "10.0 · 10.0 דק׳"),
        ("hu", "Jelentések", "10,0 · 10,0 perc"),
        ("bs", "Izvještaji", "10,0 · 10,0 min"),
    ],
)
def test_the_page_speaks_each_language_with_its_numbers(
    language: str, title: str, minutes: str
) -> None:
    lead = factories.agent(role="lead", language=language)
    _desk(1)
    html = signed_in(lead).get(URL).content.decode()
    assert f"<h1>{title}</h1>" in html
    assert minutes in html
