"""The forms of the problems pages: one form a page action."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from frontdesk.problems.constants import TITLE_LENGTH


class ProblemTitleForm(forms.Form):
    """A new problem's title (from an alert's terms, or from a ticket's subject)."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_LENGTH)


class ProblemEditForm(forms.Form):
    """A problem's title, summary, and what the status page says in each language."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_LENGTH)
    summary = forms.CharField(
        label=_("Summary for the team"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[f"public_{code}"] = forms.CharField(
                label=_("Public text (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "lang": code, "dir": "auto"}),
            )

    def public_texts(self) -> dict[str, str]:
        """The public texts typed, by language."""
        return {code: self.cleaned_data[f"public_{code}"] for code, _name in settings.LANGUAGES}


class LinkByReferenceForm(forms.Form):
    """A ticket named by its reference, to link to the problem."""

    reference = forms.CharField(label=_("Ticket reference"), max_length=20)


class LinkToProblemForm(forms.Form):
    """An open problem chosen on a ticket's page."""

    problem = forms.IntegerField(label=_("Problem"), min_value=1)
