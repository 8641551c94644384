"""What the audit trail's page is narrowed to."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from frontdesk.audit.models import AuditEvent


class AuditFilterForm(forms.Form):
    """One agent, one action, a span of days."""

    first = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    last = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, actions: list[str], actors: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {
            "actor": forms.ChoiceField(
                label=_("Who"),
                required=False,
                choices=[("", _("Anyone")), *((a, a) for a in actors)],
            ),
            "action": forms.ChoiceField(
                label=_("Action"),
                required=False,
                choices=[("", _("Any action")), *((a, a) for a in actions)],
            ),
            **self.fields,
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, last = cleaned.get("first"), cleaned.get("last")
        if first and last and last < first:
            self.add_error("last", _("The last day comes before the first."))
        return cleaned


def actor_names() -> list[str]:
    """The user names that appear in the trail, for narrowing it to one."""
    names = AuditEvent.objects.exclude(actor_label="").values_list("actor_label", flat=True)
    return sorted(set(names), key=str.casefold)
