"""Background work for routing."""

from django_tasks import task

from frontdesk.tickets.services import tickets_queue_refresh


@task()
def queue_reorder() -> int:
    """Recompute every queued ticket's place after the weights changed."""
    return tickets_queue_refresh()


@task()
def work_hand_out() -> int:
    """Hand out the free items of teams that push work to their agents."""
    from django.utils import timezone

    from frontdesk.routing.services import work_hand_out as hand_out

    return hand_out(now=timezone.now())
