"""Jobs queued before the upgrade that renamed and moved tasks run the new tasks after it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [
    ("periodic", "0001_initial"),
    ("django_tasks_database", "0021_conditional_partial_index_ordering"),
]
AFTER = [("periodic", "0002_queued_jobs_follow_renamed_tasks")]


@pytest.fixture(autouse=True)
def _migrations_back_to_latest() -> Iterator[None]:
    # Later tests expect every migration applied; leave the database the way it was found.
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_jobs_waiting_for_renamed_tasks_run_the_new_ones_and_finished_jobs_stay() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    jobs = executor.loader.project_state(BEFORE).apps.get_model(
        "django_tasks_database", "DBTaskResult"
    )
    queued = [
        ("READY", "frontdesk.sla.tasks.sla_sweep", []),
        ("READY", "frontdesk.journal.tasks.follow_ups_due", []),
        ("READY", "frontdesk.schedules.tasks.coverage_short_tell", [7]),
        ("READY", "frontdesk.tickets.tasks.acknowledgement_send", [11, 2]),
        ("READY", "frontdesk.tickets.tasks.message_send", [12, 3]),
        ("SUCCESSFUL", "frontdesk.routing.tasks.queue_reorder", []),
    ]
    for status, path, args in queued:
        jobs.objects.create(
            status=status,
            task_path=path,
            args_kwargs={"args": args, "kwargs": {}},
            backend_name="default",
            run_after=timezone.now(),
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    after = executor.loader.project_state(AFTER).apps.get_model(
        "django_tasks_database", "DBTaskResult"
    )
    rows = sorted(
        (row.status, row.task_path, row.args_kwargs["args"]) for row in after.objects.all()
    )
    assert rows == [
        ("READY", "frontdesk.journal.tasks.follow_ups_activate_due", []),
        ("READY", "frontdesk.schedules.tasks.coverage_short_notify", [7]),
        ("READY", "frontdesk.tickets.tasks.acknowledgement_send", [11]),
        ("READY", "frontdesk.tickets.tasks.message_mail_send", [12]),
        ("READY", "frontdesk.tickets.tasks.sla_sweep", []),
        ("SUCCESSFUL", "frontdesk.routing.tasks.queue_reorder", []),
    ]
