from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.periodic.models import PeriodicRun
from frontdesk.periodic.registry import Job
from frontdesk.periodic.services import periodic_due_enqueue

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
JOBS = (Job("optimize", "frontdesk.periodic.tasks.database_optimize", timedelta(hours=1)),)


def test_a_job_runs_once_per_interval_however_often_workers_look() -> None:
    assert periodic_due_enqueue(now=NOW, jobs=JOBS) == ["optimize"]
    assert periodic_due_enqueue(now=NOW, jobs=JOBS) == []
    assert periodic_due_enqueue(now=NOW + timedelta(minutes=59), jobs=JOBS) == []
    assert periodic_due_enqueue(now=NOW + timedelta(hours=1), jobs=JOBS) == ["optimize"]
    run = PeriodicRun.objects.get(name="optimize")
    assert run.last_run_at == NOW + timedelta(hours=1)
    assert run.next_run_at == NOW + timedelta(hours=2)


def test_a_worker_that_lost_the_race_does_not_run_the_job() -> None:
    periodic_due_enqueue(now=NOW, jobs=JOBS)
    # Another worker read the row before the first moved it on: its update matches nothing.
    stale = PeriodicRun.objects.get(name="optimize")
    PeriodicRun.objects.filter(pk=stale.pk).update(next_run_at=NOW)
    assert periodic_due_enqueue(now=NOW + timedelta(hours=1), jobs=JOBS) == ["optimize"]
    assert periodic_due_enqueue(now=NOW + timedelta(hours=1), jobs=JOBS) == []
