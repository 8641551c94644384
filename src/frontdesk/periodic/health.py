"""The worker's line in /healthz: core asks, periodic answers (core cannot import periodic)."""

from __future__ import annotations

from django.utils import timezone

from frontdesk.core.health import HealthCheck
from frontdesk.periodic.selectors import WORKER_STALE, worker_state


def worker_health() -> HealthCheck:
    """Whether a worker beats: stale workers make the desk unhealthy (mail and sweeps stop)."""
    state = worker_state(now=timezone.now())
    return HealthCheck(
        value=state,
        healthy=state != WORKER_STALE,
        problem="No worker has written a heartbeat lately: tasks and mail are not running."
        if state == WORKER_STALE
        else "",
    )
