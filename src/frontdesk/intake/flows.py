"""A contact arrives: triage reads it, then its ticket is written, then the customer hears.

Every way in (mail, the portal, the kiosk, calls, the API, the desk) calls these flows, so a
contact is read and filed the same way whichever door it came through.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from frontdesk.core.tasks import task_enqueue_with_write
from frontdesk.customers.models import Customer
from frontdesk.customers.services import Identified, customer_identified_save, customer_identify
from frontdesk.engine.triage import Triage
from frontdesk.problems.services import problem_link_on_arrival
from frontdesk.tickets.choices import Channel, QueueKind
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.services import (
    ticket_create,
    ticket_create_check,
    ticket_customer_reply,
    ticket_customer_reply_check,
)
from frontdesk.tickets.tasks import acknowledgement_send
from frontdesk.triage.services import triage_new_contact

# A contact's transaction is tried again whole this many times at most (see contact_open).
OPEN_ATTEMPTS = 3


def contact_open(
    *,
    customer: Customer | Identified,
    subject: str,
    body: str,
    channel: str,
    language: str = "",
    html: str = "",
    headers: dict[str, str] | None = None,
    files: Sequence[UploadedFile] = (),
    acknowledge: bool = False,
    created_at: datetime | None = None,
    queue_kind: str = QueueKind.TICKET,
    message_id: str = "",
    flags: Sequence[str] = (),
    team_id: int | None = None,
    files_checked: bool = False,
    from_address: str = "",
    decision: Triage | None = None,
) -> Ticket:
    """Open a ticket for a new contact: triage it, then write the customer (when new), the
    ticket, its first message, the timeline entry, a problem's link and the queued
    acknowledgement in one transaction (a savepoint inside a caller's).

    `customer`: a customer, or the one a contact's details identified (`customer_identify`),
    written only with the ticket. `decision`: triage's decision when the caller made it already,
    before its own write transaction (incoming mail does, for the same `created_at`). The ticket
    returned is as written, its customer's identities loaded: answer from it, without reading
    it again.
    """
    ticket_create_check(
        subject=subject, body=body, channel=channel, files=files, files_checked=files_checked
    )
    created_at = created_at or timezone.now()
    identified = customer if isinstance(customer, Identified) else Identified.known(customer)
    # Triage before the transaction: on SQLite a write transaction holds the one write lock, so
    # the work done inside it is only the writes (intake speed is the writes per contact).
    decision = decision or triage_new_contact(
        customer=identified.customer,
        subject=subject.strip(),
        body=body,
        channel=channel,
        headers=headers or {},
        received_at=created_at,
        attachments=len(files),
    )
    for attempt in range(OPEN_ATTEMPTS):
        new_customer = identified.is_new
        try:
            with transaction.atomic():
                who = customer_identified_save(identified=identified)
                ticket = ticket_create(
                    customer=who,
                    subject=subject,
                    body=body,
                    channel=channel,
                    decision=decision,
                    language=language,
                    html=html,
                    headers=headers,
                    files=files,
                    created_at=created_at,
                    queue_kind=queue_kind,
                    message_id=message_id,
                    flags=flags,
                    team_id=team_id,
                    files_checked=files_checked,
                    from_address=from_address,
                )
                # Before the acknowledgement is worded: a contact about a known problem joins
                # it (level 3) and its acknowledgement says the desk knows of it.
                if queue_kind != QueueKind.FOLLOW_UP and problem_link_on_arrival(
                    ticket=ticket, body=body
                ):
                    ticket.refresh_from_db()  # the problem changed its level and dues
                if acknowledge:
                    task_enqueue_with_write(acknowledgement_send, ticket.pk)
            return ticket
        except IntegrityError:
            # A ticket reference drawn twice, or a new customer's address written by another
            # request meanwhile: nothing of this contact was kept, so try again whole (rare,
            # and cheaper than a savepoint around each insert on every contact).
            if attempt == OPEN_ATTEMPTS - 1:
                raise
            if new_customer:
                identified = customer_identify(
                    name=identified.name,
                    email=identified.email,
                    phone=identified.phone,
                    language=identified.language,
                )
    raise AssertionError("unreachable")


def customer_message_add(
    *,
    ticket: Ticket,
    customer: Customer,
    text: str,
    channel: str = Channel.WEB,
    html: str = "",
    headers: dict[str, str] | None = None,
    files: Sequence[UploadedFile] = (),
    message_id: str = "",
    flags: Sequence[str] = (),
    files_checked: bool = False,
    from_address: str = "",
) -> Message:
    """Put a customer's message on their ticket: triage reads it, the ticket records it and
    takes the decision (more urgent, never less); a ticket waiting for them opens again."""
    ticket_customer_reply_check(ticket=ticket, text=text, files=files, files_checked=files_checked)
    received_at = timezone.now()
    decision = triage_new_contact(
        customer=ticket.customer,
        subject=ticket.subject,
        body=text,
        channel=channel,
        headers=headers or {},
        received_at=received_at,
        attachments=len(files),
        ticket_id=ticket.pk,
    )
    return ticket_customer_reply(
        ticket=ticket,
        customer=customer,
        text=text,
        decision=decision,
        channel=channel,
        html=html,
        headers=headers,
        files=files,
        message_id=message_id,
        flags=flags,
        files_checked=files_checked,
        from_address=from_address,
        created_at=received_at,
    )
