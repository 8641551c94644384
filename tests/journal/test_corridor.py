from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.journal.models import FollowUp
from frontdesk.journal.services import log_line_save
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_corridor_page_has_the_log_bar_and_todays_lines(agent_client: Client) -> None:
    factories.customer(name="Rami Cohen")
    agent_client.post(reverse("journal:log"), {"line": "Rami Cohen. viruses."})
    page = agent_client.get(reverse("journal:corridor")).content.decode()
    assert 'name="line"' in page
    assert "viruses" in page


def test_a_promise_is_recorded_from_a_ticket(agent: User, agent_client: Client) -> None:
    ticket = factories.ticket()
    due = (timezone.localtime() + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    answer = agent_client.post(
        reverse("journal:ticket_follow_up", kwargs={"ticket_id": ticket.pk}),
        {"text": "call back with the new price", "due_at": due},
        follow=True,
    )
    assert "Follow-up recorded." in answer.content.decode()
    follow_up = FollowUp.objects.get()
    assert follow_up.owner == agent
    assert follow_up.customer == ticket.customer
    assert ticket.reference in follow_up.text


def test_a_promise_without_follow_up_is_marked_on_the_timeline(
    agent: User, agent_client: Client
) -> None:
    from frontdesk.customers.services import interaction_record

    mari = factories.customer(name="Mari Maasikas")
    interaction_record(
        customer=mari, kind="call", summary="Helistan tagasi kell kolm.", agent=agent
    )
    page = agent_client.get(reverse("customers:detail", kwargs={"customer_id": mari.pk}))
    assert "promise without follow-up" in page.content.decode()


def test_the_corridor_lists_the_lines_logged_for_a_colleague_too(
    agent: User, agent_client: Client
) -> None:
    factories.customer(name="Rami Cohen")
    factories.agent(full_name="Eli Levi")
    agent_client.post(reverse("journal:log"), {"line": "Rami Cohen. Eli Levi. printer jam."})
    page = agent_client.get(reverse("journal:corridor")).content.decode()
    assert "printer jam" in page
    assert "for Eli Levi" in page


def test_the_corridor_marks_a_line_a_colleague_logged_for_the_agent(
    agent: User, agent_client: Client
) -> None:
    factories.customer(name="Rami Cohen")
    kati = factories.agent(full_name="Kati Tamm")
    log_line_save(line=f"Rami Cohen. {agent.display_name}. printer jam.", writer=kati)

    page = agent_client.get(reverse("journal:corridor")).content.decode()

    assert "printer jam" in page
    assert "from Kati Tamm" in page
