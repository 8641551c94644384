"""Opening a ticket over the API: the intake flow, at the path it always had under /tickets."""

from django.http import HttpRequest
from ninja import Status as Answer

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.schemas import ErrorOut
from frontdesk.customers.models import Customer
from frontdesk.customers.selectors import access_customer_by_id
from frontdesk.customers.services import Identified, customer_identify
from frontdesk.intake.flows import contact_open
from frontdesk.tickets.api import router
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.schemas import TicketCreateIn, TicketOut


@router.post(
    "",
    response={201: TicketOut, 400: ErrorOut, 404: ErrorOut},
    # The id it had when the tickets' module defined it: clients generated from the document
    # keep their method names.
    operation_id="frontdesk_tickets_api_create_ticket",
)
def create_ticket(request: HttpRequest, payload: TicketCreateIn) -> Answer[Ticket]:
    """Open a ticket for a customer, found by id or e-mail/phone, or created."""
    data = payload.customer
    customer: Customer | Identified
    if data.id is not None:
        customer = access_customer_by_id(actor=request_agent(request), customer_id=data.id)
    elif data.email or data.phone:
        customer = customer_identify(
            name=data.name,
            email=data.email or "",
            phone=data.phone or "",
            language=payload.language or "",
        )
    else:
        raise Invalid("customer needs an id, an email or a phone")
    # One transaction writes the customer (when new) with the ticket.
    ticket = contact_open(
        customer=customer,
        subject=payload.subject,
        body=payload.body,
        channel=payload.channel,
        language=payload.language or "",
    )
    # The ticket as just written, not read again: a ticket of no team is every agent's to see.
    return Answer(201, ticket)
