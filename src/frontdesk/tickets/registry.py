"""What apps above tickets lend it: the desk's status, worded for an acknowledgement. Schedules
fills it in its AppConfig.ready(), so that tickets, below schedules, never imports it."""

from __future__ import annotations

from collections.abc import Callable

_status_texts: list[Callable[[], str]] = []


def acknowledgement_status_register(text: Callable[[], str]) -> None:
    """Lend tickets the desk's status for acknowledgements (once, from an AppConfig.ready())."""
    _status_texts[:] = [text]


def acknowledgement_status_text() -> str:
    """The desk's status for an acknowledgement, in the active language; empty when no app
    lends one."""
    return _status_texts[0]() if _status_texts else ""
