"""Background work for SLAs."""

from django.utils import timezone
from django_tasks import task

from frontdesk.sla.services import sla_sweep as sweep


@task()
def sla_sweep() -> tuple[int, int]:
    """Warn before a breach and escalate after it."""
    return sweep(now=timezone.now())
