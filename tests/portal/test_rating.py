"""A customer rates their solved request in the portal: the same choice as the survey mail,
their current rating shown, and nobody else's requests."""

from __future__ import annotations

import pytest
from django.urls import reverse

from frontdesk.satisfaction.models import Survey
from frontdesk.tickets.choices import Status
from frontdesk.tickets.services import ticket_reply
from tests import factories
from tests.portal.test_views import portal_client

pytestmark = pytest.mark.django_db


def test_a_solved_request_can_be_rated_and_shows_the_rating() -> None:
    customer = factories.customer()
    ticket = factories.ticket(customer_=customer)
    client = portal_client(customer)
    page = client.get(reverse("portal:ticket", args=[ticket.reference])).content.decode()
    assert 'name="rating"' not in page  # open: nothing to rate yet
    ticket_reply(ticket=ticket, agent=factories.agent(), text="Done.", status=Status.SOLVED)
    page = client.get(reverse("portal:ticket", args=[ticket.reference])).content.decode()
    assert 'name="rating"' in page
    url = reverse("portal:rate", args=[ticket.reference])
    answer = client.post(url, {"rating": "good", "comment": "Fast and kind."})
    assert answer.status_code == 302
    client.post(url, {"rating": "bad", "comment": "Actually it broke again."})
    [survey] = Survey.objects.filter(ticket=ticket)
    assert (survey.rating, survey.comment, survey.counts) == (
        "bad",
        "Actually it broke again.",
        True,
    )
    page = client.get(reverse("portal:ticket", args=[ticket.reference])).content.decode()
    assert "Actually it broke again." in page
    assert "Your rating: <strong>Bad</strong>" in page


def test_a_customer_cannot_rate_someone_else_s_request() -> None:
    owner, stranger = factories.customer(), factories.customer()
    ticket = factories.ticket(customer_=owner)
    ticket_reply(ticket=ticket, agent=factories.agent(), text="Done.", status=Status.SOLVED)
    answer = portal_client(stranger).post(
        reverse("portal:rate", args=[ticket.reference]), {"rating": "bad"}
    )
    assert answer.status_code == 404
    assert not Survey.objects.exists()


def test_an_open_request_cannot_be_rated() -> None:
    customer = factories.customer()
    ticket = factories.ticket(customer_=customer)
    answer = portal_client(customer).post(
        reverse("portal:rate", args=[ticket.reference]), {"rating": "good"}
    )
    assert answer.status_code == 400
    assert "Only a solved request can be rated." in answer.content.decode()
    assert not Survey.objects.exists()
