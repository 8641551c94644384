"""Merging one ticket into another of the same customer's from the ticket page: named by
reference or picked from their open tickets, confirmed after reading what happens, and refused
for another customer's ticket, as the bulk merge refuses it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.core.errors import Invalid
from frontdesk.tickets.choices import Status
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_merge_check
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair() -> tuple[Ticket, Ticket]:
    """Two tickets of one customer about one thing: the newer is merged into the older."""
    customer = factories.customer()
    older = factories.ticket(customer_=customer, subject="Invoice missing")
    newer = factories.ticket(customer_=customer, subject="Still no invoice", body="Where is it?")
    return older, newer


def test_the_check_refuses_another_customer_s_ticket_and_a_ticket_into_itself(
    pair: tuple[Ticket, Ticket],
) -> None:
    older, newer = pair
    stranger = factories.ticket()
    with pytest.raises(Invalid, match="Only tickets from one customer can be merged"):
        ticket_merge_check(survivor=stranger, others=[newer])
    with pytest.raises(Invalid, match="merged into itself"):
        ticket_merge_check(survivor=newer, others=[newer])
    ticket_merge_check(survivor=older, others=[newer])  # one customer's: fine


def test_the_ticket_page_offers_the_customer_s_open_tickets_to_merge_into(
    pair: tuple[Ticket, Ticket], agent_client: Client
) -> None:
    older, newer = pair
    page = agent_client.get(reverse("tickets:detail", args=[newer.pk])).content.decode()
    confirm = reverse("tickets:merge_into_confirm", args=[newer.pk])
    assert f'action="{confirm}"' in page
    assert f'href="{confirm}?into={older.reference}"' in page


def test_merging_by_typed_reference_says_what_happens_then_merges(
    pair: tuple[Ticket, Ticket], agent_client: Client
) -> None:
    older, newer = pair
    typed = older.reference.removeprefix("FD-").lower()  # as people type it
    confirm = agent_client.get(
        reverse("tickets:merge_into_confirm", args=[newer.pk]), {"into": typed}
    )
    assert confirm.status_code == 200
    text = confirm.content.decode()
    assert f"<strong><bdi>{newer.reference}</bdi></strong> will be merged into" in text
    assert "The customer is not told." in text
    newer.refresh_from_db()
    assert newer.merged_into_id is None  # reading the confirmation changes nothing
    done = agent_client.post(reverse("tickets:merge_into", args=[newer.pk]), {"into": older.pk})
    assert done["Location"] == reverse("tickets:detail", args=[older.pk])
    merged = Ticket.objects.get(pk=newer.pk)
    assert (merged.merged_into_id, merged.status) == (older.pk, Status.CLOSED)
    assert older.messages.filter(text="Where is it?").exists()


def test_another_customer_s_ticket_is_refused_and_nothing_changes(
    pair: tuple[Ticket, Ticket], agent_client: Client
) -> None:
    _older, newer = pair
    stranger = factories.ticket()
    confirm = agent_client.get(
        reverse("tickets:merge_into_confirm", args=[newer.pk]), {"into": stranger.reference}
    )
    assert confirm.status_code == 400
    assert "Only tickets from one customer can be merged." in confirm.content.decode()
    unknown = agent_client.get(
        reverse("tickets:merge_into_confirm", args=[newer.pk]), {"into": "FD-ZZZZZZ"}
    )
    assert unknown.status_code == 400
    # Posting the other customer's id straight away is refused by the service all the same.
    agent_client.post(reverse("tickets:merge_into", args=[newer.pk]), {"into": stranger.pk})
    newer.refresh_from_db()
    assert newer.merged_into_id is None
    assert newer.status != Status.CLOSED
