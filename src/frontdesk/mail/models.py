from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontdesk.mail.choices import MailSource, MailState


class InboundMail(models.Model):
    """A message exactly as it arrived, stored before it is acknowledged and before anything
    else happens to it; what became of it is recorded beside it."""

    raw = models.BinaryField()
    digest = models.CharField(max_length=64, db_index=True)  # SHA-256 of the raw bytes
    source = models.CharField(_("source"), max_length=4, choices=MailSource.choices)
    envelope_from = models.CharField(_("envelope sender"), max_length=320, blank=True)
    envelope_to = models.JSONField(_("envelope recipients"), default=list)
    header_message_id = models.CharField(_("Message-ID"), max_length=250, blank=True, db_index=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    state = models.CharField(
        _("state"), max_length=10, choices=MailState.choices, default=MailState.RECEIVED
    )
    error = models.TextField(_("error"), blank=True)
    flags = models.JSONField(_("flags"), default=list, blank=True)
    ticket = models.ForeignKey(
        "tickets.Ticket", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.ForeignKey(
        "tickets.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-received_at"]
        indexes = [
            # A sender's mail still to be filed, which another listener process files first
            # (mail.inbound._sender_turn): a handful of rows however large the table grows.
            models.Index(
                fields=["envelope_from", "id"],
                condition=models.Q(state="received"),
                name="mail_inbound_waiting",
            )
        ]
        verbose_name = _("incoming mail")
        verbose_name_plural = _("incoming mail")

    def __str__(self) -> str:
        return f"{self.source} {self.header_message_id or self.pk}"


class MailRoute(models.Model):
    """A recipient address of the desk and the team its mail goes to."""

    address = models.EmailField(_("address"), unique=True)
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("mail route")
        verbose_name_plural = _("mail routes")

    def __str__(self) -> str:
        return self.address


class ImapCursor(models.Model):
    """How far a mailbox has been read: the UIDs below `next_uid` of this UIDVALIDITY are in."""

    account = models.CharField(max_length=300, unique=True)  # user@host/mailbox
    uid_validity = models.BigIntegerField(default=0)
    next_uid = models.BigIntegerField(default=1)

    def __str__(self) -> str:
        return self.account


class OutboundMail(models.Model):
    """A message the desk sends, kept from the moment it is queued until a relay takes it, with
    each failed attempt's reason beside it."""

    to = models.JSONField(default=list)
    from_email = models.CharField(_("from"), max_length=320)
    subject = models.TextField(_("subject"))
    text = models.TextField(_("text"))
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    # What the mail is about, so its sender hears back through `mail_sent` and `mail_failed`
    # without mail knowing that app: a label such as "tickets.message" and the row's id.
    about = models.CharField(max_length=100, blank=True)
    about_id = models.BigIntegerField(null=True, blank=True)
    queued_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Set by the worker handing the mail to the relay, so no other worker sends it meanwhile;
    # a claim older than CLAIM_EXPIRES is of a worker that died, and may be taken over.
    sending_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        ordering = ["-queued_at"]

    def __str__(self) -> str:
        return f"{', '.join(self.to)}: {self.subject}"
