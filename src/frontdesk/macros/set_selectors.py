"""Reads for answer sets: the sets a lead keeps, the answers the picker offers first on a
ticket of the levels a set is for, and the picker's options in the order it lists them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.db.models import QuerySet

from frontdesk.core.errors import NotFound
from frontdesk.engine.text import fold
from frontdesk.macros.constants import PICKER_LENGTH
from frontdesk.macros.models import Macro, MacroSet
from frontdesk.macros.selectors import _in_language, macro_matches, macro_suggested
from frontdesk.tickets.models import Ticket


@dataclass(frozen=True)
class SetAnswer:
    """One answer the picker offers first: the macro in the ticket's language and its set."""

    macro: Macro
    macro_set: MacroSet


@dataclass(frozen=True)
class PickerOption:
    """One option of the reply box's picker: the macro, the answer set it is offered from, and
    whether it is the one suggested for the ticket."""

    macro: Macro
    set_name: str = ""
    suggested: bool = False


def macro_set_list() -> QuerySet[MacroSet]:
    """Every answer set, active or not, in the lead's order."""
    return MacroSet.objects.order_by("position", "name")


def access_macro_set_by_id(*, set_id: int) -> MacroSet:
    """The answer set with this id, or NotFound."""
    found = MacroSet.objects.filter(pk=set_id).first()
    if found is None:
        raise NotFound("Answer set not found.")
    return found


def macro_set_name_taken(*, name: str, set_id: int | None = None) -> bool:
    """Whether another answer set has this name, case aside."""
    same = MacroSet.objects.filter(name__iexact=name)
    return (same.exclude(pk=set_id) if set_id else same).exists()


def macro_codes_unknown(codes: Iterable[str]) -> list[str]:
    """The codes, of these, that no macro has in any language."""
    wanted = list(codes)
    known = set(Macro.objects.filter(code__in=wanted).values_list("code", flat=True))
    return [code for code in wanted if code not in known]


def set_answers_for_ticket(
    *, ticket: Ticket, language: str, query: str = "", limit: int = PICKER_LENGTH
) -> list[SetAnswer]:
    """The answers of the active sets meant for the ticket's level, set by set in the lead's
    order, each in `language` (else for any language, else English, as `macro_for` chooses);
    `query` keeps those whose code or name contains it, accents and case aside."""
    sets = [s for s in macro_set_list().filter(active=True) if ticket.level in (s.levels or [])]
    codes = {code for macro_set in sets for code in macro_set.codes or []}
    if not codes:
        return []
    versions: dict[str, list[Macro]] = {}
    for macro in Macro.objects.filter(code__in=codes, active=True):
        versions.setdefault(macro.code, []).append(macro)
    wanted = fold(query.strip().lstrip("/"))
    answers: list[SetAnswer] = []
    offered: set[str] = set()
    for macro_set in sets:
        for code in macro_set.codes or []:
            chosen = _in_language(versions.get(code, []), language)
            if chosen is None or code in offered:
                continue
            if wanted and wanted not in fold(chosen.code) and wanted not in fold(chosen.name):
                continue
            offered.add(code)
            answers.append(SetAnswer(macro=chosen, macro_set=macro_set))
    return answers[:limit]


def macro_picker_options(*, ticket: Ticket, language: str, query: str) -> list[PickerOption]:
    """The picker's options: the macro suggested for the ticket first (the answer its question
    was matched to, or its quick-win label's) unless the agent typed something else, then the
    answers of the sets meant for the ticket's level, then the macros matching `query`, the
    customer's `language` first."""
    first = set_answers_for_ticket(ticket=ticket, language=language, query=query)
    offered = {answer.macro.pk for answer in first}
    matches = [m for m in macro_matches(query=query, language=language) if m.pk not in offered]
    options = [PickerOption(answer.macro, answer.macro_set.name) for answer in first] + [
        PickerOption(macro) for macro in matches[: max(PICKER_LENGTH - len(first), 0)]
    ]
    suggested = macro_suggested(ticket=ticket)
    if suggested is None:
        return options
    listed = next((option for option in options if option.macro.pk == suggested.pk), None)
    if listed is None and query.strip().lstrip("/"):
        return options
    lead = replace(listed or PickerOption(suggested), suggested=True)
    return [lead, *(o for o in options if o.macro.pk != suggested.pk)][:PICKER_LENGTH]


def macro_names_by_code(*, language: str) -> dict[str, str]:
    """Each macro code's name in `language`, else the English one, else any (for the sets list)."""
    names: dict[str, str] = {}
    rank: dict[str, int] = {}
    for code, macro_language, name in Macro.objects.values_list("code", "language", "name"):
        order = 0 if macro_language == language else 1 if macro_language == "en" else 2
        if order < rank.get(code, 3):
            names[code], rank[code] = name, order
    return names
