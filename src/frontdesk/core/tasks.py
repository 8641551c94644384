"""Queueing a task as part of the write that calls for it."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend


def task_enqueue_with_write(task: Task[Any, Any], *args: Any) -> None:
    """Queue `task` so that it exists exactly when the caller's transaction commits.

    With the database's task queue the task's row goes into that transaction: committed with
    the rows it is about, or not at all, and no worker sees it before the commit (a worker reads
    committed rows only). Another backend runs or keeps the task at once, so it is asked only
    after the commit.
    """
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args)
    else:
        transaction.on_commit(lambda: task.enqueue(*args))
