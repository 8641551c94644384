from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from frontdesk.customers.choices import (
    Direction,
    FieldKind,
    FieldTarget,
    IdentityKind,
    InteractionKind,
)


class Tag(models.Model):
    """A short label agents put on customers (and later on tickets)."""

    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class Customer(models.Model):
    """Someone the desk serves; everything anyone learns about them is kept here."""

    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=8, blank=True)
    is_key = models.BooleanField(_("key customer"), default=False)
    first_seen = models.DateTimeField(_("first seen"), default=timezone.now)
    tags = models.ManyToManyField(Tag, blank=True, related_name="customers", verbose_name=_("tags"))
    notes = models.TextField(_("notes"), blank=True)
    # Values of the desk's custom fields for customers, {key: value}, as customers' service keeps
    # them (engine/custom_fields.py); `custom_folded` holds text values folded, for filtering.
    custom = models.JSONField(_("custom fields"), default=dict, blank=True)
    custom_folded = models.JSONField(default=dict, blank=True, editable=False)
    # Name and organisation folded (no case, no accents): "kovacs" finds "Kovács" on any database.
    search_text = models.CharField(max_length=400, blank=True, db_index=True)
    # A portal link carries this key; changing it makes every earlier link stop working.
    portal_key = models.CharField(max_length=32, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )
    # When the customer's data was erased (the privacy erasure): the row stays, anonymised, so
    # that their tickets still count in the figures.
    erased_at = models.DateTimeField(
        pgettext_lazy("when a customer was erased", "erased"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        indexes = [models.Index(fields=["name"]), models.Index(fields=["is_key"])]

    def __str__(self) -> str:
        return self.name

    @property
    def audit_label(self) -> str:
        """The customer in the audit trail: a number, no name an erasure would have to find."""
        return f"#{self.pk}"

    @property
    def primary_email(self) -> str:
        emails = [i.display for i in self.identities.all() if i.kind == IdentityKind.EMAIL]
        return emails[0] if emails else ""


class CustomerIdentity(models.Model):
    """An e-mail address or phone number that belongs to exactly one customer."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="identities")
    kind = models.CharField(max_length=10, choices=IdentityKind.choices)
    value = models.CharField(max_length=254, help_text="normalised, for matching")
    display = models.CharField(max_length=254, help_text="as the customer wrote it")
    is_primary = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_primary", "id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="identity_unique_per_kind")
        ]
        verbose_name = _("identity")
        verbose_name_plural = _("identities")

    def __str__(self) -> str:
        return self.display


class Interaction(models.Model):
    """One entry on a customer's timeline: a call, visit, e-mail, web request, chat or note."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="interactions")
    kind = models.CharField(_("kind"), max_length=10, choices=InteractionKind.choices)
    direction = models.CharField(max_length=10, choices=Direction.choices, default=Direction.IN)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    summary = models.CharField(_("summary"), max_length=300)
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ticket = models.ForeignKey(
        "tickets.Ticket",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interactions",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["customer", "-occurred_at"])]
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.summary}"


class FieldDefinition(models.Model):
    """A custom field a lead defines for tickets or customers: its key, label, kind and order."""

    target = models.CharField(_("applies to"), max_length=10, choices=FieldTarget.choices)
    key = models.SlugField(_("key"), max_length=40)
    label = models.CharField(_("label"), max_length=100)
    # The label in other languages, {"he": "…"}; the label above where one is missing.
    labels = models.JSONField(_("translated labels"), default=dict, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=FieldKind.choices)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # An inactive field is hidden everywhere, but the values rows hold stay for when it returns.
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["target", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["target", "key"], name="field_key_unique_per_target")
        ]
        verbose_name = _("custom field")
        verbose_name_plural = _("custom fields")

    def __str__(self) -> str:
        return f"{self.label} ({self.key})"

    def label_in(self, language: str) -> str:
        """The label in `language`, or the label as the lead wrote it."""
        return str(self.labels.get(language) or self.label) if self.labels else self.label
