"""A ticket's custom-field values: checked against the lead's definitions, each change recorded
on the ticket's thread as its tags and status are."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_record
from frontdesk.customers.choices import FieldTarget
from frontdesk.customers.field_selectors import field_definitions
from frontdesk.customers.field_services import custom_values_merge
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services._common import _ticket_lock, ticket_note_system


def _shown(value: object) -> str:
    return "—" if value is None else str(value)


def ticket_custom_set(*, ticket: Ticket, values: Mapping[str, object], actor: User) -> Ticket:
    """Set some of the ticket's custom values (None or blank clears one); FieldInvalid names a
    key that is unknown or a value that does not fit."""
    with transaction.atomic():
        _ticket_lock(ticket)
        before = dict(ticket.custom or {})
        custom, folded = custom_values_merge(
            target=FieldTarget.TICKET, current=before, changes=values
        )
        if custom == before:
            return ticket
        labels = {d.key: d.label for d in field_definitions(target=FieldTarget.TICKET)}
        # In the lead's order of the fields, as the ticket page lists them.
        order = {key: place for place, key in enumerate(labels)}
        changes = [
            {
                "key": key,
                "label": labels.get(key, key),
                "from": before.get(key),
                "to": custom.get(key),
            }
            for key in sorted(
                set(before) | set(custom), key=lambda k: (order.get(k, len(order)), k)
            )
            if before.get(key) != custom.get(key)
        ]
        ticket.custom, ticket.custom_folded = custom, folded
        ticket.updated_at = timezone.now()
        ticket.save(update_fields=["custom", "custom_folded", "updated_at"])
        ticket_note_system(
            ticket=ticket,
            actor=actor,
            text="; ".join(
                f"{c['label']}: {_shown(c['from'])} → {_shown(c['to'])}" for c in changes
            ),
            event={"code": "custom", "changes": changes},
        )
        audit_record(actor=actor, action="fields", obj=ticket, detail={"changes": changes})
    return ticket
