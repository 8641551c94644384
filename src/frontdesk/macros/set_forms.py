"""The lead's answer-set form, checked by the same rules as the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from frontdesk.macros.models import MacroSet
from frontdesk.macros.set_services import MacroSetFields, macro_set_problems
from frontdesk.tickets.choices import Level


def _codes(raw: str) -> list[str]:
    """Codes one a line (commas too), as a lead lists them."""
    return [code.strip() for line in raw.splitlines() for code in line.split(",") if code.strip()]


class MacroSetForm(forms.Form):
    """An answer set: its name, the levels it is offered first on, and its answers in order."""

    name = forms.CharField(label=_("Name"), max_length=100)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    levels = forms.TypedMultipleChoiceField(
        label=_("Offered first on tickets of level"),
        choices=Level.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    codes = forms.CharField(
        label=_("Answers, in order"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "ltr", "spellcheck": "false"}),
        help_text=_(
            "Macro codes, one a line, in the order the picker lists them; each is shown in "
            "the customer's language."
        ),
    )
    position = forms.IntegerField(
        label=_("Position"),
        min_value=0,
        max_value=999,
        initial=0,
        help_text=_("Sets with a lower number come first."),
    )
    active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args: Any, macro_set: MacroSet | None = None, **kwargs: Any) -> None:
        if macro_set is not None:
            kwargs.setdefault("initial", _initial(macro_set))
        super().__init__(*args, **kwargs)
        self.macro_set = macro_set

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "name" in data and "codes" in data and "levels" in data:
            problems = macro_set_problems(
                fields=self._fields(data).cleaned(),
                set_id=self.macro_set.pk if self.macro_set else None,
            )
            for name, message in problems.items():
                self.add_error(name, message)
        return data

    def macro_set_fields(self) -> MacroSetFields:
        """The valid form as the service takes it."""
        return self._fields(self.cleaned_data)

    @staticmethod
    def _fields(data: dict[str, Any]) -> MacroSetFields:
        return MacroSetFields(
            name=data["name"],
            description=data.get("description") or "",
            levels=list(data["levels"]),
            codes=_codes(data["codes"]),
            position=data.get("position") or 0,
            active=bool(data.get("active")),
        )


def _initial(macro_set: MacroSet) -> dict[str, object]:
    return {
        "name": macro_set.name,
        "description": macro_set.description,
        "levels": list(macro_set.levels or []),
        "codes": "\n".join(macro_set.codes or []),
        "position": macro_set.position,
        "active": macro_set.active,
    }
