from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontdesk.problems.choices import AlertStatus, LinkHow, ProblemStatus
from frontdesk.problems.constants import TITLE_LENGTH


class Problem(models.Model):
    """One thing many customers report: the tickets about it, one answer to them all, and
    what the public status page says of it."""

    title = models.CharField(_("title"), max_length=TITLE_LENGTH)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ProblemStatus.choices, default=ProblemStatus.OPEN
    )
    # The detector's Signature (engine.problems) as JSON, which new contacts are matched
    # against; empty for a problem made by hand, which links only by hand.
    signature = models.JSONField(_("signature"), default=dict, blank=True)
    terms = models.JSONField(_("terms"), default=list, blank=True)
    # What the public status page says, per language: {"en": "...", "et": "..."}.
    public_texts = models.JSONField(_("public texts"), default=dict, blank=True)
    posted = models.BooleanField(_("on the status page"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    solved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("solved by"),
    )
    solved_at = models.DateTimeField(_("solved"), null=True, blank=True)
    tickets = models.ManyToManyField(
        "tickets.Ticket", through="ProblemTicket", related_name="problems"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]
        verbose_name = _("problem")
        verbose_name_plural = _("problems")

    def __str__(self) -> str:
        return self.title


class ProblemTicket(models.Model):
    """A ticket's membership of a problem: how it joined, when, and who linked it."""

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="links")
    # One problem a ticket: its level 3 reason and the one reply speak of one thing.
    ticket = models.OneToOneField(
        "tickets.Ticket", on_delete=models.CASCADE, related_name="problem_link"
    )
    how = models.CharField(_("how"), max_length=10, choices=LinkHow.choices)
    linked_at = models.DateTimeField(_("linked"), default=timezone.now)
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("linked by"),
    )
    # The level the ticket had before it joined, given back when it is unlinked.
    level_before = models.PositiveSmallIntegerField(default=4)

    class Meta:
        ordering = ["linked_at", "id"]
        verbose_name = _("problem ticket")
        verbose_name_plural = _("problem tickets")

    def __str__(self) -> str:
        return f"{self.problem_id}: {self.ticket_id}"


class Alert(models.Model):
    """A group of similar reports the detector raised, stored once, until a lead makes it a
    problem or dismisses it."""

    signature = models.JSONField(_("signature"), default=dict)
    terms = models.JSONField(_("terms"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    customers = models.PositiveIntegerField(_("customers"), default=0)
    first_at = models.DateTimeField(_("first report"))
    alert_at = models.DateTimeField(_("raised"))
    status = models.CharField(
        _("status"), max_length=10, choices=AlertStatus.choices, default=AlertStatus.NEW
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    problem = models.ForeignKey(
        Problem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alerts",
        verbose_name=_("problem"),
    )
    tickets = models.ManyToManyField("tickets.Ticket", related_name="problem_alerts")
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-alert_at", "-id"]
        indexes = [models.Index(fields=["status", "alert_at"])]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")

    def __str__(self) -> str:
        return ", ".join(self.terms) or str(self.pk)


class DetectionState(models.Model):
    """The detector's memory between runs (one row): the desk's baseline and when it was built."""

    baseline = models.JSONField(default=dict, blank=True)
    baseline_built_at = models.DateTimeField(null=True, blank=True)
    last_run_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("detection state")
        verbose_name_plural = _("detection state")

    def __str__(self) -> str:
        return "detection state"
