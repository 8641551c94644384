"""Background work for routing."""

from django.utils import timezone
from django_tasks import task

from frontdesk.routing.services import work_hand_out as hand_out


@task()
def work_hand_out() -> int:
    """Hand out the free items of teams that push work to their agents."""
    return hand_out(now=timezone.now())
