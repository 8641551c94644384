"""Writes for SLAs: business hours, targets, and the sweep that warns and escalates."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

import holidays
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from frontdesk.accounts.models import Team, User
from frontdesk.core.errors import Invalid
from frontdesk.engine.sla import CalendarError
from frontdesk.sla.constants import SLA_ESCALATION_WINDOW, SLA_ESCALATIONS_ONE_BY_ONE
from frontdesk.sla.models import BusinessHours, SlaTarget
from frontdesk.sla.selectors import calendar_for, calendar_of, desk_time_zone, sla_targets
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import queue_weights
from frontdesk.tickets.services import ticket_sla_breach, ticket_sla_warn
from frontdesk.tickets.tasks import sla_escalation_send, sla_escalations_send


def business_hours_set(
    *,
    actor: User,
    team: Team | None,
    time_zone: str,
    windows: dict[str, list[list[str]]],
    holiday_country: str = "",
    holiday_subdivision: str = "",
) -> BusinessHours:
    """Set when a team (or, with no team, the whole desk) works; leads only."""
    if not actor.is_lead:
        raise Invalid(_("Only a lead can change business hours."))
    country = holiday_country.strip().upper()
    if country and country not in holidays.list_supported_countries():
        raise Invalid(_("No public holidays are known for %(country)s.") % {"country": country})
    row = BusinessHours.objects.filter(team=team).first() or BusinessHours(team=team)
    row.time_zone = time_zone
    row.windows = windows
    row.holiday_country = country
    row.holiday_subdivision = holiday_subdivision.strip().upper()
    try:
        calendar_of(row).validate()
    except (CalendarError, ValueError, TypeError, NotImplementedError) as error:
        raise Invalid(str(error)) from error
    row.save()
    calendar_for.forget()
    desk_time_zone.forget()
    return row


def sla_target_set(
    *, actor: User, level: int, first_response_minutes: int, resolution_minutes: int
) -> SlaTarget:
    """Set a level's targets in business minutes; leads only."""
    if not actor.is_lead:
        raise Invalid(_("Only a lead can change SLA targets."))
    if level not in (1, 2, 3, 4):
        raise Invalid(_("The level must be 1, 2, 3 or 4."))
    if not 0 < first_response_minutes <= resolution_minutes:
        raise Invalid(_("The first answer must be due before the solution, and after zero."))
    row, _created = SlaTarget.objects.update_or_create(
        level=level,
        defaults={
            "first_response_minutes": first_response_minutes,
            "resolution_minutes": resolution_minutes,
        },
    )
    sla_targets.forget()
    return row


def sla_sweep(*, now: datetime, tell_leads: bool = True) -> tuple[int, int]:
    """Warn on queued tickets whose due is near and escalate those past it: (warned, breached).

    The leads are mailed of the breaches they can still act on, those found within
    SLA_ESCALATION_WINDOW of their due: a few one by one, more in one list. Without
    `tell_leads` (a demo's history) breaches are only recorded.
    """
    window = timedelta(minutes=queue_weights().sla_warning_minutes)
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
    for ticket in breaching:
        ticket_sla_breach(ticket=ticket, now=now, escalated=ticket.pk in news)
    if len(news) > SLA_ESCALATIONS_ONE_BY_ONE:
        transaction.on_commit(partial(sla_escalations_send.enqueue, sorted(news)))
    else:
        for ticket_id in sorted(news):
            transaction.on_commit(partial(sla_escalation_send.enqueue, ticket_id))
    breached = len(breaching)
    warned = 0
    for ticket in running.filter(due_before(now + window), sla_at_risk=False):
        ticket_sla_warn(ticket=ticket, now=now)
        warned += 1
    return warned, breached
