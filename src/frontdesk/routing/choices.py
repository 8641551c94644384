from django.db import models
from django.utils.translation import gettext_lazy as _


class Presence(models.TextChoices):
    """Where an agent is; routing gives new work only to those who can take it."""

    AVAILABLE = "available", _("Available")
    VISITOR = "visitor", _("Serving a visitor")
    CALL = "call", _("On a call")
    BREAK = "break", _("On a break")
    AWAY = "away", _("Away")
    OFF = "off", _("Off shift")


# Who may be handed written work, and who may be offered a live contact (DESIGN.md practice 1:
# while serving a visitor the agent's phone goes quiet).
TAKES_WRITTEN_WORK = frozenset({Presence.AVAILABLE, Presence.VISITOR, Presence.CALL})
TAKES_LIVE_CONTACTS = frozenset({Presence.AVAILABLE})
