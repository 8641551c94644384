from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from frontdesk.core.errors import Invalid
from frontdesk.tickets.constants import BODY_LENGTH, SUBJECT_LENGTH
from frontdesk.tickets.services import attachments_validate


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

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


class RequestForm(AttachmentsMixin):
    """The public request form."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail address"))
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_LENGTH)
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}), max_length=BODY_LENGTH
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False)
    # Humans never see this field; bots fill it in.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )


class ReplyForm(AttachmentsMixin):
    """A customer's reply in the portal."""

    body = forms.CharField(
        label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}), max_length=BODY_LENGTH
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False)


class LinkRequestForm(forms.Form):
    """Ask for a new portal link by e-mail."""

    email = forms.EmailField(label=_("Your e-mail address"))
