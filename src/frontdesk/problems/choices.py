from django.db import models
from django.utils.translation import gettext_lazy as _


class AlertStatus(models.TextChoices):
    """Where an alert stands: waiting for a lead, made a problem, or dismissed."""

    NEW = "new", _("new")
    PROBLEM = "problem", _("made a problem")
    DISMISSED = "dismissed", _("dismissed")


class ProblemStatus(models.TextChoices):
    """A problem is open until a lead solves it."""

    OPEN = "open", _("open")
    SOLVED = "solved", _("solved")


class LinkHow(models.TextChoices):
    """How a ticket came to be part of a problem."""

    DETECTED = "detected", _("detected")
    ARRIVAL = "arrival", _("on arrival")
    HAND = "hand", _("by hand")
