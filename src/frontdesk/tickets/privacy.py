"""A customer's tickets in their export, and erased with them: subjects, texts, addresses and
attachments go (files too, once the erasure commits); the tickets stay with their times,
levels, channels and tags, so the desk's figures do not change."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.files.storage import default_storage
from django.db.models import Q

from frontdesk.audit.privacy import audit_labels_replace
from frontdesk.core.attachments import stored_files_delete
from frontdesk.customers.models import Customer
from frontdesk.mail.privacy import mail_erase, outbound_mail_erase
from frontdesk.tickets.choices import OPEN_STATUSES
from frontdesk.tickets.constants import MESSAGE_MAIL, REFERENCE_PREFIX
from frontdesk.tickets.models import Attachment, Message, Ticket

# What an erased ticket's subject reads; the ticket keeps its reference.
ERASED_SUBJECT = "(erased)"
_HASH_CHUNK_BYTES = 64 * 1024


def _when(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


def _sha256(attachment: Attachment) -> str | None:
    """The file's sha256, read from storage; None when the file is gone."""
    if not attachment.file.name or not default_storage.exists(attachment.file.name):
        return None
    digest = hashlib.sha256()
    with default_storage.open(attachment.file.name, "rb") as stored:
        for chunk in iter(lambda: stored.read(_HASH_CHUNK_BYTES), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _message_export(message: Message) -> dict[str, Any]:
    author = message.author_agent or message.author_customer
    return {
        "id": message.pk,
        "ticket": message.ticket.reference,
        "at": _when(message.created_at),
        "direction": message.direction,
        "channel": message.channel,
        "author": {
            "kind": "agent" if message.author_agent else "customer" if author else "desk",
            "name": message.author_name,
        },
        "from_address": message.from_address,
        "subject": message.subject,
        "text": message.text,
        "delivered_at": _when(message.delivered_at),
        "attachments": [
            {
                "name": attachment.name,
                "type": attachment.content_type,
                "size": attachment.size,
                "sha256": _sha256(attachment),
            }
            for attachment in message.attachments.all()
        ],
    }


def tickets_export(customer: Customer) -> list[dict[str, Any]]:
    """The customer's tickets with their messages (and who wrote each), attachments listed."""
    tickets = (
        Ticket.objects.filter(customer=customer)
        .select_related("assignee", "team")
        .prefetch_related(
            "messages__attachments", "messages__author_agent", "messages__author_customer"
        )
        .order_by("created_at", "pk")
    )
    return [
        {
            "reference": ticket.reference,
            "subject": ticket.subject,
            "channel": ticket.channel,
            "status": ticket.status,
            "level": ticket.level,
            "language": ticket.language,
            "tags": ticket.tags,
            "custom_fields": ticket.custom,
            "assignee": ticket.assignee.username if ticket.assignee else None,
            "team": ticket.team.name if ticket.team else None,
            "created_at": _when(ticket.created_at),
            "solved_at": _when(ticket.solved_at),
            "closed_at": _when(ticket.closed_at),
            "messages": [_message_export(message) for message in ticket.messages.all()],
        }
        for ticket in tickets
    ]


def messages_elsewhere_export(customer: Customer) -> list[dict[str, Any]]:
    """What the customer wrote on other customers' tickets (in copy on a thread)."""
    messages = (
        Message.objects.filter(author_customer=customer)
        .exclude(ticket__customer=customer)
        .select_related("ticket", "author_customer")
        .prefetch_related("attachments")
    )
    return [_message_export(message) for message in messages]


def tickets_erasure_count(customer: Customer) -> dict[str, int]:
    """How many tickets of the customer an erasure would blank, and how many are open."""
    tickets = Ticket.objects.filter(customer=customer)
    return {
        "tickets": tickets.count(),
        "open_tickets": tickets.filter(status__in=OPEN_STATUSES).count(),
    }


def _event_erased(event: dict[str, Any]) -> dict[str, Any]:
    # A custom field's change quotes the values; the label and the fact of the change stay.
    if event.get("code") == "custom":
        return {
            **event,
            "changes": [
                {**change, "from": None, "to": None} for change in event.get("changes", [])
            ],
        }
    return event


def tickets_erase(*, customer: Customer) -> dict[str, int]:
    """Blank the subjects, texts, addresses and custom values of the customer's tickets and of
    every message they wrote; delete their attachments, files once the erasure commits; empty
    their stored mail. Tickets stay for the figures. How many of each."""
    tickets = list(Ticket.objects.filter(customer=customer))
    ticket_ids = [ticket.pk for ticket in tickets]
    messages = list(
        Message.objects.filter(Q(ticket_id__in=ticket_ids) | Q(author_customer=customer))
    )
    message_ids = [message.pk for message in messages]
    attachments = Attachment.objects.filter(message_id__in=message_ids)
    files = list(attachments.values_list("file", flat=True))
    deleted_attachments = attachments.delete()[0]
    stored_files_delete(files)
    for message in messages:
        message.subject = message.text = message.html = ""
        message.from_address = message.delivery_error = ""
        message.headers = {}
        message.event = _event_erased(message.event or {})
    Message.objects.bulk_update(
        messages,
        ["subject", "text", "html", "from_address", "delivery_error", "headers", "event"],
        batch_size=500,
    )
    for ticket in tickets:
        ticket.subject = ERASED_SUBJECT
        ticket.search_text = ticket.reference.removeprefix(REFERENCE_PREFIX)
        ticket.custom, ticket.custom_folded = {}, {}
        ticket.reasons = [{**reason, "detail": ""} for reason in ticket.reasons or []]
    Ticket.objects.bulk_update(
        tickets, ["subject", "search_text", "custom", "custom_folded", "reasons"], batch_size=500
    )
    mailed = mail_erase(ticket_ids=ticket_ids, message_ids=message_ids)
    sent = outbound_mail_erase(about=MESSAGE_MAIL, about_ids=message_ids)
    audit_labels_replace(
        object_type="ticket", labels={ticket.pk: str(ticket) for ticket in tickets}
    )
    return {
        "tickets": len(tickets),
        "messages": len(messages),
        "attachments": deleted_attachments,
        "mail_in": mailed.inbound,
        "mail_out": mailed.outbound + sent,
    }
