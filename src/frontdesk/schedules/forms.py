"""The lead's forms for schedule settings, checked by the same rules as the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from frontdesk.schedules.constants import BREAK_LENGTH_MAX, DAY_MINUTES
from frontdesk.schedules.models import BreakRule
from frontdesk.schedules.services.break_rules import BreakRuleFields, break_rule_problems


class BreakRuleForm(forms.Form):
    """A break rule: who gets the break, how long it is, and when in the shift it may start."""

    name = forms.CharField(label=_("Name"), max_length=60)
    length_minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=1, max_value=BREAK_LENGTH_MAX
    )
    earliest_minutes = forms.IntegerField(
        label=_("Earliest start (minutes into the shift)"), min_value=0, max_value=DAY_MINUTES
    )
    latest_minutes = forms.IntegerField(
        label=_("Latest start (minutes into the shift)"), min_value=0, max_value=DAY_MINUTES
    )
    min_shift_minutes = forms.IntegerField(
        label=_("For shifts of at least (minutes)"),
        min_value=0,
        max_value=DAY_MINUTES,
        initial=0,
        help_text=_("0: every shift."),
    )

    def __init__(self, *args: Any, rule: BreakRule | None = None, **kwargs: Any) -> None:
        if rule is not None:
            kwargs.setdefault(
                "initial",
                {
                    name: getattr(rule, name)
                    for name in (
                        "name",
                        "length_minutes",
                        "earliest_minutes",
                        "latest_minutes",
                        "min_shift_minutes",
                    )
                },
            )
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            for name, message in break_rule_problems(self.rule_fields()).items():
                self.add_error(name, message)
        return data

    def rule_fields(self) -> BreakRuleFields:
        """The valid form as the service takes it."""
        data = self.cleaned_data
        return BreakRuleFields(
            name=data["name"],
            length_minutes=data["length_minutes"],
            earliest_minutes=data["earliest_minutes"],
            latest_minutes=data["latest_minutes"],
            min_shift_minutes=data["min_shift_minutes"] or 0,
        )


class PlaybookLanguageForm(forms.Form):
    """Another language for a playbook's moment, started from this one to translate."""

    language = forms.ChoiceField(label=_("New language"))

    def __init__(self, *args: Any, taken: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = [(code, name) for code, name in settings.LANGUAGES if code not in taken]
