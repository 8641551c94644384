"""Settings a lead changes rarely but every ticket reads (queue weights, SLA targets, business
hours), kept in each process for a few seconds instead of read from the database each time."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

# Another process sees a lead's change at most this many seconds late; this one at once.
SECONDS = 10.0
_ALL: list[Callable[[], None]] = []


def forget_all() -> None:
    """Drop everything remembered (tests start each case from the database's truth)."""
    for forget in _ALL:
        forget()


def for_a_while(function: Callable[P, R]) -> Callable[P, R]:
    """Remember `function`'s answer per arguments for SECONDS; `.forget()` drops it at once."""
    lock = threading.Lock()
    remembered: dict[Any, tuple[float, R]] = {}

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        key = (args, tuple(sorted(kwargs.items())))
        now = time.monotonic()
        with lock:
            found = remembered.get(key)
            if found is not None and found[0] > now:
                return found[1]
        value = function(*args, **kwargs)
        with lock:
            remembered[key] = (now + SECONDS, value)
        return value

    def forget() -> None:
        with lock:
            remembered.clear()

    wrapper.forget = forget  # type: ignore[attr-defined]
    _ALL.append(forget)
    return wrapper
