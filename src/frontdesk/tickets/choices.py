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


class QueueKind(models.TextChoices):
    """What sort of work a ticket is in the queue (the engine's `Kind`)."""

    LIVE = "live", _("Live contact")
    CALLBACK = "callback", _("Call-back")
    FOLLOW_UP = "follow-up", _("Follow-up")
    TICKET = "ticket", _("Ticket")


class MessageDirection(models.TextChoices):
    """Whether a message came in from the customer, went out to them, or stayed inside the desk."""

    IN = "in", _("In")
    OUT = "out", _("Out")
    NOTE = "note", _("Internal note")


OPEN_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING, Status.ON_HOLD)
# Open and owed an answer by the desk: what the queue holds. Waiting and on hold are not.
QUEUED_STATUSES = (Status.NEW, Status.OPEN)
# The SLA clock stops in these.
PAUSED_STATUSES = (Status.WAITING, Status.ON_HOLD)


class DeskTextKey(models.TextChoices):
    """The desk's words a lead may rewrite, per language: where each is shown."""

    ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement e-mail")
    PORTAL_INTRO = "portal_intro", _("Request form's introduction")
    KIOSK_WELCOME = "kiosk_welcome", _("Kiosk's welcome")
