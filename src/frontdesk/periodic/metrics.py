"""The workers' metrics for /metrics: tasks waiting and running, how long the last 15 minutes'
tasks waited and ran, their failures, and each worker's heartbeat age."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from prometheus_client.core import GaugeMetricFamily, Metric, SummaryMetricFamily

from frontdesk.periodic.constants import STALE_AFTER
from frontdesk.periodic.models import WorkerHeartbeat

RECENT = timedelta(minutes=15)


def _task_name(path: str) -> str:
    # "frontdesk.tickets.tasks.sla_sweep" -> "tickets.sla_sweep": short, and one per task.
    parts = path.split(".")
    return f"{parts[1]}.{parts[-1]}" if len(parts) > 2 and parts[0] == "frontdesk" else path


def periodic_metrics() -> Iterator[Metric]:
    """Task queue sizes, recent task latency and failures, and the workers' heartbeats."""
    now = timezone.now()
    tasks = GaugeMetricFamily(
        "frontdesk_tasks",
        "Tasks waiting for a worker (ready, their time come or not) and running, by queue.",
        labels=["queue", "status"],
    )
    for row in (
        DBTaskResult.objects.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
        .values("queue_name", "status")
        .annotate(n=Count("id"))
        .order_by()
    ):
        tasks.add_metric([row["queue_name"], row["status"].lower()], row["n"])
    yield tasks

    since = now - RECENT
    waits: dict[str, list[float]] = defaultdict(list)
    runs: dict[str, list[float]] = defaultdict(list)
    failures: dict[str, int] = defaultdict(int)
    for path, status, enqueued, started, finished in DBTaskResult.objects.filter(
        started_at__gte=since
    ).values_list("task_path", "status", "enqueued_at", "started_at", "finished_at"):
        if started is None:  # handed back to the queue since; it will start again
            continue
        name = _task_name(path)
        # A task that waited for its run_after waits from then, not from its enqueueing: a
        # retry an hour later did not wait an hour. Upper bound; good enough for an alert.
        waits[name].append(max(0.0, (started - enqueued).total_seconds()))
        if finished is not None:
            runs[name].append(max(0.0, (finished - started).total_seconds()))
        if status == TaskResultStatus.FAILED:
            failures[name] += 1
    wait = SummaryMetricFamily(
        "frontdesk_task_wait_seconds",
        "Seconds from enqueueing to start, of tasks started in the last 15 minutes.",
        labels=["task"],
    )
    run = SummaryMetricFamily(
        "frontdesk_task_run_seconds",
        "Seconds from start to finish, of tasks started in the last 15 minutes.",
        labels=["task"],
    )
    for name, seconds in sorted(waits.items()):
        wait.add_metric([name], len(seconds), sum(seconds))
    for name, seconds in sorted(runs.items()):
        run.add_metric([name], len(seconds), sum(seconds))
    yield wait
    yield run
    wait_max = GaugeMetricFamily(
        "frontdesk_task_wait_seconds_max",
        "The longest wait of a task started in the last 15 minutes.",
        labels=["task"],
    )
    for name, seconds in sorted(waits.items()):
        wait_max.add_metric([name], max(seconds))
    yield wait_max
    failed = GaugeMetricFamily(
        "frontdesk_task_failures",
        "Tasks started in the last 15 minutes that failed.",
        labels=["task"],
    )
    for name in sorted(waits):
        failed.add_metric([name], failures[name])
    yield failed

    age = GaugeMetricFamily(
        "frontdesk_worker_heartbeat_age_seconds",
        "Seconds since each worker (seen in the last day) last wrote its heartbeat.",
        labels=["worker", "host"],
    )
    fresh = 0
    for worker_id, host, beat_at in WorkerHeartbeat.objects.values_list(
        "worker_id", "host", "beat_at"
    ):
        age.add_metric([worker_id, host], max(0.0, (now - beat_at).total_seconds()))
        fresh += beat_at >= now - STALE_AFTER
    yield age
    workers = GaugeMetricFamily(
        "frontdesk_workers", "Workers whose heartbeat is fresh (within 90 s).", value=fresh
    )
    yield workers
