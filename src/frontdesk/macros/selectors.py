"""Reads for macros: which macro a code means for a ticket, and what to suggest."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db.models import QuerySet

from frontdesk.macros.models import Macro
from frontdesk.tickets.models import Ticket


def macro_for(*, code: str, language: str) -> Macro | None:
    """The macro a code stands for in a language: that language's, else one for any language,
    else the English one."""
    return _in_language(Macro.objects.filter(code=code.lower(), active=True), language)


def _in_language(versions: Iterable[Macro], language: str) -> Macro | None:
    found = {m.language: m for m in versions}
    return found.get(language) or found.get("") or found.get("en")


def macro_list() -> QuerySet[Macro]:
    """Every active macro, by code."""
    return Macro.objects.filter(active=True).order_by("code", "language")


def macro_suggested(*, ticket: Ticket, macros: Sequence[Macro] | None = None) -> Macro | None:
    """A canned answer for a quick win, chosen by the triage label that made it quick.
    `macros`: the active macros, when the caller suggests for many tickets at once."""
    labels = [
        str(row.get("detail", ""))
        for row in ticket.reasons or []
        if isinstance(row, dict) and row.get("code") == "quick"
    ]
    if not labels:
        return None
    active = list(macro_list()) if macros is None else macros
    for macro in sorted(active, key=lambda m: m.code):
        if any(label in (macro.suggest_for or []) for label in labels):
            versions = [m for m in active if m.code == macro.code]
            return _in_language(versions, ticket.language) or macro
    return None
