"""Lockout after repeated failed log-ins, kept by django-axes in the database (so every machine
agrees): per user name or per address, for `FRONTDESK_LOGIN_COOLOFF_MINUTES`, never for ever.

A wrong second-factor code counts as a failed log-in too, so codes cannot be guessed either."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Max, Sum
from django.http import HttpRequest
from django.utils import timezone


@dataclass(frozen=True)
class LockoutState:
    """How many failed log-ins count against a user name now, and when a lockout ends."""

    failures: int
    until: datetime | None  # None: not locked out


def lockout_is_locked(*, request: HttpRequest, username: str) -> bool:
    """Whether a log-in as `username` from this request's address is refused now."""
    if not getattr(settings, "AXES_ENABLED", True):  # axes' default, when not set
        return False
    return bool(AxesProxyHandler.is_locked(request, {"username": username}))


def lockout_failure_record(*, request: HttpRequest, username: str) -> bool:
    """Count a failed step of a log-in (a wrong code) as axes counts a wrong password; whether
    the user name or address is now locked out."""
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)
    return bool(getattr(request, "axes_locked_out", False))


def lockout_ends_at(*, request: HttpRequest, username: str) -> datetime | None:
    """When the lockout that refuses this request ends: the last counted failure of each locked
    name or address, plus the cool-off."""
    credentials = {"username": username}
    handler = AxesProxyHandler.get_implementation()
    AxesProxyHandler.update_request(request)
    limit = get_failure_limit(request, credentials)
    ends: list[datetime] = []
    for attempts in handler.get_user_attempts(request, credentials):
        totals = attempts.aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        if (totals["failures"] or 0) >= limit and totals["last"] is not None:
            ends.append(totals["last"])
    cool_off = get_cool_off(request)
    if not ends or cool_off is None:
        return None
    end: datetime = max(ends) + cool_off
    return end


def lockout_state(*, username: str) -> LockoutState:
    """The failed log-ins counted against a user name (from any address), and when its lockout
    ends if it is locked out."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    totals = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
        failures=Sum("failures_since_start"), last=Max("attempt_time")
    )
    failures = totals["failures"] or 0
    locked = failures >= settings.AXES_FAILURE_LIMIT and totals["last"] is not None
    return LockoutState(
        failures=failures, until=totals["last"] + settings.AXES_COOLOFF_TIME if locked else None
    )


def lockout_clear(*, username: str) -> int:
    """Forget the failed log-ins counted against a user name; how many records went."""
    count: int = AccessAttempt.objects.filter(username=username).delete()[0]
    return count
