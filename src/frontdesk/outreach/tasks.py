"""Background work for campaigns."""

from django.utils import timezone
from django_tasks import task

from frontdesk.outreach.services import campaigns_send_due


@task()
def campaigns_send() -> int:
    """Start the campaigns whose time has come and queue the next batch of each one's mail."""
    return campaigns_send_due(now=timezone.now())
