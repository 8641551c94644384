from django import forms
from django.utils.translation import gettext_lazy as _


class KioskForm(forms.Form):
    """Take a number at the kiosk: a name and an address for the number's link, both optional."""

    # Nothing a visitor types may be offered to the next one: the tablet is shared.
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        help_text=_("We send you a link to follow your place in the queue."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
