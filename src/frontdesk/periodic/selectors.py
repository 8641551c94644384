"""What the workers' heartbeats say."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Max

from frontdesk.periodic.constants import STALE_AFTER
from frontdesk.periodic.models import WorkerHeartbeat

WORKER_OK = "ok"
WORKER_STALE = "stale"
WORKER_NONE = "none"


def worker_state(*, now: datetime) -> str:
    """ "ok" when a worker beat lately, "stale" when every known worker went quiet, "none" when
    no worker ran in the last day (or every one stopped cleanly)."""
    latest = WorkerHeartbeat.objects.aggregate(latest=Max("beat_at"))["latest"]
    if latest is None:
        return WORKER_NONE
    return WORKER_OK if latest >= now - STALE_AFTER else WORKER_STALE


def heartbeat_list() -> list[WorkerHeartbeat]:
    """Every worker that beat in the last day, the latest first."""
    return list(WorkerHeartbeat.objects.order_by("-beat_at"))
