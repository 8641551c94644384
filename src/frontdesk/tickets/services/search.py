"""Keeping a ticket's search text: what its reference, customer, subject and messages say."""

from __future__ import annotations

from frontdesk.customers.models import Customer
from frontdesk.engine.search import search_text_build, search_text_extend
from frontdesk.tickets.constants import REFERENCE_PREFIX, SEARCH_TEXT_LENGTH
from frontdesk.tickets.models import Message, Ticket


def search_text_for(ticket: Ticket, *texts: str) -> str:
    """A ticket's search text from scratch: reference (without its prefix, as people type it),
    customer, subject, then `texts` (its messages' words, in order)."""
    return search_text_build(
        ticket.reference.removeprefix(REFERENCE_PREFIX),
        ticket.customer.search_text,
        ticket.subject,
        *texts,
        limit=SEARCH_TEXT_LENGTH,
    )


def ticket_search_text_extend(*, ticket: Ticket, text: str) -> None:
    """Add the words of `text` (a new message, a new subject) that the ticket's search text
    lacks; writes only when there are any."""
    extended = search_text_extend(ticket.search_text, text, limit=SEARCH_TEXT_LENGTH)
    if extended != ticket.search_text:
        ticket.search_text = extended
        ticket.save(update_fields=["search_text"])


def tickets_search_text_refresh(*, customer: Customer) -> int:
    """Rebuild the search text of every ticket of a customer (renamed, or merged into); how many."""
    tickets = list(Ticket.objects.filter(customer=customer).select_related("customer"))
    texts: dict[int, list[str]] = {ticket.pk: [] for ticket in tickets}
    messages = (
        Message.objects.filter(ticket__customer=customer)
        .order_by("created_at", "id")
        .values_list("ticket_id", "text", "flags")
    )
    for ticket_id, text, flags in messages:
        if "system" not in (flags or []):
            texts[ticket_id].append(text)
    for ticket in tickets:
        ticket.search_text = search_text_for(ticket, *texts[ticket.pk])
    Ticket.objects.bulk_update(tickets, ["search_text"], batch_size=500)
    return len(tickets)
