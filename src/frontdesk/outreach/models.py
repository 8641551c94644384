from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontdesk.outreach.choices import CampaignStatus, OptOutHow, RecipientStatus
from frontdesk.outreach.constants import NAME_LENGTH, SUBJECT_LENGTH


class Campaign(models.Model):
    """A mail a lead sends to a segment of customers, in each one's language, at a set time."""

    name = models.CharField(_("name"), max_length=NAME_LENGTH)
    # The segment's filters as `outreach.segments.Segment` keeps them (to_json / from_json).
    segment = models.JSONField(_("segment"), default=dict, blank=True)
    default_language = models.CharField(_("default language"), max_length=8)
    status = models.CharField(
        _("status"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    scheduled_at = models.DateTimeField(_("send at"), null=True, blank=True, db_index=True)
    # Why the campaign went back to draft at its time (nobody in the segment could be written
    # to by then), as a code the page words: services.REFUSED_EMPTY or REFUSED_UNREACHABLE.
    refused_code = models.CharField(max_length=30, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("sent"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.name


class CampaignContent(models.Model):
    """A campaign's subject and text in one language."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="contents")
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=SUBJECT_LENGTH)
    body = models.TextField(_("text"))

    class Meta:
        ordering = ["campaign", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "language"], name="campaign_content_once_per_language"
            )
        ]
        verbose_name = _("campaign text")
        verbose_name_plural = _("campaign texts")

    def __str__(self) -> str:
        return f"{self.language}: {self.subject}"


class CampaignRecipient(models.Model):
    """One customer a campaign goes to, fixed when sending starts, and what became of the mail."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="recipients")
    customer = models.ForeignKey("customers.Customer", on_delete=models.CASCADE, related_name="+")
    address = models.CharField(_("address"), max_length=254, blank=True)
    language = models.CharField(_("language"), max_length=8)
    # The customer's own language had no text in the campaign: they get the default language.
    fell_back = models.BooleanField(default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=RecipientStatus.choices, default=RecipientStatus.PENDING
    )
    # A SkipReason for a skipped recipient; the relay's words for a failed one.
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    # The Message-ID of the mail, so a reply to it (In-Reply-To) finds this recipient.
    message_id = models.CharField(max_length=250, blank=True, db_index=True)
    mail = models.ForeignKey(
        "mail.OutboundMail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    queued_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["campaign", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "customer"], name="campaign_recipient_once_per_customer"
            )
        ]
        indexes = [models.Index(fields=["campaign", "status"])]
        verbose_name = _("campaign recipient")
        verbose_name_plural = _("campaign recipients")

    def __str__(self) -> str:
        return f"{self.campaign_id}: {self.address}"


class OptOut(models.Model):
    """A customer's "no more campaigns", kept with how and when; undoing it (a lead only) keeps
    the row with who undid it and when, so the record stays whole."""

    customer = models.ForeignKey("customers.Customer", on_delete=models.CASCADE, related_name="+")
    how = models.CharField(_("how"), max_length=10, choices=OptOutHow.choices)
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="opt_outs"
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["customer", "undone_at"])]
        verbose_name = _("opt-out")
        verbose_name_plural = _("opt-outs")

    def __str__(self) -> str:
        return f"{self.customer_id} {self.how}"


class CampaignReply(models.Model):
    """A ticket opened by a customer's reply to a campaign mail."""

    recipient = models.ForeignKey(
        CampaignRecipient, on_delete=models.CASCADE, related_name="replies"
    )
    ticket = models.OneToOneField("tickets.Ticket", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reply to a campaign")
        verbose_name_plural = _("replies to campaigns")

    def __str__(self) -> str:
        return f"{self.recipient_id} → {self.ticket_id}"


class ErasedOptOut(models.Model):
    """An address whose customer had opted out and was then erased, kept only as a digest
    (`outreach.privacy.address_digest`): a new record with that address is not written to."""

    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("opt-out of an erased customer")
        verbose_name_plural = _("opt-outs of erased customers")

    def __str__(self) -> str:
        return self.digest
