"""The desk reaching the customer: an e-mail an agent starts, a call an agent logs; each becomes
a ticket on the customer's timeline. Neither is triaged: they are the agent's words, not the
customer's."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.customers.choices import Direction, InteractionKind
from frontdesk.customers.models import Customer
from frontdesk.customers.selectors import customer_email_addresses
from frontdesk.customers.services import interaction_record
from frontdesk.tickets.choices import Channel, Level, MessageDirection, QueueKind, Status
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.reply_filters import reply_text_prepare
from frontdesk.tickets.services._common import (
    _check_body,
    _check_subject,
    _message_add,
    _ticket_insert,
)
from frontdesk.tickets.services.delivery import ticket_reply
from frontdesk.tickets.services.lifecycle import _status_apply


def _ticket_open_by_agent(
    *, customer: Customer, agent: User, subject: str, channel: str, language: str, text: str
) -> Ticket:
    # Out of the queue from the start: the agent who reached out has it, and the status that
    # follows (waiting on the customer, solved, or open and theirs) places it.
    now = timezone.now()
    spoken = {code for code, _name in settings.LANGUAGES}
    ticket = Ticket(
        customer=customer,
        subject=subject.strip(),
        channel=channel,
        language=language
        if language in spoken
        else (customer.preferred_language or settings.LANGUAGE_CODE),
        level=Level.NORMAL,
        status=Status.OPEN,
        assignee=agent,
        created_at=now,
        queue_since=now,
        queue_kind=QueueKind.TICKET,
        queue_key=None,
    )
    _ticket_insert(ticket, text=text)
    return ticket


def ticket_write_to_customer(
    *, customer: Customer, agent: User, subject: str, body: str, to: str = "", language: str = ""
) -> Ticket:
    """Start an e-mail conversation: a ticket of the agent's, its first message the agent's
    (macros expanded), mailed to `to` (one of the customer's addresses; the primary one when
    empty), then waiting on the customer."""
    _check_subject(subject)
    _check_body(body)
    addresses = customer_email_addresses(customer=customer)
    if not addresses:
        raise Invalid(_("This customer has no e-mail address. Add one to write to them."))
    chosen = [a for a in addresses if a.lower() == to.strip().lower()] if to.strip() else addresses
    if not chosen:
        raise Invalid(_("Choose one of the customer's e-mail addresses."))
    address = chosen[0]
    with transaction.atomic():
        ticket = _ticket_open_by_agent(
            customer=customer,
            agent=agent,
            subject=subject,
            channel=Channel.EMAIL,
            language=language,
            text=body,
        )
        text = reply_text_prepare(text=body, ticket=ticket, agent=agent)
        ticket_reply(ticket=ticket, agent=agent, text=text, to=address)
    return ticket


def ticket_call_log(
    *,
    customer: Customer,
    agent: User,
    direction: str,
    subject: str,
    text: str,
    keep_open: bool = False,
) -> Ticket:
    """Record a phone call: a ticket on the phone channel holding what was said as a note,
    solved unless the agent keeps it open (then it is theirs), on the customer's timeline."""
    _check_subject(subject)
    _check_body(text)
    if direction not in {Direction.IN, Direction.OUT}:
        raise Invalid(_("Say whether the customer called or you called them."))
    with transaction.atomic():
        ticket = _ticket_open_by_agent(
            customer=customer,
            agent=agent,
            subject=subject,
            channel=Channel.PHONE,
            language="",
            text=text,
        )
        message = _message_add(
            ticket=ticket,
            direction=MessageDirection.NOTE,
            channel=Channel.PHONE,
            subject=ticket.subject,
            text=text,
            agent=agent,
        )
        ticket.first_responded_at = message.created_at
        ticket.save(update_fields=["first_responded_at"])
        interaction_record(
            customer=customer,
            kind=InteractionKind.CALL,
            direction=direction,
            summary=f"{ticket.reference}: {ticket.subject}",
            agent=agent,
            ticket_id=ticket.pk,
            occurred_at=message.created_at,
        )
        _status_apply(ticket, Status.OPEN if keep_open else Status.SOLVED)
    return ticket
