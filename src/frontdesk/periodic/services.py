"""Claiming periodic runs, so that however many workers run, each run happens once."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from django.db import IntegrityError, connection, transaction
from django.utils.module_loading import import_string

from frontdesk.periodic.models import PeriodicRun
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
    """Keep the query planner's statistics fresh, so the queue's indexes stay the chosen plan.

    SQLite gathers statistics only when asked; PostgreSQL's autovacuum does it by itself.
    """
    if connection.vendor != "sqlite":
        return "nothing to do"
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        analysed = cursor.fetchone()[0]
        # The first time a full ANALYZE; then SQLite's own judgement of what has changed.
        cursor.execute("PRAGMA optimize" if analysed else "ANALYZE")
    return "optimized" if analysed else "analyzed"
