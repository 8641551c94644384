from django.db import models
from django.utils.translation import gettext_lazy as _


class MailSource(models.TextChoices):
    """How a message reached the desk."""

    SMTP = "smtp", "SMTP"
    LMTP = "lmtp", "LMTP"
    IMAP = "imap", "IMAP"


class MailState(models.TextChoices):
    """What became of a stored message."""

    RECEIVED = "received", _("Received")
    PROCESSED = "processed", _("On a ticket")
    IGNORED = "ignored", _("Ignored (from the desk itself)")
    FAILED = "failed", _("Could not be filed")
