"""Custom fields on pages: a row's set values as `label: value` pairs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django import template

from frontdesk.customers.field_selectors import CustomPair, custom_pairs
from frontdesk.customers.models import FieldDefinition

register = template.Library()


@register.filter
def custom_values(
    values: Mapping[str, object] | None, definitions: Sequence[FieldDefinition] | None
) -> list[CustomPair]:
    """`{{ ticket.custom|custom_values:custom_definitions }}`: the set values of active fields."""
    return custom_pairs(values=values, definitions=definitions or ())
