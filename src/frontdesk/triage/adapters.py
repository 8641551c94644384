"""Turn what a contact says, and what the desk knows of its sender, into the engine's Contact."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from frontdesk.customers.models import Customer
from frontdesk.engine.triage import Contact, CustomerContext

NEW_CUSTOMER_DAYS = 30


def contact_of(
    *,
    customer: Customer,
    subject: str,
    body: str,
    channel: str,
    received_at: datetime,
    headers: Mapping[str, object],
    attachments: int,
    contact_id: str | None = None,
) -> Contact:
    """The engine's Contact for a message that may not be stored yet (a ticket being opened)."""
    return Contact(
        id=contact_id,
        channel=channel,
        subject=subject,
        body=body,
        received_at=received_at,
        headers={str(k): str(v) for k, v in headers.items()},
        customer=CustomerContext(
            id=str(customer.pk),
            is_key=customer.is_key,
            is_new=received_at - customer.first_seen <= timedelta(days=NEW_CUSTOMER_DAYS),
            first_seen=customer.first_seen,
        ),
        attachments=attachments,
    )
