"""Reads for custom fields: the desk's definitions, the filters they make, how values read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.http import HttpRequest
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid, NotFound
from frontdesk.customers.choices import FieldKind, FieldTarget
from frontdesk.customers.models import FieldDefinition
from frontdesk.engine import custom_fields as engine
from frontdesk.engine.custom_fields import FieldRule, FieldValueError, value_clean
from frontdesk.engine.text import fold

FILTER_PREFIX = "cf_"
MIN_SUFFIX = "__min"
MAX_SUFFIX = "__max"
RANGED_KINDS = frozenset({FieldKind.NUMBER, FieldKind.DATE})


def field_definitions(*, target: str, active_only: bool = True) -> list[FieldDefinition]:
    """The desk's custom fields for tickets or customers, in the lead's order."""
    definitions = FieldDefinition.objects.filter(target=target)
    if active_only:
        definitions = definitions.filter(active=True)
    return list(definitions.order_by("position", "id"))


def field_definition_list() -> list[FieldDefinition]:
    """Every custom field, active or not, tickets' first, each in the lead's order."""
    return list(FieldDefinition.objects.order_by("-target", "position", "id"))


def field_definitions_summary() -> str:
    """What the settings' home says of custom fields: how many each target has."""
    tickets = FieldDefinition.objects.filter(target=FieldTarget.TICKET, active=True).count()
    customers = FieldDefinition.objects.filter(target=FieldTarget.CUSTOMER, active=True).count()
    return _("%(tickets)d for tickets, %(customers)d for customers") % {
        "tickets": tickets,
        "customers": customers,
    }


def access_field_definition_by_id(*, actor: User, definition_id: int) -> FieldDefinition:
    """The custom field with this id, for an active agent; NotFound otherwise."""
    definition = (
        FieldDefinition.objects.filter(pk=definition_id).first() if actor.is_active else None
    )
    if definition is None:
        raise NotFound("Custom field not found.")
    return definition


def field_rule(definition: FieldDefinition) -> FieldRule:
    """What the field accepts, as the engine reads it."""
    return FieldRule(definition.kind, tuple(definition.choices or ()), definition.required)


class FilterInvalid(Invalid):
    """A custom-field filter whose value does not fit its field; `name` is the parameter."""

    def __init__(self, message: str, *, name: str) -> None:
        super().__init__(message)
        self.name = name


def _bound(definition: FieldDefinition, name: str, raw: str) -> str | int | float:
    try:
        value = value_clean(FieldRule(definition.kind, tuple(definition.choices or ())), raw)
    except FieldValueError as error:
        raise FilterInvalid(
            _("%(label)s: %(problem)s")
            % {"label": definition.label_in(get_language() or ""), "problem": problem(error.code)},
            name=name,
        ) from error
    assert value is not None  # empty filters were skipped
    return value


def custom_params(request: HttpRequest) -> dict[str, str]:
    """The `cf_` parameters of a request's query string."""
    return {
        name: request.GET.get(name, "") for name in request.GET if name.startswith(FILTER_PREFIX)
    }


def custom_filter(*, target: str, params: Mapping[str, str], strict: bool = False) -> Q:
    """The narrowing `cf_<key>` parameters ask for on the `custom` column of tickets or
    customers: text contains (case and accents folded), a choice is exact, a number or date is
    exact or bounded by `cf_<key>__min` / `__max`. Empty parameters narrow nothing. With
    `strict` (the API), a parameter naming no active field or a value that does not fit raises
    FilterInvalid naming it; without (pages, whose form shows the error), it is left out."""
    definitions = {d.key: d for d in field_definitions(target=target)}
    narrowing = Q()
    for name, raw in params.items():
        if not name.startswith(FILTER_PREFIX) or not str(raw).strip():
            continue
        key, bound = name[len(FILTER_PREFIX) :], ""
        for suffix in (MIN_SUFFIX, MAX_SUFFIX):
            if key.endswith(suffix):
                key, bound = key[: -len(suffix)], suffix
        definition = definitions.get(key)
        if definition is None or (bound and definition.kind not in RANGED_KINDS):
            if strict:
                raise FilterInvalid(
                    _("No custom field is filtered by %(name)s.") % {"name": name}, name=name
                )
            continue
        if definition.kind == FieldKind.TEXT and not bound:
            narrowing &= Q(**{f"custom_folded__{key}__icontains": fold(str(raw))})
            continue
        try:
            value = _bound(definition, name, str(raw))
        except FilterInvalid:
            if strict:
                raise
            continue  # the page's filter form says what is wrong with it
        lookup = {"": "", MIN_SUFFIX: "__gte", MAX_SUFFIX: "__lte"}[bound]
        narrowing &= Q(**{f"custom__{key}{lookup}": value})
    return narrowing


def problem(code: str) -> str:
    """Why a value does not fit its field, in the reader's language."""
    return {
        engine.NOT_TEXT: _("enter text."),
        engine.TOO_LONG: _("at most %(count)d characters.") % {"count": engine.TEXT_LENGTH},
        engine.NOT_NUMBER: _("enter a number."),
        engine.TOO_LARGE: _("the number is too large."),
        engine.NOT_DATE: _("enter a date as YYYY-MM-DD."),
        engine.NOT_CHOICE: _("pick one of the choices."),
        engine.REQUIRED: _("this field is required."),
    }.get(code, code)


@dataclass(frozen=True)
class CustomPair:
    """One set custom value as a page shows it: `label: value`."""

    key: str
    label: str
    value: str


def value_text(definition: FieldDefinition, value: object) -> str:
    """A kept value as people read it: a date and a number in the page's format."""
    if definition.kind == FieldKind.DATE and isinstance(value, str):
        try:
            return formats.date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except ValueError:
            return value
    if definition.kind == FieldKind.NUMBER and isinstance(value, int | float):
        return str(formats.number_format(value, use_l10n=True))
    return str(value)


def custom_pairs(
    *, values: Mapping[str, object] | None, definitions: Sequence[FieldDefinition]
) -> list[CustomPair]:
    """The set values of active fields, in the lead's order, labelled in the page's language."""
    if not values:
        return []
    language = get_language() or ""
    return [
        CustomPair(d.key, d.label_in(language), value_text(d, values[d.key]))
        for d in definitions
        if d.active and values.get(d.key) not in (None, "")
    ]
