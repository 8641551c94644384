"""Reads for the break rules the planner places breaks by."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import ngettext

from frontdesk.core.errors import NotFound
from frontdesk.schedules.models import BreakRule


def break_rules_all() -> QuerySet[BreakRule]:
    """Every break rule, by when in the shift it may start."""
    return BreakRule.objects.order_by("earliest_minutes", "id")


def break_rules_for_shift(*, shift_minutes: int) -> list[BreakRule]:
    """The rules a shift this long gets a break by."""
    return [rule for rule in break_rules_all() if rule.min_shift_minutes <= shift_minutes]


def access_break_rule_by_id(*, rule_id: int) -> BreakRule:
    """The break rule with this id, or NotFound."""
    rule = BreakRule.objects.filter(pk=rule_id).first()
    if rule is None:
        raise NotFound("Break rule not found.")
    return rule


def break_rules_summary() -> str:
    """What the settings' home says of the break rules: how many there are."""
    count = BreakRule.objects.count()
    return ngettext("%(count)d break rule", "%(count)d break rules", count) % {"count": count}
