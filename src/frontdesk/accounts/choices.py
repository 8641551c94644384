from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What an agent may do: agents work tickets, leads also steer the team, admins run the desk."""

    AGENT = "agent", _("Agent")
    LEAD = "lead", _("Lead")
    ADMIN = "admin", _("Admin")


class Language(models.TextChoices):
    """The languages frontdesk's pages are translated into."""

    EN = "en", "English"
    ET = "et", "Eesti"
    HE = "he", "עברית"
    HU = "hu", "Magyar"
    BS = "bs", "Bosanski"


class Assignment(models.TextChoices):
    """How a team's work reaches its agents: they take it, or the desk hands it out."""

    PULL = "pull", _("Agents take the next item")
    ROUND_ROBIN = "round_robin", _("Round robin")
    LOAD = "load", _("To the least busy agent")


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


class TokenScope(models.TextChoices):
    """What an API token may do: read only, read and write, or also what only leads and admins
    may do (the desk's settings, the reports, the audit trail, the metrics)."""

    READ = "read", _("Read only")
    WRITE = "write", _("Read and write")
    ADMIN = "admin", _("Admin")


# Scopes in order of power: a token of a scope may do what every scope before it may.
TOKEN_SCOPE_ORDER = (TokenScope.READ, TokenScope.WRITE, TokenScope.ADMIN)
