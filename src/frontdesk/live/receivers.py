from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.dispatch import receiver
from django.utils.translation import ngettext

from frontdesk.accounts.models import User
from frontdesk.accounts.signals import agent_deactivating
from frontdesk.customers.models import Customer
from frontdesk.customers.signals import customer_erasing, customer_merging
from frontdesk.live.privacy import live_erase
from frontdesk.live.recording_services import recordings_erase
from frontdesk.live.services import calls_move_customer, live_contacts_release
from frontdesk.schedules.signals import agent_stepped_away


@receiver(customer_merging, sender=Customer)
def move_calls_on_merge(
    sender: type[Customer], source: Customer, target: Customer, **kwargs: Any
) -> None:
    calls_move_customer(source=source, target=target)


@receiver(customer_erasing, sender=Customer)
def erase_recordings(
    sender: type[Customer], customer: Customer, addresses: Sequence[str] = (), **kwargs: Any
) -> dict[str, int]:
    return {
        "recordings": recordings_erase(customer=customer),
        **live_erase(customer=customer, addresses=addresses),
    }


@receiver(agent_stepped_away)
def release_on_step_away(sender: object, agent: User, at: datetime, **kwargs: Any) -> None:
    # A call or visitor of theirs goes to a colleague (before their written work does).
    live_contacts_release(agent=agent, at=at)


@receiver(agent_deactivating)
def release_on_deactivate(
    sender: object, agent: User, actor: User, at: datetime, **kwargs: Any
) -> str:
    count = live_contacts_release(agent=agent, at=at)
    return (
        ngettext(
            "%(count)d call or visitor handed to a colleague.",
            "%(count)d calls or visitors handed to colleagues.",
            count,
        )
        % {"count": count}
        if count
        else ""
    )
