"""Satisfaction surveys: one per solve of a ticket, and the customer's rating on it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontdesk.satisfaction.choices import Rating
from frontdesk.satisfaction.constants import COMMENT_LENGTH


class Survey(models.Model):
    """The question "how did we do?" asked once each time a ticket is solved, and the answer.

    A ticket reopened and solved again is asked again; only its latest answer counts in the
    figures (`counts`), so a ticket is counted once however often it was rated.
    """

    ticket = models.ForeignKey(
        "tickets.Ticket", on_delete=models.CASCADE, related_name="surveys", verbose_name=_("ticket")
    )
    # The solve this survey asks about; one survey per solve, however often the task runs.
    solved_at = models.DateTimeField(_("solved"))
    language = models.CharField(_("language"), max_length=8)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    rating = models.CharField(_("rating"), max_length=4, choices=Rating.choices, blank=True)
    comment = models.TextField(_("comment"), max_length=COMMENT_LENGTH, blank=True)
    rated_at = models.DateTimeField(_("rated"), null=True, blank=True, db_index=True)
    # True on the ticket's latest rated survey only: what reports count.
    counts = models.BooleanField(default=False)
    follow_up = models.ForeignKey(
        "journal.FollowUp",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("follow-up"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")
        constraints = [
            models.UniqueConstraint(fields=["ticket", "solved_at"], name="survey_once_per_solve")
        ]
        indexes = [
            # The reports' figures: the counted ratings given in a period.
            models.Index(fields=["counts", "rated_at"], name="survey_counted_rated"),
        ]

    def __str__(self) -> str:
        return f"{self.ticket_id} @ {self.solved_at:%Y-%m-%d %H:%M}: {self.rating or '-'}"


class SatisfactionSettings(models.Model):
    """Whether the desk asks customers to rate solved tickets; one row, absent until changed."""

    surveys_on = models.BooleanField(_("Ask customers to rate solved tickets"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("satisfaction settings")
        verbose_name_plural = _("satisfaction settings")

    def __str__(self) -> str:
        return "satisfaction settings"
