from django.db import models
from django.utils.translation import gettext_lazy as _


class Rating(models.TextChoices):
    """How the customer felt about the way their request was solved."""

    GOOD = "good", _("Good")
    BAD = "bad", _("Bad")
