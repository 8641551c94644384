"""The forms of the problems pages: one form a page action."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from frontdesk.problems.constants import TITLE_LENGTH
from frontdesk.tickets.choices import Status


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


class ProblemReplyForm(forms.Form):
    """One reply to every open ticket of a problem: a text per language, and the status the
    tickets move to."""

    status = forms.ChoiceField(
        label=_("Then set status to"),
        choices=[
            (Status.WAITING, _("Waiting on customer")),
            (Status.OPEN, _("Open")),
            (Status.SOLVED, _("Solved")),
        ],
        initial=Status.WAITING,
    )
    tone_accepted = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, audience: Mapping[str, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            count = audience.get(code, 0)
            self.fields[f"text_{code}"] = forms.CharField(
                label=ngettext(
                    "%(language)s (%(count)d customer)",
                    "%(language)s (%(count)d customers)",
                    count,
                )
                % {"language": name, "count": count},
                required=False,
                widget=forms.Textarea(attrs={"rows": 5, "lang": code, "dir": "auto"}),
            )
        self.order_fields([f"text_{code}" for code, _name in settings.LANGUAGES])

    def texts(self) -> dict[str, str]:
        """The reply typed in each language."""
        return {code: self.cleaned_data[f"text_{code}"] for code, _name in settings.LANGUAGES}


class ProblemSolveForm(forms.Form):
    """The open tickets to solve with the problem; all chosen at first."""

    tickets = forms.TypedMultipleChoiceField(
        label=_("Solve these tickets too"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tickets"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = choices
        field.initial = [pk for pk, _label in choices]
