"""The periodic jobs' tasks that belong to no other app."""

from django.utils import timezone
from django_tasks import task

from frontdesk.core.retention import files_expire
from frontdesk.periodic.services import database_optimize as optimize
from frontdesk.periodic.services import tasks_recover as recover


@task()
def database_optimize() -> str:
    """Refresh the database's planner statistics."""
    return optimize()


@task()
def files_retention() -> dict[str, int]:
    """Delete attachments and call recordings past the desk's retention rule."""
    return files_expire(now=timezone.now())


@task()
def tasks_recover() -> dict[str, int]:
    """Hand back the tasks of workers that stopped beating."""
    recovery = recover(now=timezone.now())
    return {"requeued": recovery.requeued, "failed": recovery.failed}
