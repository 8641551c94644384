"""The clock a worker runs beside its task loop: on every tick, say the worker lives (its
heartbeat) and enqueue what is due."""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading

from django.db import close_old_connections
from django.utils import timezone

from frontdesk.periodic.constants import BEAT_SECONDS
from frontdesk.periodic.services import heartbeat_beat, periodic_due_enqueue

logger = logging.getLogger(__name__)

WORKER_ID_LENGTH = 64  # what django-tasks-db accepts


def worker_id_make() -> str:
    """An id for this worker process, unique across machines: host, process id, and a random
    part (a restarted container may reuse both)."""
    suffix = f"-{os.getpid()}-{secrets.token_hex(4)}"
    host = socket.gethostname()[: WORKER_ID_LENGTH - len(suffix)]
    return host + suffix


def clock_start(*, worker_id: str, interval: float = BEAT_SECONDS) -> threading.Event:
    """Beat once, then start the clock in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    host, pid = socket.gethostname(), os.getpid()

    def beat() -> None:
        try:
            close_old_connections()
            now = timezone.now()
            heartbeat_beat(worker_id=worker_id, host=host, pid=pid, now=now)
            for name in periodic_due_enqueue(now=now):
                logger.info("periodic job queued: %s", name)
        except Exception:  # a database hiccup must not stop the clock for good
            logger.exception("the heartbeat or periodic jobs could not be written; trying again")

    def tick() -> None:
        while not stop.wait(interval):
            beat()

    # The first beat before any task is claimed, so no claim is ever without a beat.
    beat()
    threading.Thread(target=tick, name="frontdesk-clock", daemon=True).start()
    return stop
