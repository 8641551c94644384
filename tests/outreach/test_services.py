"""Scheduling and sending campaigns: an empty segment refused, mail over a real SMTP relay with
RFC 8058's headers, each recipient's state, opted-out customers skipped, no second send."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

import pytest
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.customers.services import customer_update
from frontdesk.outreach.choices import CampaignStatus, OptOutHow, RecipientStatus, SkipReason
from frontdesk.outreach.models import Campaign, CampaignRecipient, OptOut
from frontdesk.outreach.segments import Segment
from frontdesk.outreach.selectors import campaign_counts, recipient_by_token
from frontdesk.outreach.services import (
    campaign_cancel,
    campaign_schedule,
    campaigns_send_due,
    opt_out_record,
    opt_out_undo,
)
from tests import factories
from tests.mail.conftest import Sink
from tests.outreach.helpers import campaign, scheduled

pytestmark = pytest.mark.django_db(transaction=True)


def _mails(relay: Sink) -> dict[str, EmailMessage]:
    found = {}
    for raw in relay.messages:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        found[str(message["To"])] = message
    return found


def _text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def test_a_campaign_to_an_empty_segment_is_refused_with_the_reason(lead: User) -> None:
    draft = campaign(lead=lead, segment=Segment(key_only=True))
    with pytest.raises(Invalid, match="No customer is in this segment"):
        campaign_schedule(actor=lead, campaign=draft, at=None, now=timezone.now())
    draft.refresh_from_db()
    assert draft.status == CampaignStatus.DRAFT


def test_a_segment_nobody_in_can_be_written_to_is_refused_saying_why(lead: User) -> None:
    factories.customer(email="")
    with pytest.raises(Invalid, match="0 opted out and 1 have no e-mail address"):
        campaign_schedule(actor=lead, campaign=campaign(lead=lead), at=None, now=timezone.now())


def test_a_segment_empty_by_send_time_goes_back_to_draft_unsent(lead: User, relay: Sink) -> None:
    key = factories.customer(is_key=True)
    sent = scheduled(lead=lead, segment=Segment(key_only=True))
    customer_update(
        customer=key,
        name=key.name,
        organisation="",
        preferred_language="",
        is_key=False,
        notes="",
        tags=[],
    )
    campaigns_send_due(now=timezone.now())
    sent.refresh_from_db()
    assert (sent.status, sent.refused_code) == (CampaignStatus.DRAFT, "empty")
    assert not CampaignRecipient.objects.exists()
    assert relay.messages == []


def test_each_recipient_gets_their_language_with_the_unsubscribe_headers_and_link(
    lead: User, relay: Sink
) -> None:
    factories.customer(name="Ödön", email="odon@example.hu", language="hu")
    factories.customer(name="Mari", email="mari@example.ee", language="et")
    factories.customer(name="Dana", email="dana@example.co.il", language="he")
    sending = scheduled(lead=lead)
    assert campaigns_send_due(now=timezone.now()) == 3
    mails = _mails(relay)
    assert mails["odon@example.hu"]["Subject"] == "Tíz tipp a számláihoz"
    assert mails["mari@example.ee"]["Subject"] == "Ten tips for your invoices"  # fell back
    assert mails["dana@example.co.il"]["Subject"] == "עשרה טיפים לחשבוניות"
    for address, message in mails.items():
        recipient = CampaignRecipient.objects.get(address=address)
        header = str(message["List-Unsubscribe"]).strip()
        assert header.startswith("<http")
        assert header.endswith(">")
        link = header[1:-1]
        assert "/unsubscribe/" in link
        assert recipient_by_token(token=link.rsplit("/", 1)[1]) == recipient
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message["Message-ID"] == recipient.message_id
        assert link in _text(message)
        assert recipient.status == RecipientStatus.SENT
    assert "Első tipp" in _text(mails["odon@example.hu"])
    assert CampaignRecipient.objects.get(address="mari@example.ee").fell_back
    sending.refresh_from_db()
    assert sending.status == CampaignStatus.SENT


def test_a_rerun_or_a_restart_never_sends_twice(lead: User, relay: Sink) -> None:
    factories.customer(email="one@example.com")
    factories.customer(email="two@example.com")
    scheduled(lead=lead)
    now = timezone.now()
    campaigns_send_due(now=now)
    # As after a restart: the job runs again over the same campaign, and a recipient the
    # earlier run claimed is put back to "pending" in no way the job could see.
    assert campaigns_send_due(now=now) == 0
    assert campaigns_send_due(now=timezone.now()) == 0
    assert len(relay.messages) == 2


def test_recipients_are_fixed_when_sending_starts(lead: User, relay: Sink) -> None:
    factories.customer(email="early@example.com")
    sending = scheduled(lead=lead)
    campaigns_send_due(now=timezone.now())
    factories.customer(email="late@example.com")
    campaigns_send_due(now=timezone.now())
    assert set(_mails(relay)) == {"early@example.com"}
    assert sending.recipients.count() == 1


def test_whoever_opted_out_is_skipped_also_when_they_opt_out_after_sending_starts(
    lead: User, relay: Sink
) -> None:
    earlier = factories.customer(email="earlier@example.com")
    later = factories.customer(email="later@example.com")
    factories.customer(email="stays@example.com")
    first = scheduled(lead=lead)
    campaigns_send_due(now=timezone.now())
    opt_out_record(recipient=first.recipients.get(customer=earlier), how=OptOutHow.PAGE)
    relay.messages.clear()
    second = scheduled(lead=lead)
    # The job fixes the recipients, then (in the same run here) checks each one again.
    from frontdesk.outreach.services import _campaign_start

    _campaign_start(campaign_id=second.pk, now=timezone.now())
    opt_out_record(recipient=second.recipients.get(customer=later), how=OptOutHow.ONE_CLICK)
    campaigns_send_due(now=timezone.now())
    assert set(_mails(relay)) == {"stays@example.com"}
    skipped = dict(
        second.recipients.filter(status=RecipientStatus.SKIPPED).values_list("customer", "reason")
    )
    assert skipped == {earlier.pk: SkipReason.OPTED_OUT, later.pk: SkipReason.OPTED_OUT}
    counts = campaign_counts(campaign=second)
    assert (counts["sent"], counts["skipped"], counts["pending"]) == (1, 2, 0)


def test_a_relay_that_refuses_marks_the_recipient_failed_with_the_reason(
    lead: User, settings: object
) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"  # type: ignore[attr-defined]
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port  # type: ignore[attr-defined]
    settings.TASKS = {  # type: ignore[attr-defined]
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "mail"],
        }
    }
    from frontdesk.mail.outbound import mail_deliver

    factories.customer(email="far@example.com")
    scheduled(lead=lead)
    campaigns_send_due(now=timezone.now())
    recipient = CampaignRecipient.objects.get()
    assert recipient.status == RecipientStatus.QUEUED
    assert recipient.mail_id is not None
    mail_deliver.call(recipient.mail_id)
    recipient.refresh_from_db()
    assert recipient.status == RecipientStatus.FAILED
    assert recipient.reason


def test_cancelling_while_sending_skips_those_not_yet_handed_over(lead: User) -> None:
    factories.customer(email="a@example.com")
    sending = scheduled(lead=lead)
    from frontdesk.outreach.services import _campaign_start

    _campaign_start(campaign_id=sending.pk, now=timezone.now())
    campaign_cancel(actor=lead, campaign=sending, now=timezone.now())
    assert campaigns_send_due(now=timezone.now()) == 0
    sending.refresh_from_db()
    assert sending.status == CampaignStatus.CANCELLED
    assert sending.recipients.get().reason == SkipReason.CANCELLED


def test_agents_cannot_run_campaigns_or_undo_opt_outs(lead: User) -> None:
    agent = factories.agent()
    factories.customer()
    with pytest.raises(Forbidden):
        campaign(lead=agent)
    draft = campaign(lead=lead)
    with pytest.raises(Forbidden):
        campaign_schedule(actor=agent, campaign=draft, at=None, now=timezone.now())
    customer = factories.customer()
    opt_out = OptOut.objects.create(customer=customer, how=OptOutHow.PAGE)
    with pytest.raises(Forbidden):
        opt_out_undo(actor=agent, opt_out=opt_out, now=timezone.now())
    opt_out_undo(actor=lead, opt_out=opt_out, now=timezone.now())
    opt_out.refresh_from_db()
    assert (opt_out.undone_by, opt_out.undone_at is not None) == (lead, True)


def test_only_a_draft_changes_and_a_second_schedule_is_refused(lead: User) -> None:
    factories.customer()
    sent = scheduled(lead=lead)
    with pytest.raises(Invalid, match="Only a draft"):
        campaign_schedule(actor=lead, campaign=sent, at=None, now=timezone.now())
    assert Campaign.objects.get().status == CampaignStatus.SCHEDULED
