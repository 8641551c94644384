"""Delivery news of campaign mail, from mail's signals; customer merges, from customers'."""

from collections.abc import Sequence
from typing import Any

from django.dispatch import receiver

from frontdesk.customers.models import Customer
from frontdesk.customers.signals import customer_erasing, customer_merging
from frontdesk.mail.models import OutboundMail
from frontdesk.mail.signals import mail_failed, mail_sent
from frontdesk.outreach.constants import RECIPIENT_MAIL
from frontdesk.outreach.privacy import outreach_erase
from frontdesk.outreach.services import outreach_move_customer, recipient_delivery_record


@receiver(mail_sent, sender=OutboundMail)
def campaign_mail_sent(sender: type[OutboundMail], mail: OutboundMail, **kwargs: Any) -> None:
    if mail.about == RECIPIENT_MAIL and mail.about_id is not None:
        recipient_delivery_record(recipient_id=mail.about_id)


@receiver(mail_failed, sender=OutboundMail)
def campaign_mail_failed(
    sender: type[OutboundMail], mail: OutboundMail, error: str, **kwargs: Any
) -> None:
    if mail.about == RECIPIENT_MAIL and mail.about_id is not None:
        recipient_delivery_record(recipient_id=mail.about_id, error=error or "?")


@receiver(customer_merging, sender=Customer)
def move_outreach_on_merge(
    sender: type[Customer], source: Customer, target: Customer, **kwargs: Any
) -> None:
    outreach_move_customer(source_id=source.pk, target_id=target.pk)


@receiver(customer_erasing, sender=Customer)
def erase_campaign_addresses(
    sender: type[Customer], customer: Customer, addresses: Sequence[str] = (), **kwargs: Any
) -> dict[str, int]:
    return outreach_erase(customer=customer, addresses=addresses)
