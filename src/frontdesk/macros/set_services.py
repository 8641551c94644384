"""Writes for answer sets: a lead adds, changes, reorders and removes them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields

from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.macros.models import MacroSet
from frontdesk.macros.services import CODE, _problems_raise, lead_check
from frontdesk.macros.set_selectors import macro_codes_unknown, macro_set_name_taken
from frontdesk.tickets.choices import Level


@dataclass(frozen=True)
class MacroSetFields:
    """An answer set as a lead writes it, on a page or through the API."""

    name: str
    description: str = ""
    levels: list[int] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    position: int = 0
    active: bool = True

    def cleaned(self) -> MacroSetFields:
        """The same with codes as typed in a reply ("/Guide" → "guide") and levels in order."""
        return replace(
            self,
            name=self.name.strip(),
            description=self.description.strip(),
            levels=sorted(set(self.levels)),
            codes=[code.strip().lower().lstrip("/") for code in self.codes if code.strip()],
        )

    def values(self) -> dict[str, object]:
        """The fields by name, as the model holds them."""
        return {item.name: getattr(self, item.name) for item in dataclass_fields(self)}


def macro_set_problems(*, fields: MacroSetFields, set_id: int | None = None) -> dict[str, str]:
    """What is wrong with an answer set as a lead wrote it, by field: no name or one already
    used, a level the desk does not have, a code written wrong, twice, or that no macro has."""
    problems: dict[str, str] = {}
    if not fields.name:
        problems["name"] = _("Give the answer set a name.")
    elif macro_set_name_taken(name=fields.name, set_id=set_id):
        problems["name"] = _("There is an answer set called “%(name)s” already.") % {
            "name": fields.name
        }
    if any(level not in Level.values for level in fields.levels):
        problems["levels"] = _("Levels are 1 to 4.")
    malformed = [code for code in fields.codes if not CODE.fullmatch(code)]
    twice = [code for code in fields.codes if fields.codes.count(code) > 1]
    if malformed:
        problems["codes"] = _(
            "“%(code)s” is not a macro code: one word of letters, digits, - and _."
        ) % {"code": malformed[0]}
    elif twice:
        problems["codes"] = _("/%(code)s is listed twice.") % {"code": twice[0]}
    elif unknown := macro_codes_unknown(fields.codes):
        problems["codes"] = _("There is no macro /%(code)s; add it first, or leave it out.") % {
            "code": unknown[0]
        }
    return problems


def macro_set_create(*, actor: User, fields: MacroSetFields) -> MacroSet:
    """Add an answer set (leads and admins)."""
    lead_check(actor)
    fields = fields.cleaned()
    _problems_raise(macro_set_problems(fields=fields))
    return MacroSet.objects.create(**fields.values())


def macro_set_update(*, actor: User, macro_set: MacroSet, fields: MacroSetFields) -> MacroSet:
    """Change an answer set (leads and admins): its name, levels, answers and their order."""
    lead_check(actor)
    fields = fields.cleaned()
    _problems_raise(macro_set_problems(fields=fields, set_id=macro_set.pk))
    values = fields.values()
    for name, value in values.items():
        setattr(macro_set, name, value)
    macro_set.save(update_fields=list(values))
    return macro_set


def macro_set_delete(*, actor: User, macro_set: MacroSet) -> None:
    """Remove an answer set (leads and admins); its macros stay."""
    lead_check(actor)
    macro_set.delete()
