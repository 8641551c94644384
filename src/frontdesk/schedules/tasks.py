"""Background work for schedules: warn the queue before breaks, follow the schedule, and tell
the leads when a break leaves the desk short."""

from django.utils import timezone
from django_tasks import task

from frontdesk.schedules import services


@task()
def breaks_tick() -> int:
    """Warn the queue of breaks coming up, and start and end breaks and shifts on time."""
    now = timezone.now()
    return services.breaks_warn_due(now=now) + services.presence_follow_schedule(now=now)


@task()
def coverage_short_notify(break_id: int) -> int:
    """Mail the leads if this break leaves the desk short now."""
    return services.coverage_short_notify(break_id=break_id)
