"""A task for fault drills only (tests/cluster, bench/cluster_bench.py): it sleeps, so a drill
can kill the worker running it. It refuses to run unless FRONTDESK_TEST_TASKS=1."""

from __future__ import annotations

import os
import time

from django_tasks import task

DRILLS_ON = "FRONTDESK_TEST_TASKS"


@task()
def drill_sleep(seconds: float) -> int:
    """Sleep `seconds`, then answer the process id that finished."""
    if os.environ.get(DRILLS_ON) != "1":
        raise RuntimeError(f"drill tasks run only with {DRILLS_ON}=1")
    time.sleep(seconds)
    return os.getpid()
