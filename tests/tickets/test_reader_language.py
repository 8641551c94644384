"""The one language the desk writes to a ticket's customer in: mail, survey, problem reply."""

from __future__ import annotations

import pytest

from frontdesk.customers.models import Customer
from frontdesk.problems.services import reply_language_of
from frontdesk.satisfaction.services import survey_language
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import reader_language
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("ticket_language", "preferred", "expected"),
    [
        ("et", "hu", "et"),  # what they wrote in this time comes first
        ("", "hu", "hu"),
        ("fi", "he", "he"),  # the desk does not write Finnish: their preferred one
        ("hr", "", "bs"),  # Croatian and Serbian read Bosnian
        ("sr", "en", "bs"),
        ("fi", "", "en"),  # nothing the desk speaks: its default
        ("", "", "en"),
    ],
)
def test_the_desk_writes_in_the_tickets_language_else_the_customers_else_its_own(
    ticket_language: str, preferred: str, expected: str
) -> None:
    ticket = factories.ticket()
    Ticket.objects.filter(pk=ticket.pk).update(language=ticket_language)
    Customer.objects.filter(pk=ticket.customer_id).update(preferred_language=preferred)
    ticket = Ticket.objects.select_related("customer").get(pk=ticket.pk)
    assert reader_language(ticket) == expected
    # The survey and a problem's reply to all read the same language as the ticket's mail.
    assert survey_language(ticket=ticket) == expected
    assert reply_language_of(ticket) == expected
