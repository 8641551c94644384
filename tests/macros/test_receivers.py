import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.tickets.choices import MessageDirection, Status
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_code_sent_unexpanded_from_the_ticket_page_is_expanded(agent_client: Client) -> None:
    ticket = factories.ticket(customer_=factories.customer(name="Mari Maasikas"))
    response = agent_client.post(
        reverse("tickets:reply", kwargs={"ticket_id": ticket.pk}),
        {"body": "/hold", "status": Status.OPEN},
    )
    assert response.status_code == 302
    sent = ticket.messages.get(direction=MessageDirection.OUT)
    assert sent.text.startswith("Dear Mari Maasikas,")
    assert "/hold" not in sent.text
