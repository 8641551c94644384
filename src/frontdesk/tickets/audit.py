"""How the audit trail shows tickets: a link to each that still exists, statuses by name."""

from __future__ import annotations

from collections.abc import Collection

from django.urls import reverse

from frontdesk.tickets.choices import Status
from frontdesk.tickets.models import Ticket


def ticket_links(ids: Collection[str]) -> dict[str, str]:
    """The pages of those of the tickets `ids` that still exist."""
    found = Ticket.objects.filter(pk__in=[int(i) for i in ids if i.isdigit()])
    return {
        str(pk): reverse("tickets:detail", args=[pk]) for pk in found.values_list("pk", flat=True)
    }


def status_words(code: object) -> str:
    """A status's name in the reader's language."""
    return str(Status(code).label) if code in Status.values else str(code)
