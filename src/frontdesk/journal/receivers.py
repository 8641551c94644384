from datetime import datetime
from typing import Any

from django.dispatch import receiver
from django.utils.translation import ngettext

from frontdesk.accounts.models import User
from frontdesk.accounts.signals import agent_deactivating
from frontdesk.customers.models import Customer
from frontdesk.customers.signals import customer_erasing, customer_merging
from frontdesk.journal.privacy import journal_erase
from frontdesk.journal.services import (
    colleague_notes_hand_over,
    follow_ups_hand_over,
    follow_ups_move_customer,
)


@receiver(customer_merging, sender=Customer)
def move_follow_ups_on_merge(
    sender: type[Customer], source: Customer, target: Customer, **kwargs: Any
) -> None:
    follow_ups_move_customer(source=source, target=target)


@receiver(customer_erasing, sender=Customer)
def erase_promises(sender: type[Customer], customer: Customer, **kwargs: Any) -> dict[str, int]:
    return journal_erase(customer=customer)


@receiver(agent_deactivating)
def hand_over_follow_ups_on_deactivate(
    sender: object, agent: User, actor: User, at: datetime, **kwargs: Any
) -> str:
    count = follow_ups_hand_over(agent=agent, to=actor, actor=actor)
    return (
        ngettext(
            "%(count)d follow-up handed to %(name)s.",
            "%(count)d follow-ups handed to %(name)s.",
            count,
        )
        % {"count": count, "name": actor.display_name}
        if count
        else ""
    )


@receiver(agent_deactivating)
def hand_over_colleague_notes_on_deactivate(
    sender: object, agent: User, actor: User, at: datetime, **kwargs: Any
) -> str:
    count = colleague_notes_hand_over(agent=agent, to=actor)
    return (
        ngettext(
            "%(count)d note from colleagues handed to %(name)s.",
            "%(count)d notes from colleagues handed to %(name)s.",
            count,
        )
        % {"count": count, "name": actor.display_name}
        if count
        else ""
    )
