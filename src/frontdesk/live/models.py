from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontdesk.core.attachments import stored_file_name
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


def recording_path(instance: Recording, filename: str) -> str:
    """Store under a random name in a dated folder of its own, with the audio type's suffix."""
    return "recordings/" + stored_file_name(storage_key=instance.storage_key, filename=filename)


class Recording(models.Model):
    """A call's recording: a file the phone system uploaded, kept as attachments are, or the
    address where the phone system keeps it."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="recordings")
    # https only; the desk links to it and never fetches it.
    url = models.URLField(_("address"), max_length=1000, blank=True)
    file = models.FileField(upload_to=recording_path, max_length=200, blank=True)
    storage_key = models.CharField(max_length=32, unique=True)
    content_type = models.CharField(_("type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size"), null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(_("length"), null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # Either an address or a stored file, never both nor neither.
            models.CheckConstraint(condition=Q(url="") ^ Q(file=""), name="recording_url_or_file"),
            models.UniqueConstraint(
                fields=["call", "url"], condition=~Q(url=""), name="recording_url_once_a_call"
            ),
        ]
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")

    def __str__(self) -> str:
        return f"{self.call_id}: {self.url or self.file.name}"
