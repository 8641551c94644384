from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from frontdesk.core.errors import Invalid
from frontdesk.macros.models import Macro
from frontdesk.macros.services import macro_placeholders_check


class MacroForm(forms.ModelForm):
    """The admin's macro form, refusing placeholders the desk cannot fill."""

    class Meta:
        model = Macro
        fields = (
            "code",
            "language",
            "name",
            "text",
            "set_status",
            "set_level",
            "add_tags",
            "set_assignee",
            "suggest_for",
            "active",
        )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        try:
            macro_placeholders_check(text)
        except Invalid as error:
            raise ValidationError(str(error)) from error
        return str(text)


@admin.register(Macro)
class MacroAdmin(admin.ModelAdmin):
    """Macros: one-word codes per language, their text and what they do to the ticket."""

    form = MacroForm
    list_display = ("code", "language", "name", "set_status", "set_level", "active")
    list_filter = ("language", "active")
    search_fields = ("code", "name", "text")
