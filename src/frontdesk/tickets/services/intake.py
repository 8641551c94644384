"""Writing what comes in: new tickets, customers' and third parties' messages, and triage's
decision on the ticket."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.core.attachments import attachments_validate
from frontdesk.core.errors import Invalid
from frontdesk.customers.models import Customer
from frontdesk.customers.services import interaction_record
from frontdesk.engine.triage import Triage
from frontdesk.tickets.adapters import reasons_to_rows
from frontdesk.tickets.choices import Channel, Level, MessageDirection, QueueKind, Status
from frontdesk.tickets.constants import THIRD_PARTY
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.services._common import (
    INTERACTION_KIND,
    _check_body,
    _check_subject,
    _message_add,
    _ticket_insert,
)
from frontdesk.tickets.services.lifecycle import _status_apply
from frontdesk.tickets.services.placement import _queue_key_compute, _sla_dues_compute


def ticket_create(
    *,
    customer: Customer,
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
    triaged: Triage | None = None,
    from_address: str = "",
) -> Ticket:
    """Open a ticket with the customer's first message and put it on their timeline.

    `files_checked`: the caller applied its own rules to the files (incoming mail keeps an
    empty attachment, flagged, rather than refusing the message). `triaged`: triage's decision,
    made by the caller before its write transaction (`triage_new_contact`, same `created_at`).
    `from_address`: the address an e-mail came from.
    """
    _check_subject(subject)
    _check_body(body)
    if channel not in Channel.values:
        raise Invalid(f"Unknown channel {channel!r}.")
    if not files_checked:
        attachments_validate(files)
    created_at = created_at or timezone.now()
    subject = subject.strip()
    from frontdesk.triage.services import triage_new_contact

    # Triage before the ticket is written, so that the row goes in once with its level, SLA
    # dues and place in the queue (intake speed is the number of writes per contact).
    decided = triaged or triage_new_contact(
        customer=customer,
        subject=subject,
        body=body,
        channel=channel,
        headers=headers or {},
        received_at=created_at,
        attachments=len(files),
    )
    ticket = Ticket(
        customer=customer,
        subject=subject,
        channel=channel,
        language=decided.language
        or language
        or customer.preferred_language
        or settings.LANGUAGE_CODE,
        level=decided.level,
        quick_win=decided.quick_win,
        effort_minutes=decided.effort_minutes,
        tone=decided.tone,
        reasons=reasons_to_rows(decided.reasons),
        red_flags=list(decided.red_flags),
        team_id=team_id,
        created_at=created_at,
        last_customer_message_at=created_at,
        queue_since=created_at,
        queue_kind=queue_kind,
    )
    _sla_dues_compute(ticket)
    _queue_key_compute(ticket)
    with transaction.atomic(savepoint=False):
        _ticket_insert(ticket)
        _message_add(
            ticket=ticket,
            direction=MessageDirection.IN,
            channel=channel,
            subject=ticket.subject,
            text=body,
            html=html,
            customer=customer,
            headers=headers,
            files=files,
            created_at=created_at,
            message_id=message_id,
            flags=flags,
            from_address=from_address,
        )
        interaction_record(
            customer=customer,
            kind=INTERACTION_KIND[Channel(channel)],
            summary=f"{ticket.reference}: {ticket.subject}",
            ticket_id=ticket.pk,
            occurred_at=created_at,
        )
        if acknowledge:
            from frontdesk.tickets.tasks import acknowledgement_send

            transaction.on_commit(lambda: acknowledgement_send.enqueue(ticket.pk))
    return ticket


def _triage(ticket: Ticket, message: Message) -> None:
    # Triage reads tickets and writes back through ticket_triage_apply; imported here because
    # the triage app builds on this one.
    from frontdesk.triage.services import message_triage

    message_triage(ticket=ticket, message=message)


def ticket_triage_apply(
    *,
    ticket: Ticket,
    level: int,
    quick_win: bool,
    effort_minutes: int | None,
    language: str,
    tone: float | None,
    reasons: list[dict[str, object]],
    red_flags: list[str] | None,
) -> Ticket:
    """Put triage's decision (or an agent's correction of it) on the ticket."""
    if level not in Level.values:
        raise Invalid(_("The level must be 1, 2, 3 or 4."))
    ticket.level = level
    ticket.quick_win = quick_win
    ticket.effort_minutes = effort_minutes
    ticket.language = language or ticket.language
    ticket.tone = tone
    ticket.reasons = reasons
    fields = ["level", "quick_win", "effort_minutes", "language", "tone", "reasons", "updated_at"]
    if red_flags is not None:
        ticket.red_flags = red_flags
        fields.append("red_flags")
    # The level decides the SLA dues and the queue key: all three go to the row in one write.
    _sla_dues_compute(ticket)
    _queue_key_compute(ticket)
    ticket.save(update_fields=[*fields, "first_response_due", "resolution_due", "queue_key"])
    return ticket


def ticket_customer_reply(
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
    """Record the customer's answer; a ticket waiting for them, or solved, opens again."""
    _check_body(text)
    if not files_checked:
        attachments_validate(files)
    if ticket.status == Status.CLOSED:
        raise Invalid(_("This request is closed. Please send a new request instead."))
    with transaction.atomic():
        message = _message_add(
            ticket=ticket,
            direction=MessageDirection.IN,
            channel=channel,
            text=text,
            html=html,
            customer=customer,
            headers=headers,
            files=files,
            message_id=message_id,
            flags=flags,
            from_address=from_address,
        )
        ticket.last_customer_message_at = message.created_at
        ticket.save(update_fields=["last_customer_message_at", "updated_at"])
        _triage(ticket, message)
        if ticket.status in {Status.WAITING, Status.SOLVED}:
            _status_apply(ticket, Status.OPEN)
        interaction_record(
            customer=customer,
            kind=INTERACTION_KIND[Channel(channel)],
            summary=f"{ticket.reference}: {text}",
            ticket_id=ticket.pk,
        )
    return message


def ticket_third_party_reply(
    *,
    ticket: Ticket,
    sender: Customer,
    text: str,
    channel: str = Channel.EMAIL,
    html: str = "",
    headers: dict[str, str] | None = None,
    files: Sequence[UploadedFile] = (),
    message_id: str = "",
    flags: Sequence[str] = (),
    files_checked: bool = False,
    from_address: str = "",
) -> Message:
    """Record a message on the ticket from someone who is not its customer (a colleague in copy
    answering the thread): authored by that sender and flagged, never as the customer.

    The ticket's customer does not see it, and it does not speak for them: the ticket's level,
    language and tone stay as triage read them from the customer's own words. A ticket waiting
    for an answer, or solved, opens again, so that an agent reads what came in.
    """
    if sender.pk == ticket.customer_id:
        raise ValueError("the ticket's own customer replies through ticket_customer_reply")
    _check_body(text)
    if not files_checked:
        attachments_validate(files)
    if ticket.status == Status.CLOSED:
        raise Invalid(_("This request is closed. Please send a new request instead."))
    with transaction.atomic():
        message = _message_add(
            ticket=ticket,
            direction=MessageDirection.IN,
            channel=channel,
            text=text,
            html=html,
            customer=sender,
            headers=headers,
            files=files,
            message_id=message_id,
            flags=[*flags, THIRD_PARTY],
            from_address=from_address,
        )
        ticket.save(update_fields=["updated_at"])
        if ticket.status in {Status.WAITING, Status.SOLVED}:
            _status_apply(ticket, Status.OPEN)
        # On the sender's own timeline: the desk remembers who wrote about what.
        interaction_record(
            customer=sender,
            kind=INTERACTION_KIND[Channel(channel)],
            summary=f"{ticket.reference}: {text}",
            ticket_id=ticket.pk,
        )
    return message
