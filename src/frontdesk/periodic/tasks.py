"""The periodic jobs' tasks that belong to no other app."""

from django_tasks import task

from frontdesk.periodic.services import database_optimize as optimize


@task()
def database_optimize() -> str:
    """Refresh the database's planner statistics."""
    return optimize()
