"""The lead's macro form, checked by the same rules as the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import agent_list
from frontdesk.macros.models import Macro
from frontdesk.macros.services import MacroFields, macro_problems
from frontdesk.tickets.choices import Level, Status


def _words(raw: str) -> list[str]:
    return [word.strip() for word in raw.split(",") if word.strip()]


def _languages_or_every() -> list[tuple[str, str]]:
    return [("", str(_("Every language")))] + [
        (code, str(name)) for code, name in settings.LANGUAGES
    ]


def _languages_or_any() -> list[tuple[str, str]]:
    return [("", str(_("Any language")))] + [(code, str(name)) for code, name in settings.LANGUAGES]


class MacroFilterForm(forms.Form):
    """Narrowing the macro list to one language, or to words in a code, name or text."""

    language = forms.ChoiceField(label=_("Language"), required=False, choices=_languages_or_every)
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class MacroForm(forms.Form):
    """A macro: its code, language, name and text, and what it also does to the ticket."""

    code = forms.CharField(
        label=_("Code"), max_length=31, help_text=_("Typed in a reply as /code, e.g. refund.")
    )
    language = forms.ChoiceField(label=_("Language"), required=False, choices=_languages_or_any)
    name = forms.CharField(label=_("Name"), max_length=100, required=False)
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Placeholders: {customer.first_name}, {agent.name}, {ticket.reference}, …"),
    )
    set_status = forms.ChoiceField(
        label=_("Set status"), required=False, choices=[("", "—"), *Status.choices]
    )
    set_level = forms.TypedChoiceField(
        label=_("Set level"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), *Level.choices],
    )
    add_tags = forms.CharField(
        label=_("Add tags"), required=False, max_length=300, help_text=_("Separated by commas.")
    )
    set_assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=User.objects.none(), required=False
    )
    suggest_for = forms.CharField(
        label=_("Suggest for quick wins labelled"),
        required=False,
        max_length=300,
        help_text=_("Triage labels, separated by commas, e.g. opening hours."),
    )
    questions = forms.CharField(
        label=_("Example questions"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Questions customers ask that this answer settles, one per line, in any language. "
            "A new contact that asks the same is a quick win, and this macro is offered."
        ),
    )
    active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args: Any, macro: Macro | None = None, **kwargs: Any) -> None:
        if macro is not None:
            kwargs.setdefault("initial", _initial(macro))
        super().__init__(*args, **kwargs)
        self.macro = macro
        self.fields["set_assignee"].queryset = agent_list()  # type: ignore[attr-defined]

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip().lower().lstrip("/")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "code" in data:
            problems = macro_problems(
                code=data["code"],
                language=data.get("language") or "",
                text=data.get("text") or "",
                macro_id=self.macro.pk if self.macro else None,
            )
            for name, message in problems.items():
                self.add_error(name, message)
        return data

    def macro_fields(self) -> MacroFields:
        """The valid form as the service takes it."""
        data = self.cleaned_data
        return MacroFields(
            code=data["code"],
            language=data["language"] or "",
            name=data["name"],
            text=data["text"],
            set_status=data["set_status"] or "",
            set_level=data["set_level"],
            add_tags=_words(data["add_tags"]),
            set_assignee=data["set_assignee"],
            suggest_for=_words(data["suggest_for"]),
            questions=data["questions"].splitlines(),
            active=data["active"],
        )


def _initial(macro: Macro) -> dict[str, object]:
    return {
        "code": macro.code,
        "language": macro.language,
        "name": macro.name,
        "text": macro.text,
        "set_status": macro.set_status,
        "set_level": macro.set_level,
        "add_tags": ", ".join(macro.add_tags or []),
        "set_assignee": macro.set_assignee_id,
        "suggest_for": ", ".join(macro.suggest_for or []),
        "questions": macro.questions,
        "active": macro.active,
    }
