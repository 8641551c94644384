"""Background work for macros."""

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from frontdesk.macros.services import holding_replies_due


@task()
def holding_replies_send() -> int:
    """Send the holding reply to hard cases left unanswered longer than the desk allows."""
    return holding_replies_due(now=timezone.now(), after_minutes=settings.HOLDING_REPLY_AFTER)
