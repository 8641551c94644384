"""Merging a customer's duplicate tickets into one: the thread moves, the references keep
leading to it, and the customer hears nothing new."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_record
from frontdesk.core.errors import Invalid
from frontdesk.tickets.choices import OPEN_STATUSES, Status
from frontdesk.tickets.constants import REFERENCE_PREFIX, TAG_COUNT
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.selectors import ticket_count
from frontdesk.tickets.services._common import _ticket_lock, ticket_note_system
from frontdesk.tickets.services.lifecycle import _status_apply
from frontdesk.tickets.services.search import ticket_search_text_extend


def ticket_merge_survivor(tickets: Sequence[Ticket]) -> Ticket:
    """The ticket a merge keeps by default: the oldest open one, else the oldest."""
    open_ones = [ticket for ticket in tickets if ticket.status in OPEN_STATUSES]
    return min(open_ones or tickets, key=lambda ticket: (ticket.created_at, ticket.pk))


def ticket_merge_check(*, survivor: Ticket, others: Sequence[Ticket]) -> None:
    """Refuse (`Invalid`, saying why) a merge that cannot be done: nothing to merge, a ticket
    into itself, another customer's ticket, one merged already, or into a closed ticket."""
    if not others:
        raise Invalid(_("Choose at least two tickets to merge."))
    if any(other.pk == survivor.pk for other in others):
        raise Invalid(_("The ticket kept cannot also be merged into itself."))
    if any(other.customer_id != survivor.customer_id for other in others):
        raise Invalid(_("Only tickets from one customer can be merged."))
    if survivor.merged_into_id is not None or any(o.merged_into_id for o in others):
        raise Invalid(_("One of these tickets was already merged into another."))
    if survivor.status == Status.CLOSED:
        raise Invalid(_("A closed ticket cannot take in others; keep an open one."))


def ticket_merge(*, actor: User, survivor: Ticket, others: Sequence[Ticket]) -> Ticket:
    """Merge `others` into `survivor`, all the same customer's: their messages and files move
    to it, each is closed as merged into it, a note on each says so, and a search for an old
    reference finds the survivor. Nothing is sent to the customer."""
    ticket_merge_check(survivor=survivor, others=others)
    with transaction.atomic():
        # One order for every lock, so two merges of overlapping tickets cannot deadlock.
        for ticket in sorted([survivor, *others], key=lambda ticket: ticket.pk):
            _ticket_lock(ticket)
        if survivor.merged_into_id is not None or any(o.merged_into_id for o in others):
            raise Invalid(_("One of these tickets was already merged into another."))
        if survivor.status == Status.CLOSED:
            raise Invalid(_("A closed ticket cannot take in others; keep an open one."))
        moved_texts: list[str] = []
        for other in others:
            moved = Message.objects.filter(ticket=other)
            moved_texts += [
                text for text, flags in moved.values_list("text", "flags") if "system" not in flags
            ]
            moved.update(ticket=survivor)
            if other.last_customer_message_at and (
                survivor.last_customer_message_at is None
                or other.last_customer_message_at > survivor.last_customer_message_at
            ):
                survivor.last_customer_message_at = other.last_customer_message_at
            other.merged_into = survivor
            other.save(update_fields=["merged_into", "updated_at"])
            if other.status != Status.CLOSED:
                _status_apply(other, Status.CLOSED)
            ticket_note_system(
                ticket=other,
                actor=actor,
                text=f"Merged into {survivor.reference}",
                event={"code": "merged_into", "reference": survivor.reference},
            )
        references = [other.reference for other in others]
        tags = dict.fromkeys([*survivor.tags, *(tag for other in others for tag in other.tags)])
        survivor.tags = list(tags)[:TAG_COUNT]
        survivor.updated_at = timezone.now()
        survivor.save(update_fields=["last_customer_message_at", "tags", "updated_at"])
        ticket_note_system(
            ticket=survivor,
            actor=actor,
            text=f"Merged {', '.join(references)} into this ticket",
            event={"code": "merged_in", "references": references},
        )
        audit_record(
            actor=actor,
            action="merge",
            obj=survivor,
            detail={"into": survivor.reference, "merged": references},
        )
        # The old references (as people type them, without the prefix) and the moved words
        # find the survivor.
        ticket_search_text_extend(
            ticket=survivor,
            text=" ".join(
                [*(ref.removeprefix(REFERENCE_PREFIX) for ref in references), *moved_texts]
            ),
        )
    ticket_count.forget()
    return survivor
