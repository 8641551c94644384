"""Changing a ticket over the API, where a level or quick-win set by hand is triage's correction;
at the path it always had under /tickets."""

from django.db import transaction
from django.http import HttpRequest

from frontdesk.accounts.selectors import agent_by_username, request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.schemas import ErrorOut, RowId
from frontdesk.tickets.api import router
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.schemas import TicketOut, TicketUpdateIn
from frontdesk.tickets.selectors import access_ticket_by_id
from frontdesk.tickets.services import ticket_custom_set, ticket_tags_set, ticket_update
from frontdesk.triage.services import triage_correct


@router.patch(
    "/{ticket_id}",
    response={200: TicketOut, 400: ErrorOut, 404: ErrorOut},
    # The id it had when the tickets' module defined it: clients generated from the document
    # keep their method names.
    operation_id="frontdesk_tickets_api_update_ticket",
)
def update_ticket(request: HttpRequest, ticket_id: RowId, payload: TicketUpdateIn) -> Ticket:
    """Change subject, status, level, quick-win flag, assignee, tags or custom fields; nothing
    changes when one of them is refused."""
    agent = request_agent(request)
    ticket = access_ticket_by_id(actor=agent, ticket_id=ticket_id)
    assign = "assignee" in payload.model_fields_set
    assignee = agent_by_username(username=payload.assignee) if payload.assignee else None
    if payload.assignee and assignee is None:
        raise Invalid(f"No agent is called {payload.assignee!r}.")
    with transaction.atomic():
        if payload.level is not None or payload.quick_win is not None:
            # A level or quick-win set by hand is a correction the learned model trains on.
            triage_correct(
                ticket=ticket,
                agent=agent,
                level=payload.level if payload.level is not None else ticket.level,
                quick_win=payload.quick_win if payload.quick_win is not None else ticket.quick_win,
            )
        ticket_update(
            ticket=ticket,
            actor=agent,
            subject=payload.subject,
            status=payload.status,
            assign=assign,
            assignee=assignee,
        )
        if payload.tags is not None:
            ticket_tags_set(ticket=ticket, tags=payload.tags, actor=agent)
        if payload.custom:
            ticket_custom_set(ticket=ticket, values=payload.custom, actor=agent)
    return access_ticket_by_id(actor=agent, ticket_id=ticket_id)
