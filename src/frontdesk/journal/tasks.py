"""Background work for the journal."""

from django.utils import timezone
from django_tasks import task

from frontdesk.core.clock import desk_today
from frontdesk.journal import services


@task()
def follow_ups_activate_due() -> tuple[int, int]:
    """Put due promises in their owners' queues; escalate the late ones."""
    return services.follow_ups_activate_due(now=timezone.now())


@task(queue_name="mail")
def follow_up_escalation_send(follow_up_id: int) -> int:
    """Tell the leads a promise is overdue."""
    from frontdesk.journal.services import follow_up_escalation_deliver

    return follow_up_escalation_deliver(follow_up_id=follow_up_id)


@task()
def notices_review_request_due() -> int:
    """Ask authors to review notices past their review date."""
    return services.notices_review_request_due(today=desk_today())
