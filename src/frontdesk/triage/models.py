from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TriageCorrection(models.Model):
    """An agent's correction of what triage decided; the learned model trains on these."""

    ticket = models.ForeignKey(
        "tickets.Ticket", on_delete=models.CASCADE, related_name="triage_corrections"
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    level_before = models.PositiveSmallIntegerField()
    level_after = models.PositiveSmallIntegerField()
    quick_win_before = models.BooleanField()
    quick_win_after = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("triage correction")
        verbose_name_plural = _("triage corrections")

    def __str__(self) -> str:
        return f"{self.ticket_id}: {self.level_before}→{self.level_after}"


class TriageModel(models.Model):
    """One trained version of the learned level model; the newest is the one in use."""

    data = models.BinaryField()
    examples = models.PositiveIntegerField()
    corrections = models.PositiveIntegerField(help_text="corrections recorded when it was trained")
    accuracy = models.FloatField(
        null=True, blank=True, help_text="on a held-out fifth of the examples"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("triage model")
        verbose_name_plural = _("triage models")

    def __str__(self) -> str:
        return f"model {self.pk} ({self.examples} examples)"
