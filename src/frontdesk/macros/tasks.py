"""Background work for macros."""

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from frontdesk.macros import services


@task()
def holding_replies_send_due() -> int:
    """Send the holding reply to hard cases left unanswered longer than the desk allows."""
    return services.holding_replies_send_due(
        now=timezone.now(), after_minutes=settings.HOLDING_REPLY_AFTER
    )
