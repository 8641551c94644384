from functools import partial
from typing import Any

from django.db import transaction
from django.dispatch import receiver

from frontdesk.customers.models import Customer
from frontdesk.customers.signals import customer_erasing
from frontdesk.satisfaction.privacy import ratings_erase
from frontdesk.satisfaction.tasks import survey_send
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.signals import ticket_solved


@receiver(ticket_solved, sender=Ticket)
def ask_for_rating(sender: type[Ticket], ticket: Ticket, historical: bool, **kwargs: Any) -> None:
    # After the commit, by the worker: a solve rolled back asks nothing, and the agent's click
    # never waits on composing mail. The task re-reads and asks once per solve.
    if historical or ticket.solved_at is None:
        return
    transaction.on_commit(partial(survey_send.enqueue, ticket.pk, ticket.solved_at.isoformat()))


@receiver(customer_erasing, sender=Customer)
def erase_rating_comments(
    sender: type[Customer], customer: Customer, **kwargs: Any
) -> dict[str, int]:
    return ratings_erase(customer=customer)
