"""Writes for custom fields: a lead's definitions, and the values tickets and customers hold.

Customers own the definitions because tickets sit above them. Each row's values live in its own
`custom` column; the app owning the rows registers a `ValueStore` for its target, through which a
definition's change converts or drops the values already kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import transaction
from django.db.models import Model
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from frontdesk.accounts.choices import Language
from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.customers.choices import FieldKind, FieldTarget
from frontdesk.customers.field_selectors import field_definitions, field_rule, problem
from frontdesk.customers.models import Customer, FieldDefinition
from frontdesk.engine.custom_fields import FieldRule, FieldValueError, value_clean, value_convert
from frontdesk.engine.text import fold

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
LABEL_LENGTH = 100
CHOICE_LENGTH = 100
CHOICE_COUNT = 100

CustomValues = dict[str, object]
DEFINITION_FIELDS = ("label", "labels", "kind", "choices", "required", "position", "active")


class FieldInvalid(Invalid):
    """Input that does not fit; `field` names the form field (or custom key) it is about."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field


class ConfirmNeeded(FieldInvalid):
    """A definition's change would convert or drop values rows hold; ask before doing it."""

    def __init__(self, message: str, *, impact: ValuesImpact) -> None:
        super().__init__(message, field="kind")
        self.impact = impact


class ValueStore(Protocol):
    """The rows of one target that hold custom values, as the app owning them offers them."""

    def values(self, *, key: str) -> list[tuple[int, object]]:
        """(row id, value) for every row holding a value under `key`."""
        ...

    def rewrite(self, *, key: str, values: Mapping[int, object]) -> None:
        """Keep these values under `key` (None: drop the value) on these rows."""
        ...


_STORES: dict[str, ValueStore] = {}


def value_store_register(*, target: str, store: ValueStore) -> None:
    """Let definitions for `target` reach the values its rows hold."""
    _STORES[target] = store


def _folded(definitions: Mapping[str, FieldDefinition], custom: Mapping[str, object]) -> dict:
    return {
        key: fold(value)
        for key, value in custom.items()
        if isinstance(value, str) and key in definitions and definitions[key].kind == FieldKind.TEXT
    }


class ColumnStore:
    """The `custom` and `custom_folded` columns of a model's rows (tickets', customers')."""

    def __init__(self, model: type[Model], target: str) -> None:
        self.model = model
        self.target = target

    def values(self, *, key: str) -> list[tuple[int, object]]:
        rows = self.model._default_manager.filter(custom__has_key=key)
        return [(pk, custom.get(key)) for pk, custom in rows.values_list("pk", "custom")]

    def rewrite(self, *, key: str, values: Mapping[int, object]) -> None:
        definitions = {d.key: d for d in field_definitions(target=self.target, active_only=False)}
        rows: Iterable[Any] = self.model._default_manager.select_for_update().filter(
            pk__in=list(values)
        )
        with transaction.atomic():
            for row in rows:
                value = values[row.pk]
                if value is None:
                    row.custom.pop(key, None)
                else:
                    row.custom[key] = value
                row.custom_folded = _folded(definitions, row.custom)
                row.save(update_fields=["custom", "custom_folded"])


value_store_register(target=FieldTarget.CUSTOMER, store=ColumnStore(Customer, FieldTarget.CUSTOMER))


def custom_values_merge(
    *, target: str, current: Mapping[str, object] | None, changes: Mapping[str, object]
) -> tuple[CustomValues, CustomValues]:
    """The row's custom values with `changes` applied (None or blank clears one), checked
    against the active definitions, and their folded text; FieldInvalid names the first key
    that is unknown or whose value does not fit."""
    definitions = {d.key: d for d in field_definitions(target=target, active_only=False)}
    merged: CustomValues = dict(current or {})
    language = get_language() or ""
    for key, raw in changes.items():
        definition = definitions.get(key)
        if definition is None or not definition.active:
            raise FieldInvalid(
                _("There is no custom field “%(key)s”.") % {"key": str(key)[:50]}, field=key
            )
        try:
            value = value_clean(field_rule(definition), raw)
        except FieldValueError as error:
            raise FieldInvalid(
                _("%(label)s: %(problem)s")
                % {"label": definition.label_in(language), "problem": problem(error.code)},
                field=key,
            ) from error
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged, _folded(definitions, merged)


def customer_custom_set(*, customer: Customer, values: Mapping[str, object]) -> Customer:
    """Set some of the customer's custom values (None clears one); FieldInvalid for a bad one."""
    custom, folded = custom_values_merge(
        target=FieldTarget.CUSTOMER, current=customer.custom, changes=values
    )
    if custom != customer.custom:
        customer.custom, customer.custom_folded = custom, folded
        customer.save(update_fields=["custom", "custom_folded", "updated_at"])
    return customer


@dataclass(frozen=True)
class ValuesImpact:
    """What a definition's change does to the values rows hold under it."""

    converted: int = 0
    dropped: int = 0

    def __bool__(self) -> bool:
        return bool(self.converted or self.dropped)


def _new_values(
    definition: FieldDefinition, rule: FieldRule
) -> tuple[dict[int, object], ValuesImpact]:
    store = _STORES.get(definition.target)
    if store is None or definition.pk is None:
        return {}, ValuesImpact()
    changed: dict[int, object] = {}
    dropped = 0
    for row_id, value in store.values(key=definition.key):
        new = value_convert(rule, value)
        if new is None:
            dropped += 1
        if new != value:
            changed[row_id] = new
    return changed, ValuesImpact(converted=len(changed) - dropped, dropped=dropped)


def _require_lead(actor: User) -> None:
    if not actor.is_lead:
        raise Forbidden(_("Only a lead or an admin may change custom fields."))


def _choices_clean(kind: str, choices: Sequence[object]) -> list[str]:
    if kind != FieldKind.CHOICE:
        return []
    clean: list[str] = []
    for choice in choices:
        if not isinstance(choice, str):
            raise FieldInvalid(_("A choice is text."), field="choices")
        word = " ".join(choice.split())
        if len(word) > CHOICE_LENGTH:
            raise FieldInvalid(
                _("A choice has at most %(count)d characters.") % {"count": CHOICE_LENGTH},
                field="choices",
            )
        if word and word not in clean:
            clean.append(word)
    if not clean:
        raise FieldInvalid(_("A choice field needs at least one choice."), field="choices")
    if len(clean) > CHOICE_COUNT:
        raise FieldInvalid(
            _("A field has at most %(count)d choices.") % {"count": CHOICE_COUNT},
            field="choices",
        )
    return clean


def _labels_clean(labels: Mapping[str, object]) -> dict[str, str]:
    clean: dict[str, str] = {}
    for language, label in labels.items():
        if language not in Language.values:
            raise FieldInvalid(
                _("No desk language is called “%(code)s”.") % {"code": str(language)[:10]},
                field="labels",
            )
        text = " ".join(str(label or "").split())
        if len(text) > LABEL_LENGTH:
            raise FieldInvalid(
                _("A label has at most %(count)d characters.") % {"count": LABEL_LENGTH},
                field=f"label_{language}",
            )
        if text:
            clean[language] = text
    return clean


def field_definition_save(
    *,
    actor: User,
    definition: FieldDefinition | None = None,
    target: str = FieldTarget.TICKET,
    key: str = "",
    label: str,
    kind: str,
    choices: Sequence[object] = (),
    labels: Mapping[str, object] | None = None,
    required: bool = False,
    position: int = 0,
    active: bool = True,
    confirm: bool = False,
) -> FieldDefinition:
    """Define a custom field (`definition` None) or change one; its target and key stay as they
    were made. A change of kind or choices that would convert or drop values rows hold raises
    ConfirmNeeded unless `confirm`; then they are converted or dropped. Forbidden for an agent."""
    _require_lead(actor)
    if definition is None:
        if target not in FieldTarget.values:
            raise FieldInvalid(_("Pick tickets or customers."), field="target")
        if not KEY_PATTERN.match(key) or "__" in key:
            raise FieldInvalid(
                _(
                    "A key starts with a small letter and holds small letters, digits, - and _"
                    " (never two _ together), at most 40."
                ),
                field="key",
            )
        if FieldDefinition.objects.filter(target=target, key=key).exists():
            raise FieldInvalid(
                _("Another field already has the key “%(key)s”.") % {"key": key},
                field="key",
            )
        definition = FieldDefinition(target=target, key=key)
    elif key and key != definition.key:
        raise FieldInvalid(_("A field's key cannot change."), field="key")
    label = " ".join(label.split())
    if not label:
        raise FieldInvalid(_("A field needs a label."), field="label")
    if len(label) > LABEL_LENGTH:
        raise FieldInvalid(
            _("A label has at most %(count)d characters.") % {"count": LABEL_LENGTH},
            field="label",
        )
    if kind not in FieldKind.values:
        raise FieldInvalid(_("Pick text, number, choice or date."), field="kind")
    clean_choices = _choices_clean(kind, choices)
    changed, impact = _new_values(definition, FieldRule(kind, tuple(clean_choices)))
    if impact and not confirm:
        raise ConfirmNeeded(
            _(
                "This change converts %(converted)d kept values and drops %(dropped)d that do"
                " not fit; confirm to go ahead."
            )
            % {"converted": impact.converted, "dropped": impact.dropped},
            impact=impact,
        )
    definition.label = label
    definition.labels = _labels_clean(labels or {})
    definition.kind = kind
    definition.choices = clean_choices
    definition.required = required
    definition.position = position
    definition.active = active
    with transaction.atomic():
        if definition.pk is None:
            definition.save()
        else:
            definition.save(update_fields=[*DEFINITION_FIELDS, "updated_at"])
        if changed:
            _STORES[definition.target].rewrite(key=definition.key, values=changed)
    return definition


def field_definition_delete(*, actor: User, definition: FieldDefinition) -> int:
    """Remove a custom field and the values rows hold under it; how many values went."""
    _require_lead(actor)
    store = _STORES.get(definition.target)
    held = store.values(key=definition.key) if store else []
    with transaction.atomic():
        if store and held:
            store.rewrite(key=definition.key, values={row_id: None for row_id, _v in held})
        definition.delete()
    return len(held)
