from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from frontdesk.tickets.choices import Level, Status


class Macro(models.Model):
    """A canned answer with a one-word code (typed as /code), in one language, that may also set
    the ticket's status, level, tags and assignee."""

    code = models.SlugField(_("code"), max_length=30)
    language = models.CharField(
        _("language"), max_length=8, blank=True, help_text=_("empty: any language")
    )
    name = models.CharField(_("name"), max_length=100)
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Placeholders: {customer.first_name}, {agent.name}, {ticket.reference}, …"),
    )
    set_status = models.CharField(
        _("set status"), max_length=10, choices=Status.choices, blank=True
    )
    set_level = models.PositiveSmallIntegerField(
        _("set level"), choices=Level.choices, null=True, blank=True
    )
    add_tags = models.JSONField(_("add tags"), default=list, blank=True)
    set_assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assign to"),
    )
    # Suggested for quick wins whose triage label is one of these ("opening hours", ...).
    suggest_for = models.JSONField(_("suggest for"), default=list, blank=True)
    # Questions customers ask that this answer settles, one per line: the answer matcher reads
    # them beside the name and text (triage's "answered before" quick wins).
    questions = models.TextField(
        _("example questions"),
        blank=True,
        help_text=_("Questions this macro answers, one per line, in any language."),
    )
    active = models.BooleanField(_("active"), default=True)
    # When the macro last changed: the answer matcher rebuilds its index when this moves.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["code", "language"]
        constraints = [
            models.UniqueConstraint(fields=["code", "language"], name="macro_code_per_language")
        ]
        verbose_name = _("macro")
        verbose_name_plural = _("macros")

    def __str__(self) -> str:
        return f"/{self.code} ({self.language or '*'})"


class MacroSet(models.Model):
    """A named answer set: macro codes in a lead's order, offered first in the reply box's
    picker on tickets of the levels it is for (DESIGN.md practice 3: level 2 customers are
    answered from prepared answers)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    # Ticket levels (1-4) whose picker lists this set's answers first.
    levels = models.JSONField(_("suggested first on levels"), default=list, blank=True)
    # Macro codes, in the order the picker lists them; each shown in the ticket's language.
    codes = models.JSONField(_("answers"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("answer set")
        verbose_name_plural = _("answer sets")

    def __str__(self) -> str:
        return self.name
