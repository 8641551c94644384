from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from frontdesk.sla.constants import DEFAULT_WINDOWS


def _default_windows() -> dict[str, list[list[str]]]:
    return {day: [list(window) for window in windows] for day, windows in DEFAULT_WINDOWS.items()}


def _default_zone() -> str:
    return str(settings.TIME_ZONE)


class BusinessHours(models.Model):
    """When a team works, in its time zone, and whose public holidays it keeps; the row without
    a team is the desk's default."""

    team = models.OneToOneField(
        "accounts.Team",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="business_hours",
        verbose_name=_("team"),
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default=_default_zone)
    # {"0": [["09:00", "17:00"]], ...}: weekday (0 = Monday) → opening windows.
    windows = models.JSONField(_("opening hours"), default=_default_windows)
    holiday_country = models.CharField(
        _("public holidays of"), max_length=2, blank=True, help_text=_("ISO country code, e.g. EE")
    )
    holiday_subdivision = models.CharField(_("region"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("business hours")
        verbose_name_plural = _("business hours")

    def __str__(self) -> str:
        return f"{self.team or 'desk'}: {self.time_zone}"


class SlaTarget(models.Model):
    """Business minutes allowed for the first answer and for the solution at one level."""

    level = models.PositiveSmallIntegerField(_("level"), unique=True)
    first_response_minutes = models.PositiveIntegerField(_("first response (minutes)"))
    resolution_minutes = models.PositiveIntegerField(_("resolution (minutes)"))

    class Meta:
        ordering = ["level"]
        verbose_name = _("SLA target")
        verbose_name_plural = _("SLA targets")

    def __str__(self) -> str:
        return f"level {self.level}"
