from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.tickets.services import ticket_assign, ticket_set_status
from tests import factories

pytestmark = pytest.mark.django_db


def test_system_notes_read_in_each_agents_language() -> None:
    lead = factories.agent(role="lead")
    reader = factories.agent(language="hu")
    ticket = factories.ticket()
    ticket_set_status(ticket=ticket, actor=lead, status="on_hold")
    ticket_assign(ticket=ticket, actor=lead, assignee=None)
    ticket_assign(ticket=ticket, actor=lead, assignee=reader)
    english = [m.text for m in ticket.messages.filter(flags__icontains="system")]
    assert "Status: New → On hold" in english

    client = Client()
    client.force_login(reader)
    page = client.get(
        reverse("tickets:detail", kwargs={"ticket_id": ticket.pk}), HTTP_ACCEPT_LANGUAGE="hu"
    ).content.decode()
    assert "Status: New → On hold" not in page
    assert "Hozzárendelve: " + reader.display_name in page
