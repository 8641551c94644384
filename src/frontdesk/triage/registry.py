"""What apps above triage lend it: an answer finder that says whether a kept answer settles a
contact's question (macros fills it from its AppConfig.ready(), so that triage, below macros,
never imports them)."""

from __future__ import annotations

from typing import Protocol

from frontdesk.engine.answers import AnswerMatch
from frontdesk.engine.triage import Contact, Triage


class AnswerFinder(Protocol):
    """Finds the kept answer that settles a contact's question, as triage decided it, or None."""

    def __call__(self, *, contact: Contact, decision: Triage) -> AnswerMatch | None: ...


_finders: list[AnswerFinder] = []


def answer_finder_register(finder: AnswerFinder) -> None:
    """Lend triage the desk's answer finder (once, from an AppConfig.ready())."""
    _finders[:] = [finder]


def answer_for(*, contact: Contact, decision: Triage) -> AnswerMatch | None:
    """The kept answer that settles the contact's question; None when none does or no app
    lends a finder."""
    return _finders[0](contact=contact, decision=decision) if _finders else None
