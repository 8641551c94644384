"""The lead's log code form, checked by the same rules as the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from frontdesk.journal.models import LogCode
from frontdesk.journal.services import log_code_problems


class LogCodeForm(forms.Form):
    """A code: the word typed in a log line, what it stands for, and the promise it makes."""

    word = forms.CharField(
        label=_("Code"), max_length=30, help_text=_("One word typed in the log line, e.g. cb.")
    )
    text = forms.CharField(label=_("Stands for"), max_length=200)
    follow_up_minutes = forms.IntegerField(
        label=_("Promise due after (minutes)"),
        required=False,
        min_value=1,
        help_text=_("Empty: the code makes no promise."),
    )

    def __init__(self, *args: Any, code: LogCode | None = None, **kwargs: Any) -> None:
        if code is not None:
            kwargs.setdefault(
                "initial",
                {"word": code.word, "text": code.text, "follow_up_minutes": code.follow_up_minutes},
            )
        super().__init__(*args, **kwargs)
        self.code = code

    def clean_word(self) -> str:
        return str(self.cleaned_data["word"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "word" in data and "follow_up_minutes" not in self.errors:
            problems = log_code_problems(
                word=data["word"],
                text=data.get("text") or "",
                follow_up_minutes=data.get("follow_up_minutes"),
                code_id=self.code.pk if self.code else None,
            )
            for name, message in problems.items():
                if name not in self.errors:
                    self.add_error(name, message)
        return data

    def code_values(self) -> dict[str, Any]:
        """The valid form as the services take it."""
        return {name: self.cleaned_data[name] for name in ("word", "text", "follow_up_minutes")}
