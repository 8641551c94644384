from django import forms
from django.utils.translation import gettext_lazy as _

from frontdesk.core.forms import AttachmentsMixin, MultipleFileField
from frontdesk.tickets.constants import BODY_LENGTH, SUBJECT_LENGTH


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
