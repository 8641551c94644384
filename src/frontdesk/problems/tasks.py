"""Background work for problems: it takes ids, re-reads, and calls a service."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from frontdesk.problems.services import alert_mail_leads, problems_baseline_build, problems_detect


@task()
def problems_detect_now() -> int:
    """Read the last window's contacts for problems and tell the leads of each new alert; how
    many new alerts were stored."""
    made = problems_detect(now=timezone.now())
    for alert in made:
        alert_mail.enqueue(alert.pk)
    return len(made)


@task()
def problems_baseline_rebuild() -> None:
    """Count the desk's usual rates again from its recent history."""
    problems_baseline_build(now=timezone.now())


@task(queue_name="mail")
def alert_mail(alert_id: int) -> int:
    """Tell the leads of a new alert, with the reports behind it."""
    return alert_mail_leads(alert_id=alert_id)
