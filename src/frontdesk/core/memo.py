"""Settings a lead changes rarely but every ticket reads (queue weights, SLA targets, business
hours), kept in each process for a few seconds instead of read from the database each time."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

# Another process sees a lead's change at most this many seconds late; this one at once.
SECONDS = 10.0
_ALL: list[Remembered[Any, Any]] = []


class Remembered(Generic[P, R]):
    """A function whose answers are remembered per arguments for `seconds` (SECONDS): at most
    `most` of them (all forgotten when full), and None only with `keep_none`."""

    def __init__(
        self,
        function: Callable[P, R],
        *,
        seconds: float = SECONDS,
        most: int | None = None,
        keep_none: bool = True,
    ) -> None:
        functools.update_wrapper(self, function)
        self._function = function
        self._seconds = seconds
        self._most = most
        self._keep_none = keep_none
        self._lock = threading.Lock()
        self._remembered: dict[Any, tuple[float, R]] = {}

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key = (args, tuple(sorted(kwargs.items())))
        now = time.monotonic()
        with self._lock:
            found = self._remembered.get(key)
            if found is not None and found[0] > now:
                return found[1]
        value = self._function(*args, **kwargs)
        if value is None and not self._keep_none:
            return value
        with self._lock:
            if self._most is not None and len(self._remembered) >= self._most:
                self._remembered.clear()
            self._remembered[key] = (now + self._seconds, value)
        return value

    def forget(self) -> None:
        """Drop what is remembered, at once (after this process changed the setting)."""
        with self._lock:
            self._remembered.clear()


def for_a_while(function: Callable[P, R]) -> Remembered[P, R]:
    """Remember `function`'s answer per arguments for SECONDS; `.forget()` drops it at once."""
    remembered = Remembered(function)
    _ALL.append(remembered)
    return remembered


def remembered_for(
    seconds: float, *, most: int | None = None, keep_none: bool = True
) -> Callable[[Callable[P, R]], Remembered[P, R]]:
    """`for_a_while` with its own time, size and whether None is remembered."""

    def remember(function: Callable[P, R]) -> Remembered[P, R]:
        remembered = Remembered(function, seconds=seconds, most=most, keep_none=keep_none)
        _ALL.append(remembered)
        return remembered

    return remember


def forget_all() -> None:
    """Drop everything remembered (tests start each case from the database's truth)."""
    for remembered in _ALL:
        remembered.forget()
