"""Reads for SLAs: the calendar a ticket's clock runs on, and the targets per level."""

from __future__ import annotations

import functools
import re
from datetime import date, time

import holidays

from frontdesk.core.memo import for_a_while
from frontdesk.engine.sla import BusinessCalendar, SlaTargets
from frontdesk.sla.models import BusinessHours, SlaTarget


@for_a_while
def calendar_for(*, team_id: int | None) -> BusinessCalendar:
    """The team's business calendar, or the desk's when the team has none of its own."""
    row = None
    if team_id is not None:
        row = BusinessHours.objects.filter(team_id=team_id).first()
    row = row or BusinessHours.objects.filter(team__isnull=True).first() or BusinessHours()
    return calendar_of(row)


@for_a_while
def desk_time_zone() -> str:
    """The name of the zone the desk's own business hours are kept in (the desk's clock)."""
    return business_hours_of(team_id=None).time_zone


def business_hours_of(*, team_id: int | None) -> BusinessHours:
    """The stored hours of a team (or of the desk), or the defaults, unsaved."""
    rows = BusinessHours.objects.all()
    rows = rows.filter(team__isnull=True) if team_id is None else rows.filter(team_id=team_id)
    return rows.first() or BusinessHours()


def calendar_of(row: BusinessHours) -> BusinessCalendar:
    """A stored row of business hours as the engine's calendar."""
    windows = {
        int(day): tuple((_time(start), _time(end)) for start, end in spans)
        for day, spans in (row.windows or {}).items()
    }
    return BusinessCalendar(
        zone=row.time_zone,
        windows=windows,
        holidays=holiday_dates(row.holiday_country, row.holiday_subdivision),
    )


@functools.lru_cache(maxsize=64)
def holiday_dates(country: str, subdivision: str = "") -> frozenset[date]:
    """Public holidays of a country (and region) from last year to three years on."""
    if not country:
        return frozenset()
    this_year = date.today().year
    found = holidays.country_holidays(
        country.upper(), subdiv=subdivision or None, years=range(this_year - 1, this_year + 4)
    )
    return frozenset(found)


@for_a_while
def sla_targets() -> SlaTargets:
    """The desk's targets per level: the lead's, and the defaults for levels not set."""
    defaults = SlaTargets()
    first = dict(defaults.first_response)
    resolution = dict(defaults.resolution)
    for row in SlaTarget.objects.all():
        first[row.level] = row.first_response_minutes
        resolution[row.level] = row.resolution_minutes
    return SlaTargets(first_response=first, resolution=resolution)


def _time(text: str) -> time:
    return time.fromisoformat(text)


@functools.lru_cache(maxsize=1)
def holiday_countries() -> tuple[tuple[str, str], ...]:
    """The countries whose public holidays the `holidays` package knows: (code, English name),
    by name."""
    names = {entry[1]: entry[0] for entry in holidays.registry.COUNTRIES.values()}
    found = [
        (code, re.sub(r"(?<=[a-z])(?=[A-Z])", " ", names.get(code, code)))
        for code in holidays.list_supported_countries()
    ]
    return tuple(sorted(found, key=lambda pair: pair[1]))


def holiday_regions(country: str) -> list[str]:
    """The regions (subdivision codes) of a country with holidays of their own."""
    return list(holidays.list_supported_countries().get(country.upper(), []))


def holidays_of_year(
    *, country: str, subdivision: str = "", year: int, language: str = ""
) -> list[tuple[date, str]]:
    """A country's (and region's) public holidays in a year, named in `language` when the
    package words them in it, else in the country's own."""
    if not country:
        return []
    known = holidays.country_holidays(country.upper(), subdiv=subdivision or None)
    spoken = [
        code
        for code in known.supported_languages
        if code == language or code.startswith(f"{language}_")
    ]
    found = holidays.country_holidays(
        country.upper(),
        subdiv=subdivision or None,
        years=year,
        language=spoken[0] if spoken else None,
    )
    return sorted(found.items())
