from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignStatus(models.TextChoices):
    """Where a campaign is: written, waiting for its time, going out, out, or stopped."""

    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    CANCELLED = "cancelled", _("Cancelled")


class RecipientStatus(models.TextChoices):
    """What became of one recipient's mail."""

    PENDING = "pending", _("Pending")
    QUEUED = "queued", _("Handed to the mail relay")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not sent yet")
    SKIPPED = "skipped", _("Skipped")


class SkipReason(models.TextChoices):
    """Why a recipient was not written to."""

    OPTED_OUT = "opted_out", _("opted out")
    NO_ADDRESS = "no_address", _("no e-mail address")
    CANCELLED = "cancelled", _("campaign cancelled")


class OptOutHow(models.TextChoices):
    """How a customer said they want no more campaigns."""

    PAGE = "page", _("Unsubscribe page")
    ONE_CLICK = "one_click", _("One-click unsubscribe in the mail program")
