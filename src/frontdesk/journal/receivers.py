from typing import Any

from django.dispatch import receiver

from frontdesk.customers.models import Customer
from frontdesk.customers.signals import customer_merging
from frontdesk.journal.services import follow_ups_move_customer


@receiver(customer_merging, sender=Customer)
def move_follow_ups_on_merge(
    sender: type[Customer], source: Customer, target: Customer, **kwargs: Any
) -> None:
    follow_ups_move_customer(source=source, target=target)
