"""Reads for calls' recordings, scoped to who may hear them."""

from __future__ import annotations

from frontdesk.accounts.models import User
from frontdesk.core.errors import NotFound
from frontdesk.customers.models import Customer
from frontdesk.live.models import Recording


def access_recording(
    *, recording_id: int, actor: User | None = None, customer: Customer | None = None
) -> Recording:
    """A stored recording an active agent may hear, or one a customer may: of a call that became
    their own ticket. The same "not found" for missing and not-theirs."""
    recordings = Recording.objects.exclude(file="").select_related("call")
    if customer is not None:
        recordings = recordings.filter(call__ticket__customer=customer)
    elif actor is None or not actor.is_active:
        raise NotFound("Recording not found.")
    recording = recordings.filter(pk=recording_id).first()
    if recording is None:
        raise NotFound("Recording not found.")
    return recording


def recordings_by_ticket(*, customer: Customer) -> dict[int, list[Recording]]:
    """The recordings of every call that became one of the customer's tickets, by ticket id,
    oldest first: one query for a whole timeline."""
    by_ticket: dict[int, list[Recording]] = {}
    for recording in Recording.objects.filter(call__ticket__customer=customer).select_related(
        "call"
    ):
        assert recording.call.ticket_id is not None  # the filter's join says so
        by_ticket.setdefault(recording.call.ticket_id, []).append(recording)
    return by_ticket


def recordings_of_ticket(*, ticket_id: int) -> list[Recording]:
    """The recordings of the call a ticket came from, oldest first."""
    return list(Recording.objects.filter(call__ticket_id=ticket_id))
