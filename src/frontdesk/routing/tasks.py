"""Background work for routing."""

from django_tasks import task

from frontdesk.tickets.services import tickets_queue_refresh


@task()
def queue_reorder() -> int:
    """Recompute every queued ticket's place after the weights changed."""
    return tickets_queue_refresh()
