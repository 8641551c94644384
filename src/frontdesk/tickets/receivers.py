from datetime import datetime
from typing import Any

from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver
from django.utils.translation import ngettext

from frontdesk.accounts.models import User
from frontdesk.accounts.signals import agent_deactivating
from frontdesk.core.search import sqlite_text_indexes_keep
from frontdesk.customers.models import Customer
from frontdesk.customers.signals import (
    customer_erasing,
    customer_importance_changed,
    customer_merging,
    customer_renamed,
)
from frontdesk.mail.models import OutboundMail
from frontdesk.mail.signals import mail_failed, mail_sent
from frontdesk.tickets.constants import MESSAGE_MAIL
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.privacy import tickets_erase
from frontdesk.tickets.selectors import ticket_count
from frontdesk.tickets.services import (
    message_delivery_record,
    tickets_move_customer,
    tickets_queue_refresh,
    tickets_release,
    tickets_search_text_refresh,
)


@receiver(customer_merging, sender=Customer)
def move_tickets_on_merge(
    sender: type[Customer], source: Customer, target: Customer, **kwargs: Any
) -> None:
    tickets_move_customer(source=source, target=target)
    # The survivor may have just become a key customer: every queued ticket of theirs, the
    # moved ones too, takes its place for what the customer now is.
    tickets_queue_refresh(customer=target)


@receiver(customer_importance_changed, sender=Customer)
def move_tickets_on_importance(sender: type[Customer], customer: Customer, **kwargs: Any) -> None:
    tickets_queue_refresh(customer=customer)


@receiver(customer_renamed, sender=Customer)
def refresh_search_on_rename(sender: type[Customer], customer: Customer, **kwargs: Any) -> None:
    tickets_search_text_refresh(customer=customer)


@receiver(customer_erasing, sender=Customer)
def erase_tickets(sender: type[Customer], customer: Customer, **kwargs: Any) -> dict[str, int]:
    return tickets_erase(customer=customer)


@receiver(mail_sent, sender=OutboundMail)
def record_message_sent(sender: type[OutboundMail], mail: OutboundMail, **kwargs: Any) -> None:
    if mail.about == MESSAGE_MAIL and mail.about_id is not None:
        message_delivery_record(message_id=mail.about_id)


@receiver(mail_failed, sender=OutboundMail)
def record_message_not_sent(
    sender: type[OutboundMail], mail: OutboundMail, error: str, **kwargs: Any
) -> None:
    if mail.about == MESSAGE_MAIL and mail.about_id is not None:
        message_delivery_record(message_id=mail.about_id, error=error)


@receiver(post_save, sender=Ticket)
def forget_counts_on_save(sender: type[Ticket], **kwargs: Any) -> None:
    # The agent who just changed a ticket sees their views' counts follow at once.
    ticket_count.forget()


@receiver(agent_deactivating)
def release_tickets_on_deactivate(
    sender: object, agent: User, actor: User, at: datetime, **kwargs: Any
) -> str:
    count = tickets_release(
        agent=agent, note=f"{agent.display_name} left the desk", answered_too=True
    )
    return (
        ngettext(
            "%(count)d ticket back to the queue.", "%(count)d tickets back to the queue.", count
        )
        % {"count": count}
        if count
        else ""
    )


@receiver(post_migrate)
def text_indexes_keep(sender: Any, using: str, **kwargs: Any) -> None:
    """A migration that altered tickets or customers on SQLite dropped their search triggers
    with the old table: put them back (once, after the tickets app's migrations)."""
    if getattr(sender, "label", "") == "tickets":
        sqlite_text_indexes_keep(using=using)
