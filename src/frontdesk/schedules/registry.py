"""What the live desk lends schedules: how long calls and visits take and who waits at the desk.
Live fills it in its AppConfig.ready(), so that schedules, below live, never imports it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured


class LiveQueue(Protocol):
    """The live desk's calls and visitors, as the forecast and the desk status read them."""

    def handling_spans(self, *, since: datetime) -> dict[str, list[float]]:
        """Seconds each call and visit since `since` took, by channel ("phone", "visit")."""
        ...

    def waiting(self, *, day: date) -> int:
        """Visitors of the day who wait to be called up."""
        ...

    def anyone_waiting(self, *, day: date) -> bool:
        """Whether any visitor of the day waits to be called up."""
        ...

    def minutes_each(self) -> float:
        """How long a visit at the desk takes, in minutes."""
        ...

    def wait(self, *, ahead: int, agents: int, each_minutes: float) -> timedelta:
        """How long someone with `ahead` visitors before them waits."""
        ...

    def ahead_of(self, *, visit: object) -> int | None:
        """Visitors before this one while it waits; None once it no longer waits."""
        ...


_live_queues: list[LiveQueue] = []


def live_queue_register(queue: LiveQueue) -> None:
    """Lend schedules the live desk's queue (called once, from live's AppConfig.ready())."""
    _live_queues[:] = [queue]


def live_queue() -> LiveQueue:
    """The live desk's queue, as registered."""
    if not _live_queues:
        raise ImproperlyConfigured("schedules needs frontdesk.live installed for its live queue.")
    return _live_queues[0]
