"""Background work for tickets: it takes ids, re-reads, and calls a service."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task

from frontdesk.tickets.services import delivery, placement

logger = logging.getLogger(__name__)

# When a relay refuses or cannot be reached, try again after these many seconds; the message
# shows "not sent yet" and the reason all along, and is never dropped without a trace.
RETRY_DELAYS = (60, 5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60, 12 * 60 * 60)


def _with_retries(send: Callable[[], None], again: Callable[[int], object], attempt: int) -> None:
    try:
        send()
    except OSError:
        if attempt >= len(RETRY_DELAYS):
            logger.error("giving up sending after %d attempts", attempt + 1)
            raise
        again(attempt + 1)


@task(queue_name="mail")
def message_send(message_id: int, attempt: int = 0) -> None:
    """Deliver an agent's reply to the customer, retrying with back-off."""
    _with_retries(
        lambda: delivery.message_deliver(message_id=message_id),
        lambda next_attempt: message_send.using(run_after=_later(attempt)).enqueue(
            message_id, next_attempt
        ),
        attempt,
    )


@task(queue_name="mail")
def acknowledgement_send(ticket_id: int, attempt: int = 0) -> None:
    """Acknowledge a new request to the customer, retrying with back-off."""
    _with_retries(
        lambda: delivery.acknowledgement_deliver(ticket_id=ticket_id),
        lambda next_attempt: acknowledgement_send.using(run_after=_later(attempt)).enqueue(
            ticket_id, next_attempt
        ),
        attempt,
    )


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


def _later(attempt: int) -> datetime:
    return timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt])
