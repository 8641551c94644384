from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from frontdesk.accounts.models import User
from frontdesk.problems.choices import AlertStatus
from frontdesk.problems.models import Alert, Problem
from frontdesk.problems.services import problem_create
from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _alert(count: int = 3) -> Alert:
    tickets = [
        factories.ticket(subject=f"Export gives 0 KB file {n}", body="The CSV export is empty.")
        for n in range(count)
    ]
    now = timezone.now()
    alert = Alert.objects.create(
        signature={"terms": ["0 kb"]},
        terms=["0 kb", "export"],
        languages=["en"],
        customers=count,
        first_at=now - timedelta(minutes=20),
        alert_at=now,
    )
    alert.tickets.set(tickets)
    return alert


def test_a_lead_sees_the_alerts_count_and_reports(
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    lead = factories.agent(role="lead")
    _alert()
    _alert(4)
    problem_create(actor=lead, title="Printing", tickets=[factories.ticket()])
    client = _client(lead)
    with django_assert_max_num_queries(25):
        page = client.get(reverse("problems:index")).content.decode()
    assert 'class="badge"' in page
    assert page.count("Export gives 0 KB file") == 7
    assert "Make a problem" in page
    assert "Printing" in page


def test_an_agent_sees_alerts_without_actions_nor_a_count(agent_client: Client) -> None:
    _alert()
    page = agent_client.get(reverse("problems:index")).content.decode()
    assert "Export gives 0 KB file" in page
    assert "Make a problem" not in page
    assert 'class="badge"' not in page


def test_a_lead_makes_an_alert_a_problem_from_the_page() -> None:
    lead = factories.agent(role="lead")
    alert = _alert()
    answer = _client(lead).post(
        reverse("problems:alert_problem", kwargs={"alert_id": alert.pk}), {"title": "0 KB"}
    )
    problem = Problem.objects.get()
    assert answer["Location"] == reverse("problems:detail", kwargs={"problem_id": problem.pk})
    assert problem.links.count() == 3
    page = _client(lead).get(answer["Location"]).content.decode()
    assert "0 KB" in page
    assert "Export gives 0 KB file 2" in page


def test_an_agent_cannot_make_or_dismiss(agent_client: Client) -> None:
    alert = _alert()
    made = agent_client.post(
        reverse("problems:alert_problem", kwargs={"alert_id": alert.pk}), {"title": "0 KB"}
    )
    dismissed = agent_client.post(reverse("problems:alert_dismiss", kwargs={"alert_id": alert.pk}))
    assert (made.status_code, dismissed.status_code) == (403, 403)
    alert.refresh_from_db()
    assert alert.status == AlertStatus.NEW
    assert not Problem.objects.exists()


def test_a_lead_dismisses_an_alert() -> None:
    alert = _alert()
    _client(factories.agent(role="lead")).post(
        reverse("problems:alert_dismiss", kwargs={"alert_id": alert.pk})
    )
    alert.refresh_from_db()
    assert alert.status == AlertStatus.DISMISSED


def test_an_agent_links_a_ticket_by_reference_and_unlinks_it(agent_client: Client) -> None:
    problem = problem_create(actor=factories.agent(role="lead"), title="Export")
    ticket = factories.ticket()
    url = reverse("problems:link", kwargs={"problem_id": problem.pk})
    agent_client.post(url, {"reference": f" {ticket.reference.lower()} "})
    ticket.refresh_from_db()
    assert ticket.level == 3
    missing = agent_client.post(url, {"reference": "FD-NOSUCH"}, follow=True)
    assert "No ticket FD-NOSUCH" in missing.content.decode()
    agent_client.post(
        reverse("problems:unlink", kwargs={"problem_id": problem.pk, "ticket_id": ticket.pk})
    )
    assert not problem.links.exists()


def test_the_ticket_page_offers_open_problems_and_links_to_one(agent_client: Client) -> None:
    problem = problem_create(actor=factories.agent(role="lead"), title="Export is empty")
    ticket = factories.ticket()
    page = agent_client.get(reverse("tickets:detail", kwargs={"ticket_id": ticket.pk}))
    assert "Export is empty" in page.content.decode()
    agent_client.post(
        reverse("problems:ticket_link", kwargs={"ticket_id": ticket.pk}),
        {"problem": str(problem.pk)},
    )
    assert problem.links.get().ticket == ticket
    page = agent_client.get(reverse("tickets:detail", kwargs={"ticket_id": ticket.pk}))
    assert "Part of the problem" in page.content.decode()


def test_a_lead_makes_a_problem_from_a_ticket_and_edits_its_public_texts() -> None:
    lead = factories.agent(role="lead")
    ticket = factories.ticket()
    client = _client(lead)
    answer = client.post(
        reverse("problems:ticket_problem", kwargs={"ticket_id": ticket.pk}),
        {"title": "Invoices missing"},
    )
    problem = Problem.objects.get()
    assert answer["Location"].endswith(f"/problems/{problem.pk}/")
    assert Ticket.objects.get(pk=ticket.pk).level == 3
    client.post(
        reverse("problems:edit", kwargs={"problem_id": problem.pk}),
        {
            "title": "Invoices missing",
            "summary": "",
            "public_en": "Invoices are late.",
            "public_et": "Arved hilinevad.",
        },
    )
    problem.refresh_from_db()
    assert problem.public_texts == {"en": "Invoices are late.", "et": "Arved hilinevad."}
    refused = client.post(
        reverse("problems:edit", kwargs={"problem_id": problem.pk}), {"title": " "}
    )
    assert refused.status_code == 400


def test_a_missing_problem_is_404(agent_client: Client) -> None:
    answer = agent_client.get(reverse("problems:detail", kwargs={"problem_id": 999}))
    assert answer.status_code == 404
