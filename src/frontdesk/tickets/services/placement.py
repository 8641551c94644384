"""Where a ticket stands: its SLA dues, warnings and breaches, its place in the queue, and the
weights that order the queue."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.customers.models import Customer
from frontdesk.engine.queue import WeightError, sort_key, weights_from
from frontdesk.engine.sla import business_between, dues_for
from frontdesk.sla.selectors import calendar_for, sla_targets
from frontdesk.tickets.adapters import queue_item_of
from frontdesk.tickets.choices import PAUSED_STATUSES, QUEUED_STATUSES, QueueKind
from frontdesk.tickets.models import QueueSettings, Ticket
from frontdesk.tickets.selectors import queue_weights
from frontdesk.tickets.services._common import ticket_note_system


def _sla_dues_apply(ticket: Ticket) -> None:
    _sla_dues_compute(ticket)
    ticket.save(update_fields=["first_response_due", "resolution_due"])


def _sla_dues_compute(ticket: Ticket) -> None:
    # The level decides the targets, so dues follow every change of level.
    dues = dues_for(
        opened=ticket.created_at,
        level=ticket.level,
        targets=sla_targets(),
        calendar=calendar_for(team_id=ticket.team_id),
        paused=timedelta(minutes=ticket.sla_paused_minutes),
    )
    ticket.first_response_due = dues.first_response
    ticket.resolution_due = dues.resolution


def _sla_clock(ticket: Ticket, status: str, now: datetime) -> None:
    # Waiting on the customer and on hold stop the clock; the business time spent there is
    # added to the dues when the ticket comes back.
    if status in PAUSED_STATUSES and ticket.sla_paused_at is None:
        ticket.sla_paused_at = now
    elif status not in PAUSED_STATUSES and ticket.sla_paused_at is not None:
        paused = business_between(ticket.sla_paused_at, now, calendar_for(team_id=ticket.team_id))
        ticket.sla_paused_minutes += int(paused.total_seconds() // 60)
        ticket.sla_paused_at = None


def ticket_sla_warn(*, ticket: Ticket, now: datetime) -> bool:
    """Mark the ticket's SLA as about to be breached: it moves up the queue, and says so.
    Whether this call marked it (two sweeps at once mark and note it once)."""
    if not Ticket.objects.filter(pk=ticket.pk, sla_at_risk=False).update(sla_at_risk=True):
        return False
    ticket.sla_at_risk = True
    ticket_queue_place(ticket=ticket)
    due = ticket.sla_due
    minutes = int((due - now).total_seconds() // 60) if due else 0
    minutes = max(0, minutes)
    ticket_note_system(
        ticket=ticket,
        actor=None,
        text=f"SLA due in {minutes} min",
        event={"code": "sla_due", "minutes": minutes},
    )
    return True


def ticket_sla_breach(*, ticket: Ticket, now: datetime, escalated: bool) -> bool:
    """Record that the ticket's SLA was breached, noting whether the leads are told of it (the
    SLA sweep decides, and mails them one ticket or a list). Whether this call recorded it:
    two sweeps at once (a rerun, a backlog of sweep jobs) record and escalate it once."""
    won = Ticket.objects.filter(pk=ticket.pk, sla_breached_at__isnull=True).update(
        sla_breached_at=now, sla_at_risk=True
    )
    if not won:
        return False
    ticket.sla_breached_at = now
    ticket.sla_at_risk = True
    ticket_queue_place(ticket=ticket)
    if escalated:
        ticket_note_system(
            ticket=ticket,
            actor=None,
            text="SLA breached: escalated to the leads",
            event={"code": "sla_escalated"},
        )
    else:
        ticket_note_system(
            ticket=ticket, actor=None, text="SLA breached", event={"code": "sla_breached"}
        )
    return True


def ticket_queue_kind_set(
    *,
    ticket: Ticket,
    kind: str,
    note: str = "",
    at: datetime | None = None,
    event: dict[str, object] | None = None,
) -> Ticket:
    """Change what sort of work the ticket is (a ringing call becomes a call-back when missed)."""
    if kind not in QueueKind.values:
        raise Invalid(f"Unknown kind of work {kind!r}.")
    if ticket.queue_kind != kind:
        ticket.queue_kind = kind
        ticket.save(update_fields=["queue_kind", "updated_at"])
        ticket_queue_place(ticket=ticket)
    if note:
        ticket_note_system(ticket=ticket, actor=None, text=note, at=at, event=event)
    return ticket


def ticket_queue_place(*, ticket: Ticket, now: datetime | None = None) -> Ticket:
    """Recompute the ticket's place in the queue after something that decides it changed."""
    _queue_key_compute(ticket, now=now)
    ticket.save(update_fields=["queue_key"])
    return ticket


def _queue_key_compute(ticket: Ticket, *, now: datetime | None = None) -> None:
    queued = ticket.status in QUEUED_STATUSES
    if ticket.queue_kind == QueueKind.FOLLOW_UP and ticket.queue_since is not None:
        # A promise for later is not work yet: it enters the queue when it comes due.
        queued = queued and ticket.queue_since <= (now or timezone.now())
    ticket.queue_key = sort_key(queue_item_of(ticket), queue_weights()) if queued else None


def tickets_queue_refresh(*, customer: Customer | None = None) -> int:
    """Recompute the place of every queued ticket (after the weights change), or of one
    customer's (after they became a key customer or stopped being one); how many moved."""
    weights = queue_weights()
    moved = 0
    queued = Ticket.objects.filter(queue_key__isnull=False).select_related("customer")
    if customer is not None:
        queued = queued.filter(customer=customer)
    for ticket in queued.iterator(chunk_size=500):
        key = sort_key(queue_item_of(ticket), weights)
        if key != ticket.queue_key:
            moved += Ticket.objects.filter(pk=ticket.pk).update(queue_key=key)
    return moved


@transaction.atomic
def queue_weights_set(*, actor: User, values: dict[str, float]) -> QueueSettings:
    """Change the queue's weights (leads only) and reorder every queued ticket by them."""
    if not actor.is_lead:
        raise Invalid(_("Only a lead can change the queue's weights."))
    try:
        weights = weights_from(values, base=queue_weights())
    except WeightError as error:
        raise Invalid(str(error)) from error
    row = QueueSettings.objects.select_for_update().order_by("pk").first()
    if row is None:
        # The desk's first change: leads saving at once must meet on one row, not each insert
        # their own (there is no row yet to lock). One of them makes it; the others wait for
        # it and lock it in turn.
        row, _created = QueueSettings.objects.select_for_update().get_or_create(pk=1)
    row.weights = {**(row.weights or {}), **{name: getattr(weights, name) for name in values}}
    row.updated_by = actor
    row.save()
    queue_weights.forget()
    from frontdesk.tickets.tasks import queue_reorder

    transaction.on_commit(lambda: queue_reorder.enqueue())
    return row
