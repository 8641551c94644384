"""The desk's one clock.

A desk has one time zone: the zone its business hours are kept in (a lead sets it with the
hours), or FRONTDESK_TIME_ZONE until hours are stored. Every time a person reads — a page, a
mail, a log line, a calendar feed — is on that clock, written as the reader's language writes
times (24-hour everywhere; the formats are in config/formats). Only the API speaks ISO 8601 with
an offset. Pages get the zone from DeskTimeZoneMiddleware, once per request, so a lead's change
shows on the next page; mails, tasks and log lines run outside a request and ask desk_zone().
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)
# The business hours app says where the zone is kept when it is ready (it sits above this
# module); until then, and in a process without it, the configured zone is the desk's.
_zone_readers: list[Callable[[], str]] = []


def desk_zone_reader_set(reader: Callable[[], str]) -> None:
    """Name the function that reads the desk's zone name (the business hours app does)."""
    _zone_readers[:] = [reader]


def desk_zone() -> ZoneInfo:
    """The desk's time zone: its business hours' zone, or the configured one before any."""
    name = _zone_readers[0]() if _zone_readers else settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        # A zone stored by hand that this machine does not know must not take every page down.
        logger.warning("unknown desk time zone %r; showing times in %s", name, settings.TIME_ZONE)
        return ZoneInfo(settings.TIME_ZONE)


def desk_local(moment: datetime) -> datetime:
    """An aware moment on the desk's clock."""
    if timezone.is_naive(moment):
        raise ValueError(f"{moment.isoformat()} has no time zone; give times with their zone")
    return moment.astimezone(desk_zone())


def desk_today(moment: datetime | None = None) -> date:
    """The desk's date at `moment` (now when not given): its day starts at its own midnight."""
    return desk_local(moment or timezone.now()).date()


def desk_midnight(day: date) -> datetime:
    """The moment the desk's `day` begins."""
    return datetime.combine(day, time(0), tzinfo=desk_zone())


def time_text(moment: datetime | time) -> str:
    """A time of day on the desk's clock as the reader's language writes it: 14:30."""
    value = desk_local(moment) if isinstance(moment, datetime) else moment
    return formats.time_format(value, "TIME_FORMAT")


def date_text(value: datetime | date) -> str:
    """A date (of a moment, on the desk's clock) as the reader's language writes it short:
    07.12.2026 in Estonian, 7 Dec 2026 in English."""
    day = desk_local(value).date() if isinstance(value, datetime) else value
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def datetime_text(moment: datetime) -> str:
    """A moment on the desk's clock as the reader's language writes it short:
    07.12.2026 14:30 in Estonian, 7 Dec 2026, 14:30 in English."""
    return formats.date_format(desk_local(moment), "SHORT_DATETIME_FORMAT")


class DeskTimeZoneMiddleware:
    """Show every page on the desk's clock, and read naive form input as the desk's time."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            zone = desk_zone()
        except DatabaseError:
            # The database is gone: the view says so (/healthz in its own words, pages through
            # the outage page), not this middleware on its way in.
            zone = ZoneInfo(settings.TIME_ZONE)
        with timezone.override(zone):
            return self.get_response(request)


def span_text(minutes: int) -> str:
    """A span of time as a person says it, in the active language: 40 min, 3 h, 2 d."""
    if minutes < 60:
        return _("%(count)s min") % {"count": minutes}
    if minutes < 48 * 60:
        return _("%(count)s h") % {"count": minutes // 60}
    return _("%(count)s d") % {"count": minutes // (24 * 60)}
