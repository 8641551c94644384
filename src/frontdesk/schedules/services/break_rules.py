"""Writes for the break rules the planner places breaks by (leads and admins)."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import fields as dataclass_fields

from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.schedules.constants import BREAK_LENGTH_MAX, DAY_MINUTES
from frontdesk.schedules.models import BreakRule


def _lead_only(actor: User) -> None:
    if not actor.is_lead:
        raise Forbidden(_("Only a lead or an admin may change the desk's schedule settings."))


def _problems_raise(problems: dict[str, str]) -> None:
    if problems:
        field, message = next(iter(problems.items()))
        raise Invalid(f"{field}: {message}")


@dataclass(frozen=True)
class BreakRuleFields:
    """A break rule as a lead writes it: every shift of at least `min_shift_minutes` (0: every
    shift) gets a break `length_minutes` long, starting between `earliest_minutes` and
    `latest_minutes` after the shift starts."""

    name: str
    length_minutes: int
    earliest_minutes: int
    latest_minutes: int
    min_shift_minutes: int = 0

    def values(self) -> dict[str, object]:
        """The fields by name, the name trimmed."""
        values = {item.name: getattr(self, item.name) for item in dataclass_fields(self)}
        return values | {"name": self.name.strip()}


def break_rule_problems(fields: BreakRuleFields) -> dict[str, str]:
    """What is wrong with a break rule, by field: no name, no length, a window that closes before
    it opens, or a break that would not end inside the shortest shift it is for."""
    problems: dict[str, str] = {}
    if not fields.name.strip():
        problems["name"] = _("Give the break a name, e.g. lunch.")
    if not 1 <= fields.length_minutes <= BREAK_LENGTH_MAX:
        problems["length_minutes"] = _("A break is 1 to %(most)d minutes long.") % {
            "most": BREAK_LENGTH_MAX
        }
    for name in ("earliest_minutes", "latest_minutes", "min_shift_minutes"):
        if not 0 <= getattr(fields, name) <= DAY_MINUTES:
            problems[name] = _("Between 0 and %(most)d minutes.") % {"most": DAY_MINUTES}
    if "latest_minutes" not in problems and fields.latest_minutes < fields.earliest_minutes:
        problems["latest_minutes"] = _("The latest start cannot be before the earliest.")
    ends = fields.latest_minutes + fields.length_minutes
    if not problems and fields.min_shift_minutes and ends > fields.min_shift_minutes:
        problems["latest_minutes"] = _(
            "A break starting this late ends %(ends)d minutes into the shift, after the "
            "shortest shift it is for (%(shift)d minutes)."
        ) % {"ends": ends, "shift": fields.min_shift_minutes}
    return problems


def break_rule_create(*, actor: User, fields: BreakRuleFields) -> BreakRule:
    """Add a break rule (leads and admins); the next planning places breaks by it."""
    _lead_only(actor)
    _problems_raise(break_rule_problems(fields))
    return BreakRule.objects.create(**fields.values())


def break_rule_update(*, actor: User, rule: BreakRule, fields: BreakRuleFields) -> BreakRule:
    """Change a break rule (leads and admins); breaks placed already stay where they are."""
    _lead_only(actor)
    _problems_raise(break_rule_problems(fields))
    values = fields.values()
    for name, value in values.items():
        setattr(rule, name, value)
    rule.save(update_fields=list(values))
    return rule


def break_rule_delete(*, actor: User, rule: BreakRule) -> None:
    """Remove a break rule (leads and admins); breaks placed already stay."""
    _lead_only(actor)
    rule.delete()
