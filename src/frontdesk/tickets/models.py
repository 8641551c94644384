from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from frontdesk.core.attachments import stored_file_name
from frontdesk.tickets.choices import (
    OPEN_STATUSES,
    Channel,
    DeskTextKey,
    Level,
    MessageDirection,
    QueueKind,
    Status,
)
from frontdesk.tickets.constants import (
    QUEUE_INDEX,
    SEARCH_TEXT_LENGTH,
    VIEW_NAME_LENGTH,
    VIEW_QUERY_LENGTH,
)


class Ticket(models.Model):
    """One request from one customer, from first contact until it is closed."""

    reference = models.CharField(_("reference"), max_length=16, unique=True)
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.PROTECT,
        related_name="tickets",
        verbose_name=_("customer"),
    )
    subject = models.CharField(_("subject"), max_length=250)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, default=Level.NORMAL
    )
    quick_win = models.BooleanField(_("quick win"), default=False)
    effort_minutes = models.PositiveIntegerField(
        _("effort estimate (minutes)"), null=True, blank=True
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    tone = models.FloatField(_("tone"), null=True, blank=True, help_text="-1 angry … 1 pleased")
    # Why the ticket sits where it does: [{"code": "payment", "detail": "charged twice"}, ...].
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    red_flags = models.JSONField(_("red flags"), default=list, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    # What the ticket is found by (engine/search.py), kept by the services that write the ticket
    # and its messages; PostgreSQL indexes it by trigrams (migration 0009).
    search_text = models.CharField(max_length=SEARCH_TEXT_LENGTH, blank=True, default="")
    # Values of the desk's custom fields for tickets, {key: value} (customers/custom_fields.py);
    # `custom_folded` holds text values folded, for filtering.
    custom = models.JSONField(_("custom fields"), default=dict, blank=True)
    custom_folded = models.JSONField(default=dict, blank=True, editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tickets",
        verbose_name=_("assignee"),
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets"
    )
    first_response_due = models.DateTimeField(_("first response due"), null=True, blank=True)
    resolution_due = models.DateTimeField(_("resolution due"), null=True, blank=True)
    first_responded_at = models.DateTimeField(_("first responded"), null=True, blank=True)
    solved_at = models.DateTimeField(_("solved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    last_customer_message_at = models.DateTimeField(null=True, blank=True)
    # Its place in the queue (engine.queue): the kind of work, when it last began to wait for
    # the desk, and the sort key — that moment less the head start its level, quick win, key
    # customer and SLA earn. Recomputed whenever one of those changes; empty exactly when the
    # ticket is not queued (waiting, on hold, solved, closed).
    queue_kind = models.CharField(
        _("kind of work"), max_length=10, choices=QueueKind.choices, default=QueueKind.TICKET
    )
    queue_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    queue_key = models.DateTimeField(null=True, blank=True)
    sla_at_risk = models.BooleanField(_("SLA at risk"), default=False)
    # The SLA clock stops while the ticket waits on the customer or is on hold.
    sla_paused_at = models.DateTimeField(null=True, blank=True)
    sla_paused_minutes = models.PositiveIntegerField(default=0)
    sla_breached_at = models.DateTimeField(_("SLA breached"), null=True, blank=True)
    # Set when the ticket was merged into another of the customer's: its thread lives there now,
    # and its reference leads there.
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_tickets",
        verbose_name=_("merged into"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "level", "created_at"]),
            models.Index(fields=["assignee", "status"]),
            models.Index(fields=["customer", "status"]),
            # "Next item" reads the first row of one of these. The conditions hold no values,
            # so SQLite can use them for queries with bound parameters too. The queue's
            # selectors name the first on SQLite (INDEXED BY), whatever its statistics say.
            models.Index(
                fields=["queue_key", "id"],
                name=QUEUE_INDEX,
                condition=Q(queue_key__isnull=False, assignee__isnull=True),
            ),
            models.Index(
                fields=["assignee", "queue_key", "id"],
                name="ticket_queue_assigned",
                condition=Q(queue_key__isnull=False, assignee__isnull=False),
            ),
        ]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def audit_label(self) -> str:
        """The ticket in the audit trail: its reference, not the customer's words."""
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def subject_for_customer(self) -> str:
        """The subject the customer reads, in the active language: a follow-up's subject is the
        agent's own note of a promise, so the customer reads a plain one instead."""
        if self.queue_kind == QueueKind.FOLLOW_UP:
            return gettext("Following up as promised")
        return self.subject

    @property
    def sla_due(self) -> datetime | None:
        """The due the clock now runs towards: the first answer, then the solution."""
        return self.resolution_due if self.first_responded_at else self.first_response_due

    @property
    def first_response_time(self) -> timedelta | None:
        """How long the customer waited for the first answer."""
        return self.first_responded_at - self.created_at if self.first_responded_at else None

    @property
    def resolution_time(self) -> timedelta | None:
        """How long the request took to solve."""
        return self.solved_at - self.created_at if self.solved_at else None


class Message(models.Model):
    """One message in a ticket's thread: from the customer, to the customer, or an internal note."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=5, choices=MessageDirection.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    author_agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_customer = models.ForeignKey(
        "customers.Customer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(max_length=250, blank=True)
    text = models.TextField(blank=True)
    html = models.TextField(blank=True, help_text="sanitised before it is stored")
    headers = models.JSONField(default=dict, blank=True)
    message_id = models.CharField(max_length=250, blank=True, db_index=True)
    # The address an incoming e-mail came from, read from between its From header's brackets.
    from_address = models.CharField(max_length=254, blank=True)
    flags = models.JSONField(default=list, blank=True)
    # What a system note records ({"code": "status", "from": "new", "to": "open"}), so each
    # reader's page words it in their language; `text` keeps the English for the API.
    event = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Outbound only: when the message left through the mail relay, or why it has not yet.
    delivered_at = models.DateTimeField(null=True, blank=True)
    delivery_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.get_direction_display()} on {self.ticket_id}"

    @property
    def is_public(self) -> bool:
        return self.direction != MessageDirection.NOTE

    @property
    def author_name(self) -> str:
        if self.author_agent is not None:
            return self.author_agent.get_full_name() or self.author_agent.username
        if self.author_customer is not None:
            return self.author_customer.name
        return ""


def attachment_path(instance: Attachment, filename: str) -> str:
    """Store under a random name in a dated folder; the customer's file name never reaches disk."""
    return stored_file_name(storage_key=instance.storage_key, filename=filename)


class Attachment(models.Model):
    """A file sent with a message, stored under a safe name, bounded in size."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    storage_key = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=200, help_text="shown to people; never used as a path")
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    inline = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class TicketView(models.Model):
    """A ticket list an agent keeps under a name: its filters, as the list's query string, for
    its owner alone or (made by a lead) for every member of a team."""

    name = models.CharField(_("name"), max_length=VIEW_NAME_LENGTH)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="ticket_views",
        verbose_name=_("owner"),
    )
    team = models.ForeignKey(
        "accounts.Team",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ticket_views",
        verbose_name=_("team"),
    )
    # The filters as the list's query string ("status=open&tag=vat"), read again through the
    # list's filter form each time: a view saved before a filter existed keeps working, and
    # one naming a filter since removed loses only that filter.
    query = models.CharField(_("filters"), max_length=VIEW_QUERY_LENGTH, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("ticket view")
        verbose_name_plural = _("ticket views")

    def __str__(self) -> str:
        return self.name


class QueueSettings(models.Model):
    """The desk's queue weights and access by team, as a lead set them; one row, absent until
    first changed."""

    weights = models.JSONField(_("weights"), default=dict, blank=True)
    # On: an agent sees only their teams' tickets, team-less ones and their own (visibility.py).
    team_scoped = models.BooleanField(_("agents see only their teams' tickets"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        # The table routing created before the weights moved here; its row stays where it is.
        db_table = "routing_queuesettings"
        verbose_name = _("queue settings")
        verbose_name_plural = _("queue settings")

    def __str__(self) -> str:
        return "queue settings"


class DeskText(models.Model):
    """A lead's own wording, in one language, for one of the desk's texts to customers (the
    acknowledgement e-mail, the request form, the kiosk); with none saved, the built-in words."""

    key = models.CharField(_("text"), max_length=30, choices=DeskTextKey.choices)
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("wording"))

    class Meta:
        ordering = ["key", "language"]
        constraints = [
            models.UniqueConstraint(fields=["key", "language"], name="desk_text_once_a_language")
        ]
        verbose_name = _("desk text")
        verbose_name_plural = _("desk texts")

    def __str__(self) -> str:
        return f"{self.get_key_display()} ({self.language})"
