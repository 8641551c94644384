from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontdesk.core.clock import datetime_text

if TYPE_CHECKING:
    from frontdesk.customers.models import Customer


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


class FollowUp(models.Model):
    """A promise to a customer ("I'll call you back at three"), with an owner and a due time.

    It is worked as a ticket of kind follow-up assigned to its owner, which enters the queue when
    it is due; it is kept when that ticket is solved.
    """

    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="follow_ups"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="follow_ups"
    )
    text = models.CharField(_("promise"), max_length=250)
    due_at = models.DateTimeField(_("due"), db_index=True)
    ticket = models.OneToOneField(
        "tickets.Ticket", on_delete=models.CASCADE, related_name="follow_up"
    )
    created_at = models.DateTimeField(_("made"), default=timezone.now)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)

    class Meta:
        ordering = ["due_at"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return f"{self.customer}: {self.text} ({datetime_text(self.due_at)})"


class ColleagueNote(models.Model):
    """A log line that named an agent other than its writer ("Rami Cohen. Eli Levi. viruses."):
    the call was meant for them, so it waits for them, however long they are away, until they
    mark it done. When the line asked for action, the follow-up it made is theirs too."""

    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="colleague_notes"
    )
    writer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    interaction = models.OneToOneField(
        "customers.Interaction", on_delete=models.CASCADE, related_name="colleague_note"
    )
    line = models.CharField(_("line"), max_length=500)
    follow_up = models.OneToOneField(
        FollowUp,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="colleague_note",
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        # The waiting notes of one agent, on every desk page (the count) and their queue.
        indexes = [models.Index(fields=["agent", "done_at"], name="colleague_note_waiting")]
        verbose_name = _("note from a colleague")
        verbose_name_plural = _("notes from colleagues")

    def __str__(self) -> str:
        return f"{self.writer} → {self.agent}: {self.line}"

    @property
    def customer(self) -> Customer:
        """Whom the line is about: its interaction's customer, moved with it on a merge."""
        return self.interaction.customer


class Notice(models.Model):
    """A post on the notice board: what every agent (or a team) must know today, reviewed by its
    author by a date so it does not go stale."""

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="notices"
    )
    team = models.ForeignKey(
        "accounts.Team",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
        verbose_name=_("for team"),
        help_text=_("empty: everyone"),
    )
    important = models.BooleanField(_("important"), default=False)
    pinned = models.BooleanField(_("pinned"), default=False)
    review_by = models.DateField(_("review by"))
    reminded_at = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    read_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="NoticeRead", related_name="notices_read"
    )

    class Meta:
        ordering = ["-pinned", "-created_at"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return self.title


class NoticeRead(models.Model):
    """That an agent has read a notice, and when."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE)
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["notice", "agent"], name="notice_read_once")]

    def __str__(self) -> str:
        return f"{self.agent} read {self.notice}"
