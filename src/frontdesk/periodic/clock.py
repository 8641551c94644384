"""The clock a worker runs beside its task loop: every few seconds, enqueue what is due."""

from __future__ import annotations

import logging
import threading

from django.db import close_old_connections
from django.utils import timezone

from frontdesk.periodic.services import periodic_due_enqueue

logger = logging.getLogger(__name__)


def clock_start(*, interval: float = 15.0) -> threading.Event:
    """Start the clock in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()

    def tick() -> None:
        while not stop.wait(interval):
            try:
                close_old_connections()
                for name in periodic_due_enqueue(now=timezone.now()):
                    logger.info("periodic job queued: %s", name)
            except Exception:  # a database hiccup must not stop the clock for good
                logger.exception("periodic jobs could not be queued; trying again")

    threading.Thread(target=tick, name="frontdesk-clock", daemon=True).start()
    return stop
