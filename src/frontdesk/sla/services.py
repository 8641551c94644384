"""Writes for SLAs: business hours and targets."""

from __future__ import annotations

import holidays
from django.utils.translation import gettext as _

from frontdesk.accounts.models import Team, User
from frontdesk.core.errors import Invalid
from frontdesk.engine.sla import CalendarError
from frontdesk.sla.models import BusinessHours, SlaTarget
from frontdesk.sla.selectors import calendar_for, calendar_of, desk_time_zone, sla_targets


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
    region = holiday_subdivision.strip().upper()
    if region and region not in holidays.list_supported_countries().get(country, []):
        raise Invalid(
            _("%(country)s has no region %(region)s with holidays of its own.")
            % {"country": country or "—", "region": region}
        )
    row = BusinessHours.objects.filter(team=team).first() or BusinessHours(team=team)
    row.time_zone = time_zone
    row.windows = windows
    row.holiday_country = country
    row.holiday_subdivision = region
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
