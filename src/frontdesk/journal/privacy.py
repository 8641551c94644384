"""A customer's follow-ups and colleagues' notes about them, in their export and erased with
them: the promise's words and the log line go; when it was due, who owned it and its ticket
stay (the ticket's own text goes with the tickets')."""

from __future__ import annotations

from typing import Any

from frontdesk.customers.models import Customer
from frontdesk.journal.models import ColleagueNote, FollowUp


def follow_ups_export(customer: Customer) -> list[dict[str, Any]]:
    """Every promise made to the customer."""
    return [
        {
            "promise": follow_up.text,
            "due_at": follow_up.due_at.isoformat(),
            "owner": follow_up.owner.username,
            "ticket": follow_up.ticket.reference,
            "made_at": follow_up.created_at.isoformat(),
        }
        for follow_up in FollowUp.objects.filter(customer=customer)
        .select_related("owner", "ticket")
        .order_by("created_at", "pk")
    ]


def colleague_notes_export(customer: Customer) -> list[dict[str, Any]]:
    """The log lines about the customer that were meant for another agent."""
    return [
        {
            "line": note.line,
            "for": note.agent.username,
            "by": note.writer.username,
            "written_at": note.created_at.isoformat(),
        }
        for note in ColleagueNote.objects.filter(interaction__customer=customer)
        .select_related("agent", "writer")
        .order_by("created_at", "pk")
    ]


def journal_erase(*, customer: Customer) -> dict[str, int]:
    """Blank the words of the customer's promises and of the log lines about them; how many."""
    return {
        "follow_ups": FollowUp.objects.filter(customer=customer).update(text=""),
        "log_lines": ColleagueNote.objects.filter(interaction__customer=customer).update(line=""),
    }
