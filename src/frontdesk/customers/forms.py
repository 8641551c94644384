from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from frontdesk.accounts.choices import Language
from frontdesk.customers.choices import FieldKind, FieldTarget, IdentityKind
from frontdesk.customers.field_selectors import (
    FILTER_PREFIX,
    MAX_SUFFIX,
    MIN_SUFFIX,
    RANGED_KINDS,
    field_definitions,
)
from frontdesk.customers.field_services import LABEL_LENGTH
from frontdesk.customers.models import FieldDefinition
from frontdesk.engine.custom_fields import TEXT_LENGTH


class CustomerForm(forms.Form):
    """What an agent can change about a customer."""

    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=[("", "—"), *Language.choices], required=False
    )
    is_key = forms.BooleanField(label=_("Key customer"), required=False)
    tags = forms.CharField(label=_("Tags"), required=False, help_text=_("Separated by commas."))
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def clean_tags(self) -> list[str]:
        return [t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()]


class IdentityForm(forms.Form):
    """Add an e-mail address or phone number to a customer."""

    kind = forms.ChoiceField(label=_("Kind"), choices=IdentityKind.choices)
    value = forms.CharField(label=_("Address or number"), max_length=254)


class MergeForm(forms.Form):
    """Pick the duplicate record to fold into this customer."""

    source = forms.IntegerField(label=_("Customer number to merge into this one"), min_value=1)


class FieldDefinitionForm(forms.Form):
    """A lead's custom field: what it is for, its key and label, its kind and choices."""

    target = forms.ChoiceField(label=_("For"), choices=FieldTarget.choices)
    key = forms.CharField(
        label=_("Key"),
        max_length=40,
        help_text=_("Used in links and the API, e.g. contract_no; it cannot change later."),
    )
    label = forms.CharField(label=_("Label"), max_length=LABEL_LENGTH)
    kind = forms.ChoiceField(label=_("Kind"), choices=FieldKind.choices)
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line, for a choice field."),
    )
    required = forms.BooleanField(label=_("Required"), required=False)
    position = forms.IntegerField(
        label=_("Position"), min_value=0, max_value=999, initial=0, help_text=_("Lower first.")
    )
    active = forms.BooleanField(
        label=_("Active"),
        required=False,
        initial=True,
        help_text=_("An inactive field is hidden everywhere; the values it holds are kept."),
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        # The log bar and other forms of a desk page have fields too; ids must stay unique.
        kwargs.setdefault("auto_id", "field_%s")
        super().__init__(*args, **kwargs)
        for code, name in Language.choices:
            if code != Language.EN:
                self.fields[f"label_{code}"] = forms.CharField(
                    label=_("Label in %(language)s") % {"language": name},
                    max_length=LABEL_LENGTH,
                    required=False,
                )
        if editing:
            # A field's target and key are what its values are kept under.
            self.fields["target"].disabled = True
            self.fields["key"].disabled = True
            self.fields["key"].help_text = ""

    def label_fields(self) -> list[forms.BoundField]:
        """The fields for the label in each other language."""
        return [self[name] for name in self.fields if name.startswith("label_")]

    def main_fields(self) -> list[forms.BoundField]:
        """Every shown field but the translated labels."""
        return [
            self[name]
            for name in ("target", "key", "label", "kind", "choices", "required", "position")
        ] + [self["active"]]

    def clean_choices(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]

    def definition(self) -> dict[str, object]:
        """What the form says, as the definition service takes it."""
        data = self.cleaned_data
        return {
            "target": data["target"],
            "key": data["key"].strip(),
            "label": data["label"],
            "labels": {
                name[len("label_") :]: data[name] for name in data if name.startswith("label_")
            },
            "kind": data["kind"],
            "choices": data["choices"],
            "required": data["required"],
            "position": data["position"],
            "active": data["active"],
            "confirm": data["confirm"],
        }

    @classmethod
    def initial_of(cls, definition: FieldDefinition) -> dict[str, object]:
        """The form's values for a definition that exists."""
        return {
            "target": definition.target,
            "key": definition.key,
            "label": definition.label,
            "kind": definition.kind,
            "choices": "\n".join(definition.choices or []),
            "required": definition.required,
            "position": definition.position,
            "active": definition.active,
            **{f"label_{code}": text for code, text in (definition.labels or {}).items()},
        }


class FieldDeleteForm(forms.Form):
    """A lead's yes to removing a custom field with the values it holds."""

    sure = forms.BooleanField(label=_("Yes, remove this field and its values"), required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "delete_%s")
        super().__init__(*args, **kwargs)


def _value_field(definition: FieldDefinition, label: str, *, filtering: bool) -> forms.Field:
    """A form field for one custom field's value (or, `filtering`, for narrowing a list by it)."""
    if definition.kind == FieldKind.CHOICE:
        empty = _("Any") if filtering else "—"
        return forms.ChoiceField(
            label=label,
            choices=[("", empty), *((c, c) for c in definition.choices or [])],
            required=False,
        )
    widget: forms.Widget = forms.TextInput()
    if definition.kind == FieldKind.NUMBER:
        widget = forms.TextInput(attrs={"inputmode": "decimal"})
    elif definition.kind == FieldKind.DATE:
        widget = forms.DateInput(attrs={"type": "date"})
    return forms.CharField(label=label, required=False, max_length=TEXT_LENGTH, widget=widget)


class CustomValuesForm(forms.Form):
    """The custom fields of one ticket or customer, as an agent fills them; the service checks
    each value (number, date, one of the choices) and its message goes next to the field."""

    def __init__(
        self, *args: Any, definitions: Sequence[FieldDefinition] = (), **kwargs: Any
    ) -> None:
        kwargs.setdefault("auto_id", "details_%s")
        super().__init__(*args, **kwargs)
        language = get_language() or ""
        for definition in definitions:
            self.fields[FILTER_PREFIX + definition.key] = _value_field(
                definition, definition.label_in(language), filtering=False
            )

    @staticmethod
    def initial_of(values: Mapping[str, object] | None) -> dict[str, object]:
        """The form's values for what a row holds."""
        return {FILTER_PREFIX + key: value for key, value in (values or {}).items()}

    def values(self) -> dict[str, object]:
        """What the agent entered, by key; an empty field clears the value."""
        return {
            name[len(FILTER_PREFIX) :]: value or None for name, value in self.cleaned_data.items()
        }


class CustomFilterForm(forms.Form):
    """The `cf_` filters of a list (tickets' or customers'): one per text or choice field, a
    from and a to per number or date field; shown under "More filters"."""

    def __init__(
        self, *args: Any, definitions: Sequence[FieldDefinition] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        language = get_language() or ""
        for definition in definitions:
            label = definition.label_in(language)
            name = FILTER_PREFIX + definition.key
            if definition.kind in RANGED_KINDS:
                self.fields[name + MIN_SUFFIX] = _value_field(
                    definition, _("%(label)s from") % {"label": label}, filtering=True
                )
                self.fields[name + MAX_SUFFIX] = _value_field(
                    definition, _("%(label)s to") % {"label": label}, filtering=True
                )
            else:
                self.fields[name] = _value_field(definition, label, filtering=True)

    def active(self) -> bool:
        """Whether any of these filters is set (the "More filters" box then starts open)."""
        return any(str(self.data.get(name, "")).strip() for name in self.fields)


def custom_card_context(
    *, target: str, values: dict[str, object], action: str, card_id: str, title: str, form: object
) -> dict[str, object]:
    """A custom-fields card (`customers/_custom_values.html`) for a ticket or a customer: the
    set values and the form that edits them, `form` when one was posted."""
    definitions = field_definitions(target=target)
    return {
        "custom_definitions": definitions,
        "custom_values": values,
        "custom_form": form
        or CustomValuesForm(initial=CustomValuesForm.initial_of(values), definitions=definitions),
        "custom_action": action,
        "custom_id": card_id,
        "custom_title": title,
    }
