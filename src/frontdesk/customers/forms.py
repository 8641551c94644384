from django import forms
from django.utils.translation import gettext_lazy as _

from frontdesk.accounts.choices import Language
from frontdesk.customers.choices import IdentityKind


class CustomerForm(forms.Form):
    """What an agent can change about a customer."""

    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=[("", "—"), *Language.choices], required=False
    )
    is_key = forms.BooleanField(label=_("Key customer"), required=False)
    tags = forms.CharField(label=_("Tags"), required=False, help_text=_("Separated by commas."))
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def clean_tags(self) -> list[str]:
        return [t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()]


class IdentityForm(forms.Form):
    """Add an e-mail address or phone number to a customer."""

    kind = forms.ChoiceField(label=_("Kind"), choices=IdentityKind.choices)
    value = forms.CharField(label=_("Address or number"), max_length=254)


class MergeForm(forms.Form):
    """Pick the duplicate record to fold into this customer."""

    source = forms.IntegerField(label=_("Customer number to merge into this one"), min_value=1)
