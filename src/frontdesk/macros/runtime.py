"""The answer index of this process: built from the active macros once, and again when one
changes (their count, newest id and latest change say when)."""

from __future__ import annotations

import threading
from datetime import datetime

from django.db.models import Count, Max

from frontdesk.core.memo import for_a_while
from frontdesk.engine.answers import AnswerIndex
from frontdesk.macros.adapters import answers_of
from frontdesk.macros.constants import HOLDING_CODE
from frontdesk.macros.models import Macro

Version = tuple[int, int | None, datetime | None]

_lock = threading.Lock()
_built: dict[Version, AnswerIndex] = {}


def _answering_macros() -> list[Macro]:
    # The holding reply answers no question: it says an answer will take longer.
    return list(Macro.objects.filter(active=True).exclude(code=HOLDING_CODE))


@for_a_while
def macros_version() -> Version:
    """What changes whenever a macro is added, changed, stopped or removed."""
    found = Macro.objects.aggregate(count=Count("id"), newest=Max("id"), changed=Max("updated_at"))
    return (found["count"], found["newest"], found["changed"])


def answer_index() -> AnswerIndex:
    """The index of the desk's active macros, built once per change of them."""
    version = macros_version()
    with _lock:
        index = _built.get(version)
    if index is not None:
        return index
    index = AnswerIndex(answers_of(_answering_macros()))
    with _lock:
        _built.clear()
        _built[version] = index
    return index
