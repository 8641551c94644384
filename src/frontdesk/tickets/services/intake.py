"""Writing what comes in: new tickets, customers' and third parties' messages, and triage's
decision on the ticket."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

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

TICKET_MOMENTS = (
    "created_at",
    "last_customer_message_at",
    "queue_since",
    "first_response_due",
    "resolution_due",
)


def ticket_create_check(
    *,
    subject: str,
    body: str,
    channel: str,
    files: Sequence[UploadedFile] = (),
    files_checked: bool = False,
) -> None:
    """Refuse a new ticket's subject, text, channel or files before anything reads them."""
    _check_subject(subject)
    _check_body(body)
    if channel not in Channel.values:
        raise Invalid(f"Unknown channel {channel!r}.")
    if not files_checked:
        attachments_validate(files)


def ticket_create(
    *,
    customer: Customer,
    subject: str,
    body: str,
    channel: str,
    decision: Triage,
    language: str = "",
    html: str = "",
    headers: dict[str, str] | None = None,
    files: Sequence[UploadedFile] = (),
    created_at: datetime | None = None,
    queue_kind: str = QueueKind.TICKET,
    message_id: str = "",
    flags: Sequence[str] = (),
    team_id: int | None = None,
    files_checked: bool = False,
    from_address: str = "",
) -> Ticket:
    """Open a ticket with the customer's first message, as triage decided, and put it on their
    timeline.

    `decision`: triage's decision, made before the write (same `created_at`), so that the row
    goes in once with its level, SLA dues and place in the queue (intake speed is the number of
    writes per contact). `files_checked`: the caller applied its own rules to the files
    (incoming mail keeps an empty attachment, flagged, rather than refusing the message).
    `from_address`: the address an e-mail came from. A reference drawn twice raises
    IntegrityError, undoing the caller's transaction (or savepoint), which tries again whole: no
    savepoint of its own per ticket (contact_open does).
    """
    ticket_create_check(
        subject=subject, body=body, channel=channel, files=files, files_checked=files_checked
    )
    created_at = created_at or timezone.now()
    subject = subject.strip()
    ticket = Ticket(
        customer=customer,
        subject=subject,
        channel=channel,
        language=decision.language
        or language
        or customer.preferred_language
        or settings.LANGUAGE_CODE,
        level=decision.level,
        quick_win=decision.quick_win,
        effort_minutes=decision.effort_minutes,
        tone=decision.tone,
        reasons=reasons_to_rows(decision.reasons),
        red_flags=list(decision.red_flags),
        team_id=team_id,
        created_at=created_at,
        last_customer_message_at=created_at,
        queue_since=created_at,
        queue_kind=queue_kind,
    )
    _sla_dues_compute(ticket)
    _queue_key_compute(ticket)
    # Moments in UTC, as the database gives them back: an answer built from this row (the API's)
    # then reads exactly as a later read of it does (the SLA dues come in the desk's zone).
    for moment in TICKET_MOMENTS:
        value = getattr(ticket, moment)
        if value is not None:
            setattr(ticket, moment, value.astimezone(UTC))
    with transaction.atomic(savepoint=False):
        _ticket_insert(ticket, text=body, savepoint=False)
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
    return ticket


def _message_triage_apply(ticket: Ticket, message: Message, decided: Triage) -> None:
    # A later message can make a ticket more urgent, never less: a calm follow-up does not undo
    # a payment problem. An agent's correction is kept unless the new message is more urgent.
    first = (
        not ticket.messages.filter(direction=MessageDirection.IN).exclude(pk=message.pk).exists()
    )
    if first or decided.level < ticket.level:
        level, reasons = decided.level, decided.reasons
    else:
        level, reasons = ticket.level, ()
    ticket_triage_apply(
        ticket=ticket,
        level=level,
        quick_win=decided.quick_win if first else ticket.quick_win,
        effort_minutes=decided.effort_minutes if first else ticket.effort_minutes,
        language=decided.language if first else ticket.language,
        tone=decided.tone,
        reasons=reasons_to_rows(reasons) if reasons else ticket.reasons,
        red_flags=list(decided.red_flags),
    )


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


def ticket_customer_reply_check(
    *,
    ticket: Ticket,
    text: str,
    files: Sequence[UploadedFile] = (),
    files_checked: bool = False,
) -> None:
    """Refuse a customer's message before anything reads it: no text, bad files, a closed ticket."""
    _check_body(text)
    if not files_checked:
        attachments_validate(files)
    if ticket.status == Status.CLOSED:
        raise Invalid(_("This request is closed. Please send a new request instead."))


def ticket_customer_reply(
    *,
    ticket: Ticket,
    customer: Customer,
    text: str,
    decision: Triage,
    channel: str = Channel.WEB,
    html: str = "",
    headers: dict[str, str] | None = None,
    files: Sequence[UploadedFile] = (),
    message_id: str = "",
    flags: Sequence[str] = (),
    files_checked: bool = False,
    from_address: str = "",
    created_at: datetime | None = None,
) -> Message:
    """Record the customer's answer and what triage read in it (`decision`, made for the same
    `created_at`); a ticket waiting for them, or solved, opens again."""
    ticket_customer_reply_check(ticket=ticket, text=text, files=files, files_checked=files_checked)
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
            created_at=created_at,
        )
        ticket.last_customer_message_at = message.created_at
        ticket.save(update_fields=["last_customer_message_at", "updated_at"])
        _message_triage_apply(ticket, message, decision)
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
