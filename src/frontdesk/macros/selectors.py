"""Reads for macros: which macro a code means for a ticket, and what to suggest."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db.models import Q, QuerySet
from django.utils.translation import ngettext

from frontdesk.core.errors import NotFound
from frontdesk.engine.answers import ANSWER_REASON, AnswerMatch, answer_find
from frontdesk.engine.languages import written_as
from frontdesk.engine.text import fold
from frontdesk.engine.triage import Contact, Triage
from frontdesk.macros.constants import PICKER_LENGTH
from frontdesk.macros.models import Macro
from frontdesk.macros.runtime import answer_index
from frontdesk.tickets.adapters import reasons_from_rows
from frontdesk.tickets.models import Ticket


def macro_for(*, code: str, language: str) -> Macro | None:
    """The macro a code stands for in a language: that language's (Bosnian's for Croatian or
    Serbian), else one for any language, else the English one."""
    return _in_language(Macro.objects.filter(code=code.lower(), active=True), language)


def _in_language(versions: Iterable[Macro], language: str) -> Macro | None:
    found = {m.language: m for m in versions}
    return (
        found.get(language) or found.get(written_as(language)) or found.get("") or found.get("en")
    )


def macro_list() -> QuerySet[Macro]:
    """Every active macro, by code."""
    return Macro.objects.filter(active=True).order_by("code", "language")


def macro_suggested(*, ticket: Ticket, macros: Sequence[Macro] | None = None) -> Macro | None:
    """A canned answer for a quick win: the macro its question was matched to, else one chosen
    by the triage label that made it quick. `macros`: the active macros, when the caller
    suggests for many tickets at once."""
    answered = macro_answering(ticket=ticket, macros=macros)
    if answered is not None:
        return answered
    labels = [
        reason.detail for reason in reasons_from_rows(ticket.reasons) if reason.code == "quick"
    ]
    if not labels:
        return None
    active = list(macro_list()) if macros is None else macros
    for macro in sorted(active, key=lambda m: m.code):
        if any(label in (macro.suggest_for or []) for label in labels):
            versions = [m for m in active if m.code == macro.code]
            return _in_language(versions, ticket.language) or macro
    return None


def macro_answering(*, ticket: Ticket, macros: Sequence[Macro] | None = None) -> Macro | None:
    """The macro triage matched the ticket's question to ("answered before: /delivery"), in
    the ticket's language as far as it has one; None when no match made the ticket quick."""
    codes = [
        reason.detail
        for reason in reasons_from_rows(ticket.reasons)
        if reason.code == ANSWER_REASON
    ]
    if not codes:
        return None
    active = list(macro_list().filter(code__in=codes)) if macros is None else macros
    return _in_language([m for m in active if m.code == codes[0]], ticket.language)


def macro_answer_find(*, contact: Contact, decision: Triage) -> AnswerMatch | None:
    """The active macro whose answer settles a new contact's question, by meaning and across
    languages (triage asks, through its registry)."""
    return answer_find(contact, decision, answer_index())


def macro_code_taken(*, code: str, language: str, macro_id: int | None = None) -> bool:
    """Whether another macro has this code in this language."""
    same = Macro.objects.filter(code=code, language=language)
    return (same.exclude(pk=macro_id) if macro_id else same).exists()


def macros_for_settings(*, language: str | None = None, query: str = "") -> QuerySet[Macro]:
    """Every macro, active or not, by code and language; `language` narrows to one ("" is "any
    language"), `query` to those whose code, name or text says it."""
    macros = Macro.objects.select_related("set_assignee").order_by("code", "language")
    if language is not None:
        macros = macros.filter(language=language)
    if query.strip():
        words = query.strip().lstrip("/")
        macros = macros.filter(
            Q(code__icontains=words) | Q(name__icontains=words) | Q(text__icontains=words)
        )
    return macros


def macros_by_code(macros: Iterable[Macro]) -> list[tuple[str, list[Macro]]]:
    """Macros grouped under their code, each code's languages together ("/refund: en, et, he")."""
    grouped: dict[str, list[Macro]] = {}
    for macro in macros:
        grouped.setdefault(macro.code, []).append(macro)
    return list(grouped.items())


def access_macro_by_id(*, macro_id: int) -> Macro:
    """The macro with this id, or NotFound."""
    macro = Macro.objects.select_related("set_assignee").filter(pk=macro_id).first()
    if macro is None:
        raise NotFound("Macro not found.")
    return macro


def macros_summary() -> str:
    """What the settings' home says of the macros: how many codes, in how many languages."""
    rows = list(Macro.objects.filter(active=True).values_list("code", "language"))
    codes = {code for code, _language in rows}
    languages = {language for _code, language in rows if language}
    return ngettext(
        "%(codes)d code in %(languages)d languages",
        "%(codes)d codes in %(languages)d languages",
        len(codes),
    ) % {"codes": len(codes), "languages": len(languages)}


def macro_matches(*, query: str, language: str, limit: int = PICKER_LENGTH) -> list[Macro]:
    """Active macros whose code or name contains the query, accents and case aside: the
    customer's language first, then those for any language, then the other languages."""
    wanted = fold(query.strip().lstrip("/"))

    def rank(macro: Macro) -> tuple[int, bool, str, str]:
        group = 0 if macro.language == language else 1 if not macro.language else 2
        # A code that starts with what was typed is likelier meant than one that contains it.
        return (group, not fold(macro.code).startswith(wanted), macro.code, macro.language)

    found = [
        macro for macro in macro_list() if wanted in fold(macro.code) or wanted in fold(macro.name)
    ]
    return sorted(found, key=rank)[:limit]
