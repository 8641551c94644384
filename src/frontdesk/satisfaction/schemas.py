"""The customer's rating over the API."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema


class TicketRatingOut(Schema):
    """How the customer rated the ticket's latest solve: `asked` false when they never were;
    `rating` "good", "bad" or null while unanswered."""

    asked: bool
    solved_at: datetime | None
    asked_at: datetime | None
    rating: str | None
    comment: str
    rated_at: datetime | None
    follow_up_ticket_id: int | None
