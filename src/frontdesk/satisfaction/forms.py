from django import forms
from django.utils.translation import gettext_lazy as _

from frontdesk.satisfaction.choices import Rating
from frontdesk.satisfaction.constants import COMMENT_LENGTH


class RatingForm(forms.Form):
    """The customer's rating of a solved request: good or bad, and a few words if they like."""

    rating = forms.ChoiceField(
        label=_("How did we do?"), choices=Rating.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Anything you would like to tell us? (optional)"),
        required=False,
        max_length=COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
    )


class SatisfactionSettingsForm(forms.Form):
    """The lead's switch for the desk's rating e-mails."""

    surveys_on = forms.BooleanField(
        label=_("Ask customers to rate solved tickets"),
        required=False,
        help_text=_(
            "After a ticket is solved, the customer gets one e-mail in their language asking: "
            "good or bad? The portal shows the same choice either way."
        ),
    )
