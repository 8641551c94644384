from datetime import datetime
from typing import Any

from django.dispatch import receiver

from frontdesk.accounts.models import User
from frontdesk.customers.models import Customer
from frontdesk.customers.signals import customer_merging
from frontdesk.live.services import calls_move_customer, live_contacts_release
from frontdesk.schedules.signals import agent_stepped_away


@receiver(customer_merging, sender=Customer)
def move_calls_on_merge(
    sender: type[Customer], source: Customer, target: Customer, **kwargs: Any
) -> None:
    calls_move_customer(source=source, target=target)


@receiver(agent_stepped_away)
def release_on_step_away(sender: object, agent: User, at: datetime, **kwargs: Any) -> None:
    # A call or visitor of theirs goes to a colleague (before their written work does).
    live_contacts_release(agent=agent, at=at)
