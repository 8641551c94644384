import pytest
from django.test import Client

from frontdesk.tickets.choices import Status
from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_customer_page_lists_only_the_open_tickets(agent_client: Client) -> None:
    customer = factories.customer()
    waiting = factories.ticket(customer_=customer, subject="Still waiting")
    solved = factories.ticket(customer_=customer, subject="Long done")
    Ticket.objects.filter(pk=solved.pk).update(status=Status.SOLVED)
    html = agent_client.get(f"/desk/customers/{customer.pk}/").content.decode()
    # The card's rows: reference, then subject (the timeline words its links otherwise).
    assert f'{waiting.reference}</a> <span dir="auto">Still waiting</span>' in html
    assert f'{solved.reference}</a> <span dir="auto">Long done</span>' not in html
