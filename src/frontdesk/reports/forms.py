"""The reports page's one form: which days to report on."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from frontdesk.core.errors import Invalid
from frontdesk.reports.selectors import Span, report_span


class SpanForm(forms.Form):
    """The first and last day of a report, both included (empty: the last week)."""

    first = forms.DateField(
        label=_("First day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    last = forms.DateField(
        label=_("Last day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors:
            try:
                cleaned["span"] = report_span(
                    first=cleaned.get("first"), last=cleaned.get("last"), today=self.today
                )
            except Invalid as error:
                self.add_error("last", str(error))
        return cleaned

    @property
    def span(self) -> Span:
        span: Span = self.cleaned_data["span"]
        return span
