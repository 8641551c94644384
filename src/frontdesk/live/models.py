from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontdesk.live.choices import CallState, VisitState


class Call(models.Model):
    """One phone call, identified by the phone system's call id, and the ticket it became."""

    call_id = models.CharField(_("call id"), max_length=100, unique=True)
    from_number = models.CharField(_("from"), max_length=40, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=CallState.choices)
    customer = models.ForeignKey(
        "customers.Customer", null=True, on_delete=models.SET_NULL, related_name="calls"
    )
    ticket = models.OneToOneField(
        "tickets.Ticket", null=True, on_delete=models.SET_NULL, related_name="call"
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    # When the desk stopped waiting for the phone system's event and closed the call itself
    # (rang too long, never hung up, or its agent stepped away); its times then say nothing
    # about how long calls take.
    timed_out_at = models.DateTimeField(_("closed by the desk"), null=True, blank=True)
    # Every event received, in order: [{"event": "ringing", "at": "..."}, ...].
    events = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self) -> str:
        return f"{self.call_id} {self.from_number} {self.state}"


class Visit(models.Model):
    """A visitor at the desk with a number from the kiosk, and the ticket that serves them."""

    number = models.PositiveIntegerField(_("number"))
    day = models.DateField(_("day"), default=timezone.localdate)
    name = models.CharField(_("name"), max_length=200, blank=True)
    # Where the visitor asked to get their number's link, and in which language they took it.
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=VisitState.choices, default=VisitState.WAITING
    )
    ticket = models.OneToOneField(
        "tickets.Ticket", null=True, on_delete=models.SET_NULL, related_name="visit"
    )
    created_at = models.DateTimeField(_("arrived"), default=timezone.now)
    served_at = models.DateTimeField(_("served"), null=True, blank=True)
    served_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("called up by"),
    )
    done_at = models.DateTimeField(_("left"), null=True, blank=True)
    # When the desk closed the visit itself: the visitor waited for hours (gone, most likely)
    # or nobody marked them served; such a visit says nothing about how long visits take.
    timed_out_at = models.DateTimeField(_("closed by the desk"), null=True, blank=True)

    class Meta:
        ordering = ["day", "number"]
        constraints = [
            models.UniqueConstraint(fields=["day", "number"], name="visit_number_once_a_day")
        ]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")

    def __str__(self) -> str:
        return f"{self.day} #{self.number}"
