"""Background work for tickets: it takes ids, re-reads, and calls a service."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from frontdesk.tickets.services import delivery, placement, sweep


@task(queue_name="mail")
def acknowledgement_send(ticket_id: int) -> None:
    """Acknowledge a new request to the customer (mail retries the sending)."""
    delivery.acknowledgement_deliver(ticket_id=ticket_id)


@task(queue_name="mail")
def message_mail_send(message_id: int) -> None:
    """Queue the mail of a reply that has none yet; upgrades turn older sending jobs into this."""
    delivery.message_mail_queue(message_id=message_id)


@task(queue_name="mail")
def sla_escalation_send(ticket_id: int) -> None:
    """Tell the desk's leads that a ticket's SLA was breached."""
    delivery.sla_escalation_deliver(ticket_id=ticket_id)


@task(queue_name="mail")
def sla_escalations_send(ticket_ids: list[int]) -> None:
    """Tell the desk's leads in one mail that several tickets' SLAs were breached at once."""
    delivery.sla_escalations_deliver(ticket_ids=ticket_ids)


@task()
def queue_reorder() -> int:
    """Recompute every queued ticket's place after the weights changed."""
    return placement.tickets_queue_refresh()


@task()
def sla_sweep() -> tuple[int, int]:
    """Warn before a breach and escalate after it."""
    return sweep.sla_sweep(now=timezone.now())
