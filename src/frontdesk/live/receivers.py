from typing import Any

from django.dispatch import receiver

from frontdesk.customers.models import Customer
from frontdesk.customers.signals import customer_merging
from frontdesk.live.services import calls_move_customer


@receiver(customer_merging, sender=Customer)
def move_calls_on_merge(
    sender: type[Customer], source: Customer, target: Customer, **kwargs: Any
) -> None:
    calls_move_customer(source=source, target=target)
