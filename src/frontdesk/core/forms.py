"""Form pieces every app's pages share."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from frontdesk.core.attachments import attachments_validate
from frontdesk.core.errors import Invalid


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: object, initial: object = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class AttachmentsMixin(forms.Form):
    """Checks the files of a form against the desk's limits, next to the field."""

    def clean_attachments(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data.get("attachments") or []
        try:
            attachments_validate(files)
        except Invalid as error:
            raise forms.ValidationError(str(error)) from error
        return files
