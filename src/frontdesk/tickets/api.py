"""Tickets and their messages over the API."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja import Status as Answer
from ninja.pagination import paginate

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.schemas import ErrorOut, Page, RowId
from frontdesk.customers.api import router as customers_router
from frontdesk.customers.selectors import access_customer_by_id
from frontdesk.tickets.choices import Status
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.schemas import (
    ConversationIn,
    MessageIn,
    MessageOut,
    TicketFilterIn,
    TicketOut,
)
from frontdesk.tickets.selectors import (
    TicketFilter,
    access_ticket_by_id,
    ticket_list,
    ticket_thread,
)
from frontdesk.tickets.services import (
    ticket_call_log,
    ticket_note,
    ticket_reply,
    ticket_write_to_customer,
)

router = Router(tags=["tickets"])


def _ticket(request: HttpRequest, ticket_id: int) -> Ticket:
    return access_ticket_by_id(actor=request_agent(request), ticket_id=ticket_id)


@router.get("", response=list[TicketOut])
@paginate(Page)
def list_tickets(request: HttpRequest, filters: Query[TicketFilterIn]) -> QuerySet[Ticket]:
    """Tickets, newest first, filtered; `limit` and `offset` page through them."""
    tickets = ticket_list(
        actor=request_agent(request),
        filters=TicketFilter(
            status=filters.status,
            assignee=filters.assignee,
            level=filters.level,
            channel=filters.channel,
            customer_id=filters.customer_id,
            query=filters.q,
            tag=filters.tag,
        ),
    )
    return tickets.prefetch_related("customer__identities")


@router.get("/{ticket_id}", response={200: TicketOut, 404: ErrorOut})
def get_ticket(request: HttpRequest, ticket_id: RowId) -> Ticket:
    """One ticket."""
    return _ticket(request, ticket_id)


@router.get("/{ticket_id}/messages", response={200: list[MessageOut], 404: ErrorOut})
def list_messages(request: HttpRequest, ticket_id: RowId) -> QuerySet[Message]:
    """The ticket's messages in order, internal notes included."""
    ticket = access_ticket_by_id(actor=request_agent(request), ticket_id=ticket_id)
    return ticket_thread(ticket=ticket, include_notes=True)


@router.post("/{ticket_id}/messages", response={201: MessageOut, 400: ErrorOut, 404: ErrorOut})
def add_message(request: HttpRequest, ticket_id: RowId, payload: MessageIn) -> Answer[Message]:
    """Reply to the customer (mailed to them) or add an internal note."""
    agent = request_agent(request)
    ticket = access_ticket_by_id(actor=agent, ticket_id=ticket_id)
    if payload.kind == "note":
        message = ticket_note(ticket=ticket, agent=agent, text=payload.text)
    else:
        message = ticket_reply(
            ticket=ticket, agent=agent, text=payload.text, status=payload.status or Status.WAITING
        )
    return Answer(201, message)


@customers_router.post(
    "/{customer_id}/conversations",
    response={201: TicketOut, 400: ErrorOut, 404: ErrorOut},
    tags=["customers"],
)
def create_conversation(
    request: HttpRequest, customer_id: RowId, payload: ConversationIn
) -> Answer[Ticket]:
    """Reach a customer: an e-mail mailed to them, or a call the agent had, as a new ticket of
    the agent's (not triaged: the agent's words, not the customer's)."""
    agent = request_agent(request)
    customer = access_customer_by_id(actor=agent, customer_id=customer_id)
    if payload.kind == "email":
        ticket = ticket_write_to_customer(
            customer=customer,
            agent=agent,
            subject=payload.subject,
            body=payload.body,
            to=payload.to or "",
            language=payload.language or "",
        )
    else:
        ticket = ticket_call_log(
            customer=customer,
            agent=agent,
            direction=payload.direction,
            subject=payload.subject,
            text=payload.body,
            keep_open=payload.keep_open,
        )
    return Answer(201, access_ticket_by_id(actor=agent, ticket_id=ticket.pk))
