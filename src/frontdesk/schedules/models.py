from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from frontdesk.core.clock import datetime_text, desk_zone, time_text
from frontdesk.schedules.choices import BreakKind, PlaybookMoment, StepAwayReason, Weekday


def _desk_zone() -> str:
    return str(desk_zone())


class ShiftPattern(models.Model):
    """A shift an agent works every week on one weekday, in a time zone; an end at or before
    the start means the shift runs past midnight."""

    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="shift_patterns",
        verbose_name=_("agent"),
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    start = models.TimeField(_("start"))
    end = models.TimeField(_("end"))
    time_zone = models.CharField(_("time zone"), max_length=64, default=_desk_zone)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["agent_id", "weekday", "start"]
        verbose_name = _("weekly shift")
        verbose_name_plural = _("weekly shifts")

    def __str__(self) -> str:
        return f"{self.agent}: {self.weekday} {time_text(self.start)}–{time_text(self.end)}"


class ShiftChange(models.Model):
    """A one-off change to an agent's week: on this local date the agent works these hours
    instead of the weekly pattern, or not at all."""

    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="shift_changes",
        verbose_name=_("agent"),
    )
    day = models.DateField(_("date"))
    off = models.BooleanField(_("day off"), default=False)
    start = models.TimeField(_("start"), null=True, blank=True)
    end = models.TimeField(_("end"), null=True, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default=_desk_zone)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["day", "agent_id"]
        verbose_name = _("shift change")
        verbose_name_plural = _("shift changes")

    def __str__(self) -> str:
        return f"{self.agent}: {self.day}"


class BreakRule(models.Model):
    """A break every shift of at least `min_shift_minutes` gets: its length, and the window
    after the shift's start in which it may begin."""

    name = models.CharField(_("name"), max_length=60)
    length_minutes = models.PositiveIntegerField(_("length (minutes)"))
    earliest_minutes = models.PositiveIntegerField(_("earliest start (minutes into the shift)"))
    latest_minutes = models.PositiveIntegerField(_("latest start (minutes into the shift)"))
    min_shift_minutes = models.PositiveIntegerField(
        _("for shifts of at least (minutes)"), default=0
    )

    class Meta:
        ordering = ["earliest_minutes", "id"]
        verbose_name = _("break rule")
        verbose_name_plural = _("break rules")

    def __str__(self) -> str:
        return self.name


class Break(models.Model):
    """An agent's break: planned (placed by the planner or a lead) or unplanned (stepped away);
    customers are told about it before it starts or as soon as it does."""

    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="breaks",
        verbose_name=_("agent"),
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"))
    kind = models.CharField(
        _("kind"), max_length=10, choices=BreakKind.choices, default=BreakKind.PLANNED
    )
    reason = models.CharField(
        _("reason"), max_length=10, choices=StepAwayReason.choices, blank=True
    )
    # Placed by the planner may be moved by the next planning; placed by hand stays put.
    by_hand = models.BooleanField(_("placed by hand"), default=False)
    warned_at = models.DateTimeField(_("queue warned"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        ordering = ["start"]
        verbose_name = _("break")
        verbose_name_plural = _("breaks")

    def __str__(self) -> str:
        return f"{self.agent}: {datetime_text(self.start)}"


class Playbook(models.Model):
    """What to do and say in an awkward moment, as a small flowchart, in one language; leads
    edit it."""

    moment = models.CharField(_("moment"), max_length=20, choices=PlaybookMoment.choices)
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("title"), max_length=200)
    # {"start": id, "nodes": [{"id", "do", "say", "next"} or {"id", "question", "answers":
    # [{"label", "next"}, ...]}, ...]}, read by engine/playbook (a plain list of {do, say}
    # steps reads as a straight line).
    graph = models.JSONField(_("graph"), default=dict)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["moment", "language"]
        verbose_name = _("playbook")
        verbose_name_plural = _("playbooks")
        constraints = [
            models.UniqueConstraint(fields=["moment", "language"], name="playbook_once_a_language")
        ]

    def __str__(self) -> str:
        return f"{self.moment} ({self.language})"

    @property
    def right_to_left(self) -> bool:
        """Whether the playbook's language is written right to left (Hebrew)."""
        return self.language.split("-")[0] in settings.LANGUAGES_BIDI


class CalendarFeedKey(models.Model):
    """The key signed into an agent's calendar link: a new key ends every link made before it.
    An agent without one still has the link made from their id alone, until they first make a
    new link (or a lead revokes theirs)."""

    agent = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed_key",
        verbose_name=_("agent"),
    )
    key = models.CharField(max_length=32)
    rotated_at = models.DateTimeField(_("made"))

    class Meta:
        verbose_name = _("calendar link key")
        verbose_name_plural = _("calendar link keys")

    def __str__(self) -> str:
        return f"{self.agent} ({self.rotated_at:%Y-%m-%d})"
