"""Reads for triage: the labelled history the model learns from."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery

from frontdesk.engine.triage import Example
from frontdesk.tickets.choices import MessageDirection, Status
from frontdesk.tickets.models import Message, Ticket
from frontdesk.triage.models import TriageCorrection, TriageModel

HISTORY_LIMIT = 20_000


def training_examples(*, limit: int = HISTORY_LIMIT) -> list[Example]:
    """Tickets whose level an agent corrected, or confirmed by working them to solved or closed."""
    first_text = Message.objects.filter(
        ticket=OuterRef("pk"), direction=MessageDirection.IN
    ).order_by("created_at", "id")
    corrected = TriageCorrection.objects.filter(ticket=OuterRef("pk")).order_by(
        "-created_at", "-id"
    )
    rows = (
        Ticket.objects.annotate(
            first_text=Subquery(first_text.values("text")[:1]),
            corrected_level=Subquery(corrected.values("level_after")[:1]),
        )
        .filter(first_text__isnull=False)
        .exclude(
            corrected_level__isnull=True,
            status__in=[Status.NEW, Status.OPEN, Status.WAITING, Status.ON_HOLD],
        )
        .order_by("-created_at")
        .values_list("subject", "first_text", "level", "corrected_level")[:limit]
    )
    return [
        Example(subject=subject, body=text, level=corrected or level)
        for subject, text, level, corrected in rows
    ]


def corrections_for(*, ticket: Ticket) -> list[TriageCorrection]:
    """A ticket's corrections, newest first, with who made them."""
    return list(ticket.triage_corrections.select_related("agent"))


def model_latest() -> TriageModel | None:
    """The newest trained model, the one triage uses."""
    return TriageModel.objects.order_by("-id").first()
