"""Heartbeats and lost tasks: a task whose worker stopped beating goes back to the queue once,
however many workers look; a task that kills its workers is failed after the third."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from frontdesk.periodic.clock import WORKER_ID_LENGTH, worker_id_make
from frontdesk.periodic.constants import CLAIMS_MOST, STALE_AFTER, WORKER_LOST
from frontdesk.periodic.models import WorkerHeartbeat
from frontdesk.periodic.registry import JOBS
from frontdesk.periodic.selectors import worker_state
from frontdesk.periodic.services import heartbeat_beat, heartbeat_forget, tasks_recover

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
LONG_AGO = NOW - STALE_AFTER - timedelta(seconds=1)


def running_task(*, worker_ids: list[str], started_at: datetime) -> DBTaskResult:
    """A task row as django-tasks-db leaves it while a worker runs it."""
    task = DBTaskResult.objects.create(
        id=uuid.uuid4(),
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="frontdesk.periodic.tasks.database_optimize",
        worker_ids=worker_ids,
        backend_name="default",
        run_after=NOW - timedelta(hours=1),
        exception_class_path="",
        traceback="",
    )
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=started_at)
    return task


def beat(worker_id: str, at: datetime) -> None:
    heartbeat_beat(worker_id=worker_id, host="desk-1", pid=4242, now=at)


@pytest.mark.django_db
def test_a_heartbeat_keeps_its_start_and_moves_its_beat() -> None:
    beat("w1", LONG_AGO)
    beat("w1", NOW)
    heartbeat = WorkerHeartbeat.objects.get(worker_id="w1")
    assert (heartbeat.started_at, heartbeat.beat_at, heartbeat.pid) == (LONG_AGO, NOW, 4242)
    heartbeat_forget(worker_id="w1")
    assert not WorkerHeartbeat.objects.exists()


@pytest.mark.django_db
def test_a_task_of_a_quiet_worker_goes_back_to_the_queue_and_a_living_ones_stays() -> None:
    beat("dead", LONG_AGO)
    beat("alive", NOW - timedelta(seconds=5))
    lost = running_task(worker_ids=["dead"], started_at=LONG_AGO)
    kept = running_task(worker_ids=["alive"], started_at=LONG_AGO)
    never_beat = running_task(worker_ids=["someone"], started_at=LONG_AGO)
    just_claimed = running_task(worker_ids=["dead"], started_at=NOW - timedelta(seconds=2))

    recovery = tasks_recover(now=NOW)

    assert (recovery.requeued, recovery.failed) == (2, 0)
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses[lost.pk] == TaskResultStatus.READY
    assert statuses[never_beat.pk] == TaskResultStatus.READY
    assert statuses[kept.pk] == TaskResultStatus.RUNNING
    assert statuses[just_claimed.pk] == TaskResultStatus.RUNNING
    # A second look finds nothing more to do.
    assert tasks_recover(now=NOW).requeued == 0


@pytest.mark.django_db
def test_a_task_that_outlived_three_workers_is_failed_not_run_again() -> None:
    task = running_task(worker_ids=[f"w{n}" for n in range(CLAIMS_MOST)], started_at=LONG_AGO)
    recovery = tasks_recover(now=NOW)
    assert (recovery.requeued, recovery.failed) == (0, 1)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == WORKER_LOST
    assert "w0, w1, w2" in task.traceback


@pytest.mark.django_db
def test_beats_of_workers_stopped_a_day_ago_are_forgotten() -> None:
    beat("yesterday", NOW - timedelta(days=1, minutes=1))
    beat("today", NOW - timedelta(hours=3))
    tasks_recover(now=NOW)
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["today"]


@pytest.mark.django_db(transaction=True)
def test_two_workers_recovering_at_once_hand_each_task_back_once() -> None:
    beat("dead", LONG_AGO)
    tasks = [running_task(worker_ids=["dead"], started_at=LONG_AGO) for _ in range(20)]
    counts: list[int] = []
    start = threading.Barrier(4)

    def recover() -> None:
        start.wait()
        try:
            counts.append(tasks_recover(now=NOW).requeued)
        finally:
            connection.close()

    threads = [threading.Thread(target=recover) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(counts) == len(tasks)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == len(tasks)


@pytest.mark.django_db
def test_the_worker_state_is_ok_stale_or_none() -> None:
    assert worker_state(now=NOW) == "none"
    beat("w1", LONG_AGO)
    assert worker_state(now=NOW) == "stale"
    beat("w2", NOW - timedelta(seconds=10))
    assert worker_state(now=NOW) == "ok"


@pytest.mark.django_db
def test_healthz_says_the_worker_and_is_unavailable_while_it_is_stale() -> None:
    assert Client().get("/healthz").json()["worker"] == "none"
    beat("w1", datetime.now(UTC))
    response = Client().get("/healthz")
    assert (response.status_code, response.json()["worker"]) == (200, "ok")
    WorkerHeartbeat.objects.update(beat_at=datetime.now(UTC) - STALE_AFTER - timedelta(seconds=5))
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["worker"] == "stale"
    assert "heartbeat" in response.json()["detail"]


def test_worker_ids_fit_django_tasks_db_and_differ() -> None:
    ids = {worker_id_make() for _ in range(50)}
    assert len(ids) == 50
    assert all(0 < len(worker_id) <= WORKER_ID_LENGTH for worker_id in ids)


def test_the_workers_look_for_lost_tasks_every_minute() -> None:
    recover = next(job for job in JOBS if job.name == "tasks-recover")
    assert (recover.every, STALE_AFTER) == (timedelta(minutes=1), timedelta(seconds=90))
