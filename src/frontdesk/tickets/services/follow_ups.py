"""Follow-up tickets: a promise worked as a ticket, and its entry into the queue when due."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.core.clock import desk_local
from frontdesk.customers.models import Customer
from frontdesk.tickets.choices import QUEUED_STATUSES, Channel, Level, QueueKind, Status
from frontdesk.tickets.constants import SUBJECT_LENGTH
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services._common import _check_subject, _ticket_insert, ticket_note_system
from frontdesk.tickets.services.placement import ticket_queue_place


def ticket_follow_up_open(
    *, customer: Customer, owner: User, text: str, due_at: datetime, channel: str = Channel.PHONE
) -> Ticket:
    """The ticket a promise is worked as: the owner's, of kind follow-up, out of the queue until
    it is due (follow_ups_activate puts it in)."""
    _check_subject(text)
    now = timezone.now()
    ticket = Ticket(
        customer=customer,
        subject=text.strip()[:SUBJECT_LENGTH],
        channel=channel,
        language=customer.preferred_language or settings.LANGUAGE_CODE,
        level=Level.NORMAL,
        created_at=now,
        last_customer_message_at=now,
        assignee=owner,
        status=Status.OPEN,
        queue_since=due_at,
        queue_kind=QueueKind.FOLLOW_UP,
        queue_key=None,
    )
    _ticket_insert(ticket)
    ticket_note_system(
        ticket=ticket,
        actor=owner,
        # The stored words are the fallback for readers that do not know the event; the page
        # words it from the event, in the reader's language.
        text=f"Follow-up due {desk_local(due_at):%Y-%m-%d %H:%M}",
        event={"code": "follow_up", "due": due_at.isoformat()},
    )
    return ticket


def tickets_follow_ups_activate(*, now: datetime) -> int:
    """Put the follow-ups that have come due into their owners' queues; how many."""
    due = Ticket.objects.filter(
        queue_kind=QueueKind.FOLLOW_UP,
        queue_key__isnull=True,
        status__in=QUEUED_STATUSES,
        queue_since__lte=now,
    ).select_related("customer")
    count = 0
    for ticket in due:
        ticket_queue_place(ticket=ticket, now=now)
        count += 1
    return count
