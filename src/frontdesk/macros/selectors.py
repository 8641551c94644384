"""Reads for macros: which macro a code means for a ticket, and what to suggest."""

from __future__ import annotations

from django.db.models import QuerySet

from frontdesk.macros.models import Macro
from frontdesk.tickets.models import Ticket


def macro_for(*, code: str, language: str) -> Macro | None:
    """The macro a code stands for in a language: that language's, else one for any language,
    else the English one."""
    found = {m.language: m for m in Macro.objects.filter(code=code.lower(), active=True)}
    return found.get(language) or found.get("") or found.get("en")


def macro_list() -> QuerySet[Macro]:
    """Every active macro, by code."""
    return Macro.objects.filter(active=True).order_by("code", "language")


def macro_suggested(*, ticket: Ticket) -> Macro | None:
    """A canned answer for a quick win, chosen by the triage label that made it quick."""
    labels = [
        str(row.get("detail", ""))
        for row in ticket.reasons or []
        if isinstance(row, dict) and row.get("code") == "quick"
    ]
    if not labels:
        return None
    for macro in Macro.objects.filter(active=True).order_by("code"):
        if any(label in (macro.suggest_for or []) for label in labels):
            return macro_for(code=macro.code, language=ticket.language) or macro
    return None
