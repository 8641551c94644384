"""Jobs queued before an upgrade name the task they run by its path; tasks renamed or moved in
December 2026 (issue 13) would fail to import. Point the jobs still waiting at the new tasks."""

from typing import Any

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

# Old path -> new path, for tasks that kept their arguments.
RENAMED = {
    "frontdesk.journal.tasks.follow_ups_due": "frontdesk.journal.tasks.follow_ups_activate_due",
    "frontdesk.journal.tasks.notices_review": "frontdesk.journal.tasks.notices_review_request_due",
    "frontdesk.macros.tasks.holding_replies_send": "frontdesk.macros.tasks.holding_replies_send_due",
    "frontdesk.routing.tasks.queue_reorder": "frontdesk.tickets.tasks.queue_reorder",
    "frontdesk.schedules.tasks.coverage_short_tell": "frontdesk.schedules.tasks.coverage_short_notify",
    "frontdesk.sla.tasks.sla_sweep": "frontdesk.tickets.tasks.sla_sweep",
}
# Tasks that retried themselves and took the attempt as a second argument; mail retries now.
ACKNOWLEDGEMENT = "frontdesk.tickets.tasks.acknowledgement_send"
REPLY_BEFORE = "frontdesk.tickets.tasks.message_send"
REPLY_AFTER = "frontdesk.tickets.tasks.message_mail_send"
WAITING = ("READY",)


def _first_argument_only(arguments: dict[str, Any]) -> dict[str, Any]:
    return {"args": list(arguments.get("args", []))[:1], "kwargs": {}}


def forward(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    jobs = apps.get_model("django_tasks_database", "DBTaskResult").objects.filter(
        status__in=WAITING
    )
    for old, new in RENAMED.items():
        jobs.filter(task_path=old).update(task_path=new)
    for job in jobs.filter(task_path__in=[ACKNOWLEDGEMENT, REPLY_BEFORE]):
        job.args_kwargs = _first_argument_only(job.args_kwargs)
        job.task_path = REPLY_AFTER if job.task_path == REPLY_BEFORE else job.task_path
        job.save(update_fields=["args_kwargs", "task_path"])


class Migration(migrations.Migration):
    dependencies = [
        ("periodic", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop, elidable=True)]
