from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontdesk.routing.choices import TAKES_LIVE_CONTACTS, TAKES_WRITTEN_WORK, Presence


class AgentPresence(models.Model):
    """Where an agent is right now, set by the agent in one click or by events (a call answered)."""

    agent = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="presence",
        verbose_name=_("agent"),
    )
    state = models.CharField(
        _("presence"), max_length=10, choices=Presence.choices, default=Presence.OFF
    )
    since = models.DateTimeField(_("since"), default=timezone.now)
    # When the desk last handed this agent an item (round-robin takes the longest ago).
    last_assigned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("presence")
        verbose_name_plural = _("presence")

    def __str__(self) -> str:
        return f"{self.agent}: {self.state}"

    @property
    def takes_written_work(self) -> bool:
        return self.state in TAKES_WRITTEN_WORK

    @property
    def takes_live_contacts(self) -> bool:
        return self.state in TAKES_LIVE_CONTACTS


class QueueSettings(models.Model):
    """The desk's queue weights, as a lead set them; one row, absent until first changed."""

    weights = models.JSONField(_("weights"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("queue settings")
        verbose_name_plural = _("queue settings")

    def __str__(self) -> str:
        return "queue settings"
