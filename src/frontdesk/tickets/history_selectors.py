"""Reads of the desk's past contacts, as a replay of its days takes them (reports' what-if)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, Subquery

from frontdesk.tickets.choices import Channel, MessageDirection, QueueKind
from frontdesk.tickets.models import Message, Ticket

# What detection reads of a message: enough to tell what it is about, bounded in memory.
REPORT_TEXT_LENGTH = 2000
# The notes that say an agent began work on a ticket: took it, was given it, or had it handed out.
TAKEN_CODES = ("taken", "assigned", "handed_out")


@dataclass(frozen=True)
class ContactRow:
    """One contact of the past: what it was, what triage estimated, and when an agent last took
    it up before answering it (None when nobody recorded it)."""

    ticket_id: int
    created_at: datetime
    channel: str
    level: int
    is_key: bool
    effort_minutes: int | None
    taken_at: datetime | None
    first_responded_at: datetime | None


def ticket_contacts_between(*, since: datetime, until: datetime) -> list[ContactRow]:
    """The contacts customers made in [since, until), oldest first: calls, visits and tickets
    with a message in from the customer. Merged tickets (their thread lives on in another),
    follow-ups (a promise, not a contact) and conversations the desk began are left out."""
    taken = (
        Message.objects.filter(
            ticket=OuterRef("pk"),
            direction=MessageDirection.NOTE,
            event__code__in=TAKEN_CODES,
            created_at__lte=OuterRef("first_responded_at"),
        )
        .order_by("-created_at", "-id")
        .values("created_at")[:1]
    )
    came_in = Message.objects.filter(ticket=OuterRef("pk"), direction=MessageDirection.IN)
    rows = (
        Ticket.objects.filter(created_at__gte=since, created_at__lt=until, merged_into=None)
        .exclude(queue_kind=QueueKind.FOLLOW_UP)
        .filter(Q(channel__in=[Channel.PHONE, Channel.VISIT]) | Exists(came_in))
        .annotate(taken_at=Subquery(taken))
        .order_by("created_at", "id")
        .values_list(
            "pk",
            "created_at",
            "channel",
            "level",
            "customer__is_key",
            "effort_minutes",
            "taken_at",
            "first_responded_at",
        )
    )
    return [ContactRow(*row) for row in rows.iterator(chunk_size=2000)]


@dataclass(frozen=True)
class ReportRow:
    """One customer's contact as problem detection reads it: what they wrote, and when."""

    ticket_id: int
    created_at: datetime
    channel: str
    subject: str
    body: str
    customer_id: int


def ticket_reports_between(*, since: datetime, until: datetime) -> list[ReportRow]:
    """The contacts customers wrote in [since, until), oldest first, with the text of their first
    message: tickets with a message in from the customer, less merged tickets and follow-ups."""
    first_text = (
        Message.objects.filter(ticket=OuterRef("pk"), direction=MessageDirection.IN)
        .order_by("created_at", "id")
        .values("text")[:1]
    )
    rows = (
        Ticket.objects.filter(created_at__gte=since, created_at__lt=until, merged_into=None)
        .exclude(queue_kind=QueueKind.FOLLOW_UP)
        .annotate(body=Subquery(first_text))
        .filter(body__isnull=False)
        .order_by("created_at", "id")
        .values_list("pk", "created_at", "channel", "subject", "body", "customer_id")
    )
    return [
        ReportRow(pk, created_at, channel, subject, (body or "")[:REPORT_TEXT_LENGTH], customer)
        for pk, created_at, channel, subject, body, customer in rows.iterator(chunk_size=2000)
    ]
