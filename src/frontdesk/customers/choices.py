from django.db import models
from django.utils.translation import gettext_lazy as _


class IdentityKind(models.TextChoices):
    """How a customer can be recognised."""

    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")


class InteractionKind(models.TextChoices):
    """The kinds of contact that land on a customer's timeline."""

    CALL = "call", _("Call")
    VISIT = "visit", _("Visit")
    EMAIL = "email", _("E-mail")
    WEB = "web", _("Web")
    CHAT = "chat", _("Chat")
    NOTE = "note", _("Note")


class Direction(models.TextChoices):
    """Whether a contact came from the customer or went to them."""

    IN = "in", _("From the customer")
    OUT = "out", _("To the customer")
    INTERNAL = "internal", _("Internal")


class FieldTarget(models.TextChoices):
    """What a custom field describes."""

    TICKET = "ticket", _("Tickets")
    CUSTOMER = "customer", _("Customers")


class FieldKind(models.TextChoices):
    """What a custom field holds (the engine's kinds, engine/custom_fields.py)."""

    TEXT = "text", _("Text")
    NUMBER = "number", _("Number")
    CHOICE = "choice", _("Choice")
    DATE = "date", _("Date")
