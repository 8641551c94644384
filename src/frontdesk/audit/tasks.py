"""The audit trail's periodic job."""

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from frontdesk.audit.services import audit_expire


@task()
def audit_retention() -> int:
    """Delete the events older than FRONTDESK_AUDIT_RETENTION_DAYS; how many went."""
    return audit_expire(now=timezone.now(), days=settings.AUDIT_RETENTION_DAYS)
