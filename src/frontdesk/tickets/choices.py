from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """Where a contact came from."""

    EMAIL = "email", _("E-mail")
    WEB = "web", _("Web")
    PHONE = "phone", _("Phone")
    VISIT = "visit", _("Visit")
    CHAT = "chat", _("Chat")


class Status(models.TextChoices):
    """Where a ticket stands."""

    NEW = "new", _("New")
    OPEN = "open", _("Open")
    WAITING = "waiting", _("Waiting on customer")
    ON_HOLD = "on_hold", _("On hold")
    SOLVED = "solved", _("Solved")
    CLOSED = "closed", _("Closed")


class Level(models.IntegerChoices):
    """Urgency, 1 most urgent (see DESIGN.md, practice 3)."""

    URGENT = 1, _("1 · urgent")
    NEW_CUSTOMER = 2, _("2 · new customer")
    PATTERN = 3, _("3 · part of a pattern")
    NORMAL = 4, _("4 · normal")


class MessageDirection(models.TextChoices):
    """Whether a message came in from the customer, went out to them, or stayed inside the desk."""

    IN = "in", _("In")
    OUT = "out", _("Out")
    NOTE = "note", _("Internal note")


OPEN_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING, Status.ON_HOLD)
