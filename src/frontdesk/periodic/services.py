"""Claiming periodic runs, so that however many workers run, each run happens once; the
workers' heartbeats, and handing back the tasks of a worker that died."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, connection, transaction
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from frontdesk.periodic.constants import (
    BEATS_KEPT,
    CLAIMS_MOST,
    STALE_AFTER,
    STATISTICS_FACTOR,
    STATISTICS_MIN_ROWS,
    WORKER_LOST,
)
from frontdesk.periodic.models import PeriodicRun, WorkerHeartbeat
from frontdesk.periodic.registry import JOBS, Job

logger = logging.getLogger(__name__)


def periodic_due_enqueue(*, now: datetime, jobs: Sequence[Job] = JOBS) -> list[str]:
    """Enqueue every job whose time has come; the names of those this process claimed.

    A run is claimed by moving its `next_run_at` forward with a conditional update: when two
    workers look at once, one update matches and the other finds nothing to do.
    """
    claimed = []
    for job in jobs:
        run = PeriodicRun.objects.filter(name=job.name).first()
        if run is None:
            try:
                with transaction.atomic():
                    run = PeriodicRun.objects.create(name=job.name, next_run_at=now)
            except IntegrityError:
                continue  # another worker created it a moment ago and will run it
        if run.next_run_at > now:
            continue
        won = PeriodicRun.objects.filter(pk=run.pk, next_run_at=run.next_run_at).update(
            next_run_at=now + job.every, last_run_at=now
        )
        if won:
            import_string(job.task).enqueue()
            claimed.append(job.name)
    return claimed


def database_optimize() -> str:
    """Keep the query planner's statistics true as the tables grow; what was done.

    SQLite gathers statistics only when asked, and `PRAGMA optimize` (before 3.46) re-analyses
    a table only after the same connection's queries used it, which the worker's never did:
    statistics taken at 1,000 tickets stayed in force at 100,000. So every table that has grown
    or shrunk by STATISTICS_FACTOR since its last analysis (or was never analysed) is analysed
    again. PostgreSQL's autovacuum does that by itself, and its planner scales the statistics
    to the table's current size; a table it has never analysed yet (a desk just restored or
    imported) is analysed here, since without statistics its planner guesses "unassigned" rare.
    """
    stale = statistics_stale_tables()
    with connection.cursor() as cursor:
        for table in stale:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA optimize")
    return f"analyzed {', '.join(stale)}" if stale else "statistics hold"


def statistics_stale_tables() -> list[str]:
    """The tables whose planner statistics no longer describe them (see database_optimize)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.reltuples < 0"
                " AND pg_relation_size(c.oid) > 0 ORDER BY c.relname"
            )
            return [name for (name,) in cursor.fetchall()]
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            # A virtual table (full-text search) has no statistics of its own; its shadow
            # tables are ordinary ones and are analysed like the rest.
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
        tables = [name for (name,) in cursor.fetchall()]
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        analysed: dict[str, int] = {}
        if cursor.fetchone()[0]:
            # Each row's stat begins with the table's row count at that analysis.
            cursor.execute("SELECT tbl, stat FROM sqlite_stat1")
            for table, stat in cursor.fetchall():
                analysed[table] = max(analysed.get(table, 0), int(str(stat).split()[0]))
        stale = []
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 - a table name SQLite listed
            rows = cursor.fetchone()[0]
            seen = analysed.get(table)
            if max(rows, seen or 0) < STATISTICS_MIN_ROWS:
                continue
            if seen is None or not seen / STATISTICS_FACTOR < rows < seen * STATISTICS_FACTOR:
                stale.append(table)
    return stale


def heartbeat_beat(*, worker_id: str, host: str, pid: int, now: datetime) -> None:
    """Record that the worker lives, now (its first beat records when it started)."""
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(beat_at=now)
    if not updated:
        WorkerHeartbeat.objects.update_or_create(
            worker_id=worker_id,
            defaults={"host": host[:255], "pid": pid, "beat_at": now},
            create_defaults={"host": host[:255], "pid": pid, "beat_at": now, "started_at": now},
        )


def heartbeat_forget(*, worker_id: str) -> None:
    """Forget a worker that stopped cleanly: nothing of its is running any more."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


@dataclass(frozen=True)
class Recovery:
    """What a look for lost tasks did: tasks handed back to the queue, and tasks failed."""

    requeued: int
    failed: int


def tasks_recover(*, now: datetime) -> Recovery:
    """Hand back to the queue the running tasks whose worker stopped beating; fail those whose
    workers died under them CLAIMS_MOST times. Forget beats older than BEATS_KEPT.

    Each row moves by a conditional update on its status and claim time: when two workers
    recover at once, one update matches and the other finds the task already moved.
    """
    quiet_since = now - STALE_AFTER
    running = list(
        DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=quiet_since
        ).values_list("pk", "worker_ids", "started_at")
    )
    last_claims = {pk: (ids[-1] if ids else "") for pk, ids, _ in running}
    alive = set(
        WorkerHeartbeat.objects.filter(
            worker_id__in=set(last_claims.values()), beat_at__gte=quiet_since
        ).values_list("worker_id", flat=True)
    )
    requeued = failed = 0
    for pk, worker_ids, started_at in running:
        if last_claims[pk] in alive:
            continue
        still_lost = DBTaskResult.objects.filter(
            pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at
        )
        if len(worker_ids) >= CLAIMS_MOST:
            failed += still_lost.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_LOST,
                traceback=f"The worker running this task stopped {len(worker_ids)} times "
                f"({', '.join(worker_ids)}); it is not run again.",
            )
        else:
            requeued += still_lost.update(status=TaskResultStatus.READY, started_at=None)
    WorkerHeartbeat.objects.filter(beat_at__lt=now - BEATS_KEPT).delete()
    if requeued or failed:
        logger.warning("lost tasks: %d handed back to the queue, %d failed", requeued, failed)
    return Recovery(requeued=requeued, failed=failed)
