"""A customer's campaigns and opt-outs (their consents) in their export; erased with them, the
campaigns keep their counts and lose the address, and an opt-out survives as a digest of the
address, so the person is not written to again if they come back under a new record."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from typing import Any

from frontdesk.customers.models import Customer
from frontdesk.mail.privacy import outbound_mail_erase
from frontdesk.outreach.constants import RECIPIENT_MAIL
from frontdesk.outreach.models import CampaignRecipient, ErasedOptOut, OptOut


def address_digest(address: str) -> str:
    """The digest an erased customer's opted-out address is kept as."""
    return hashlib.sha256(f"frontdesk-opt-out:{address.strip().lower()}".encode()).hexdigest()


def addresses_suppressed(addresses: Iterable[str]) -> set[str]:
    """Which of these addresses belonged to an erased customer who had opted out."""
    by_digest = {address_digest(address): address for address in addresses if address}
    found = ErasedOptOut.objects.filter(digest__in=list(by_digest)).values_list("digest", flat=True)
    return {by_digest[digest] for digest in found}


def outreach_export(customer: Customer) -> dict[str, Any]:
    """The customer's opt-outs (and their undoing) and the campaigns written to them."""
    opt_outs = OptOut.objects.filter(customer=customer).select_related("campaign", "undone_by")
    recipients = CampaignRecipient.objects.filter(customer=customer).select_related("campaign")
    return {
        "opt_outs": [
            {
                "how": opt_out.how,
                "at": opt_out.created_at.isoformat(),
                "campaign": opt_out.campaign.name if opt_out.campaign else None,
                "undone_at": opt_out.undone_at.isoformat() if opt_out.undone_at else None,
            }
            for opt_out in opt_outs.order_by("created_at", "pk")
        ],
        "campaigns": [
            {
                "campaign": recipient.campaign.name,
                "address": recipient.address,
                "language": recipient.language,
                "status": recipient.status,
                "sent_at": recipient.sent_at.isoformat() if recipient.sent_at else None,
            }
            for recipient in recipients.order_by("pk")
        ],
    }


def outreach_erase(*, customer: Customer, addresses: Collection[str]) -> dict[str, int]:
    """Keep a digest of each address of a customer who opted out, then blank the addresses
    their campaign mail went to; how many."""
    recipients = CampaignRecipient.objects.filter(customer=customer)
    opted_out = OptOut.objects.filter(customer=customer, undone_at__isnull=True).exists()
    suppressed = 0
    if opted_out:
        written_to = set(recipients.exclude(address="").values_list("address", flat=True))
        for address in {*addresses, *written_to}:
            if "@" in address:
                ErasedOptOut.objects.get_or_create(digest=address_digest(address))
                suppressed += 1
    outbound_mail_erase(
        about=RECIPIENT_MAIL, about_ids=list(recipients.values_list("pk", flat=True))
    )
    return {
        "campaign_addresses": recipients.update(address="", reason=""),
        "opt_outs_kept_as_digest": suppressed,
    }
