"""A ticket's rating over the API, under the tickets' path (added to their router from this
app's ready(), as intake adds opening a ticket)."""

from __future__ import annotations

from django.http import HttpRequest

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.schemas import ErrorOut, RowId
from frontdesk.satisfaction.schemas import TicketRatingOut
from frontdesk.satisfaction.selectors import survey_latest
from frontdesk.tickets.api import router
from frontdesk.tickets.selectors import access_ticket_by_id


@router.get("/{ticket_id}/rating", response={200: TicketRatingOut, 404: ErrorOut})
def get_ticket_rating(request: HttpRequest, ticket_id: RowId) -> dict[str, object]:
    """The customer's rating of the ticket's latest solve, its comment and when."""
    ticket = access_ticket_by_id(actor=request_agent(request), ticket_id=ticket_id)
    survey = survey_latest(ticket=ticket)
    if survey is None:
        return {
            "asked": False,
            "solved_at": ticket.solved_at,
            "asked_at": None,
            "rating": None,
            "comment": "",
            "rated_at": None,
            "follow_up_ticket_id": None,
        }
    return {
        "asked": True,
        "solved_at": survey.solved_at,
        "asked_at": survey.sent_at,
        "rating": survey.rating or None,
        "comment": survey.comment,
        "rated_at": survey.rated_at,
        "follow_up_ticket_id": survey.follow_up.ticket_id if survey.follow_up else None,
    }
