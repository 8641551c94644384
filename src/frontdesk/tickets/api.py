"""Tickets and their messages over the API."""

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja import Status as Answer
from ninja.pagination import paginate

from frontdesk.accounts.selectors import agent_by_username, request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.schemas import ErrorOut, Page, RowId
from frontdesk.customers.selectors import access_customer_by_id
from frontdesk.customers.services import customer_get_or_create
from frontdesk.tickets.choices import Status
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.schemas import (
    MessageIn,
    MessageOut,
    TicketCreateIn,
    TicketFilterIn,
    TicketOut,
    TicketUpdateIn,
)
from frontdesk.tickets.selectors import (
    TicketFilter,
    access_ticket_by_id,
    ticket_list,
    ticket_thread,
)
from frontdesk.tickets.services import ticket_create, ticket_note, ticket_reply, ticket_update
from frontdesk.triage.services import triage_correct

router = Router(tags=["tickets"])


def _ticket(request: HttpRequest, ticket_id: int) -> Ticket:
    return access_ticket_by_id(actor=request_agent(request), ticket_id=ticket_id)


@router.post("", response={201: TicketOut, 400: ErrorOut, 404: ErrorOut})
def create_ticket(request: HttpRequest, payload: TicketCreateIn) -> Answer[Ticket]:
    """Open a ticket for a customer, found by id or e-mail/phone, or created."""
    data = payload.customer
    if data.id is not None:
        customer = access_customer_by_id(actor=request_agent(request), customer_id=data.id)
    elif data.email or data.phone:
        customer, _created = customer_get_or_create(
            name=data.name,
            email=data.email or "",
            phone=data.phone or "",
            language=payload.language or "",
        )
    else:
        raise Invalid("customer needs an id, an email or a phone")
    ticket = ticket_create(
        customer=customer,
        subject=payload.subject,
        body=payload.body,
        channel=payload.channel,
        language=payload.language or "",
    )
    return Answer(201, _ticket(request, ticket.pk))


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
        ),
    )
    return tickets.prefetch_related("customer__identities")


@router.get("/{ticket_id}", response={200: TicketOut, 404: ErrorOut})
def get_ticket(request: HttpRequest, ticket_id: RowId) -> Ticket:
    """One ticket."""
    return _ticket(request, ticket_id)


@router.patch("/{ticket_id}", response={200: TicketOut, 400: ErrorOut, 404: ErrorOut})
def update_ticket(request: HttpRequest, ticket_id: RowId, payload: TicketUpdateIn) -> Ticket:
    """Change subject, status, level, quick-win flag or assignee."""
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
