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
