"""The SLA sweep: warn on queued tickets whose due is near, escalate those past it."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models import Q

from frontdesk.engine.sla import warning_window
from frontdesk.sla.selectors import sla_targets
from frontdesk.tickets.constants import (
    SLA_ESCALATION_WINDOW,
    SLA_ESCALATIONS_ONE_BY_ONE,
)
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import queue_weights
from frontdesk.tickets.services.placement import ticket_sla_breach, ticket_sla_warn


def sla_sweep(*, now: datetime, tell_leads: bool = True) -> tuple[int, int]:
    """Warn on queued tickets whose due is near and escalate those past it: (warned, breached).

    The leads are mailed of the breaches they can still act on, those found within
    SLA_ESCALATION_WINDOW of their due: a few one by one, more in one list. Without
    `tell_leads` (a demo's history) breaches are only recorded.
    """
    running = Ticket.objects.filter(queue_key__isnull=False, sla_paused_at__isnull=True)

    def due_before(moment: datetime) -> Q:
        return Q(first_responded_at__isnull=True, first_response_due__lte=moment) | Q(
            first_responded_at__isnull=False, resolution_due__lte=moment
        )

    breaching = list(running.filter(due_before(now), sla_breached_at__isnull=True))
    news = {
        ticket.pk
        for ticket in breaching
        if tell_leads
        and ticket.sla_due is not None
        and now - ticket.sla_due <= SLA_ESCALATION_WINDOW
    }
    # Only the breaches this sweep recorded count and are escalated: a sweep running at once
    # (a rerun, a backlog of sweep jobs) records and escalates the others.
    # One transaction with the escalations' jobs: a sweep killed halfway leaves the breaches
    # unrecorded for the next one, never recorded without their escalation.
    with transaction.atomic():
        recorded = [
            ticket.pk
            for ticket in breaching
            if ticket_sla_breach(ticket=ticket, now=now, escalated=ticket.pk in news)
        ]
        news &= set(recorded)
        from frontdesk.tickets.tasks import sla_escalation_send, sla_escalations_send

        if len(news) > SLA_ESCALATIONS_ONE_BY_ONE:
            transaction.on_commit(partial(sla_escalations_send.enqueue, sorted(news)))
        else:
            for ticket_id in sorted(news):
                transaction.on_commit(partial(sla_escalation_send.enqueue, ticket_id))
    breached = len(recorded)
    warned = sum(
        ticket_sla_warn(ticket=ticket, now=now)
        for ticket in running.filter(_near_due(now), sla_at_risk=False)
    )
    return warned, breached


def _near_due(now: datetime) -> Q:
    """Tickets whose clock is in its last stretch: the lead's warning minutes, but never more
    than a quarter of the level's target. A level-1 ticket answered within the hour is not at
    risk the minute it arrives, or every level-1 row would be marked and the mark say nothing."""
    warning = queue_weights().sla_warning_minutes
    targets = sla_targets()
    near = Q()
    for level, first in targets.first_response.items():
        first_window = warning_window(first, warning)
        resolution = targets.resolution.get(level, first)
        resolution_window = warning_window(resolution, warning)
        near |= Q(level=level) & (
            Q(first_responded_at__isnull=True, first_response_due__lte=now + first_window)
            | Q(first_responded_at__isnull=False, resolution_due__lte=now + resolution_window)
        )
    return near
