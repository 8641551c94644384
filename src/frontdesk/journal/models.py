from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LogCode(models.Model):
    """A one-word code the team agreed on, the words it stands for, and whether it is a promise
    that becomes a follow-up due so many minutes later."""

    word = models.SlugField(_("code"), max_length=30, unique=True)
    text = models.CharField(_("stands for"), max_length=200)
    follow_up_minutes = models.PositiveIntegerField(
        _("follow-up after (minutes)"), null=True, blank=True
    )

    class Meta:
        ordering = ["word"]
        verbose_name = _("log code")
        verbose_name_plural = _("log codes")

    def __str__(self) -> str:
        return self.word
