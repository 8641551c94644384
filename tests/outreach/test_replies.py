"""A customer's reply to a campaign mail becomes a ticket naming the campaign; a second reply
to the same mail joins that ticket."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from django.urls import reverse
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.mail.inbound import mail_receive
from frontdesk.outreach.models import CampaignRecipient, CampaignReply
from frontdesk.outreach.services import campaigns_send_due
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.conftest import signed_in
from tests.mail.conftest import Sink
from tests.outreach.helpers import scheduled

pytestmark = pytest.mark.django_db(transaction=True)


def _reply(*, sender: str, answers: str, message_id: str, text: str) -> bytes:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "help@frontdesk.example"
    mail["Subject"] = "Re: Ten tips for your invoices"
    mail["Message-ID"] = message_id
    mail["In-Reply-To"] = answers
    mail["References"] = answers
    mail.set_content(text)
    return bytes(mail)


def test_a_reply_to_a_campaign_mail_opens_a_ticket_linked_to_the_campaign(
    lead: User, relay: Sink
) -> None:
    customer = factories.customer(name="Ödön", email="odon@example.hu")
    sending = scheduled(lead=lead)
    campaigns_send_due(now=timezone.now())
    recipient = CampaignRecipient.objects.get()
    inbound = mail_receive(
        raw=_reply(
            sender="odon@example.hu",
            answers=recipient.message_id,
            message_id="<r1@example.hu>",
            text="Thanks! How do I change my VAT number?",
        ),
        source="smtp",
    )
    ticket = inbound.ticket
    assert ticket is not None
    assert ticket.customer_id == customer.pk
    assert CampaignReply.objects.get().ticket_id == ticket.pk
    page = signed_in(lead).get(reverse("tickets:detail", kwargs={"ticket_id": ticket.pk}))
    assert "A reply to the campaign" in page.content.decode()
    assert reverse("outreach:detail", kwargs={"campaign_id": sending.pk}) in page.content.decode()
    detail = signed_in(lead).get(reverse("outreach:detail", kwargs={"campaign_id": sending.pk}))
    assert ticket.reference in detail.content.decode()
    # The same mail answered again: on the same ticket, not a new one.
    again = mail_receive(
        raw=_reply(
            sender="odon@example.hu",
            answers=recipient.message_id,
            message_id="<r2@example.hu>",
            text="And one more question.",
        ),
        source="smtp",
    )
    assert again.ticket == ticket
    assert Ticket.objects.count() == 1
    assert ticket.messages.filter(direction="in").count() == 2


def test_a_mail_naming_no_campaign_opens_an_ordinary_ticket(relay: Sink) -> None:
    inbound = mail_receive(
        raw=_reply(
            sender="someone@example.com",
            answers="<unknown@elsewhere.example>",
            message_id="<r3@example.com>",
            text="Hello",
        ),
        source="smtp",
    )
    assert inbound.ticket is not None
    assert not CampaignReply.objects.exists()
