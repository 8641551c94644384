"""Turn tickets and messages into the engine's Contact, and stored reasons into engine Reasons."""

from __future__ import annotations

from datetime import timedelta

from frontdesk.engine.triage import Contact, CustomerContext, Reason
from frontdesk.tickets.models import Message, Ticket

NEW_CUSTOMER_DAYS = 30


def contact_from_message(ticket: Ticket, message: Message) -> Contact:
    """What the engine reads: the subject, one message, and the customer's context."""
    customer = ticket.customer
    received = message.created_at
    return Contact(
        id=str(ticket.pk),
        channel=message.channel,
        subject=ticket.subject,
        body=message.text,
        received_at=received,
        headers={str(k): str(v) for k, v in (message.headers or {}).items()},
        customer=CustomerContext(
            id=str(customer.pk),
            is_key=customer.is_key,
            is_new=received - customer.first_seen <= timedelta(days=NEW_CUSTOMER_DAYS),
            first_seen=customer.first_seen,
        ),
        attachments=message.attachments.count(),
    )


def reasons_to_rows(reasons: tuple[Reason, ...]) -> list[dict[str, str]]:
    """Reasons as stored on a ticket: code and detail, so each page words them in its language."""
    return [{"code": reason.code, "detail": reason.detail} for reason in reasons]


def reasons_from_rows(rows: object) -> list[Reason]:
    """Stored reasons back as engine Reasons; unknown shapes are skipped, not fatal."""
    if not isinstance(rows, list):
        return []
    reasons = []
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("code"), str):
            reasons.append(Reason(code=row["code"], detail=str(row.get("detail", ""))))
    return reasons
