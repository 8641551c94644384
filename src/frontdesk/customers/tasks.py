"""Background work for customers."""

from django.utils import timezone
from django_tasks import task

from frontdesk.customers.privacy import customers_silent_erase


@task()
def silent_customers_erase() -> int:
    """Erase a batch of customers silent past FRONTDESK_ERASE_SILENT_DAYS (0: none)."""
    return customers_silent_erase(now=timezone.now())
