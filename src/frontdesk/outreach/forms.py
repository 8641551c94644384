"""The lead's campaign forms: the campaign (texts per language and segment) and its time."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from frontdesk.customers.choices import FieldTarget
from frontdesk.customers.field_selectors import field_definitions
from frontdesk.customers.forms import CustomFilterForm
from frontdesk.outreach.constants import (
    BODY_LENGTH,
    MAX_DAYS,
    NAME_LENGTH,
    RECENT_DAYS,
    SUBJECT_LENGTH,
)
from frontdesk.outreach.models import Campaign
from frontdesk.outreach.segments import Segment
from frontdesk.outreach.services import Content


class CampaignForm(forms.Form):
    """A campaign: its name, its texts per language, and the segment it goes to."""

    name = forms.CharField(label=_("Name"), max_length=NAME_LENGTH)
    default_language = forms.ChoiceField(
        label=_("Default language"),
        choices=settings.LANGUAGES,
        help_text=_("Everyone whose own language has no text gets this one."),
    )
    tags = forms.CharField(
        label=_("Customers tagged"),
        required=False,
        help_text=_("Any of these tags, separated by commas."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Customers who speak"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    key_only = forms.BooleanField(label=_("Key customers only"), required=False)
    new_within_days = forms.IntegerField(
        label=_("New customers: first seen within (days)"),
        min_value=1,
        max_value=MAX_DAYS,
        required=False,
    )
    problem_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    recent_days = forms.IntegerField(
        label=_("Recent contact about the problem: within (days)"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=RECENT_DAYS,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, _name in settings.LANGUAGES:
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject"),
                max_length=SUBJECT_LENGTH,
                required=False,
                widget=forms.TextInput(attrs={"dir": "auto"}),
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text"),
                max_length=BODY_LENGTH,
                required=False,
                widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
            )
        custom = CustomFilterForm(definitions=field_definitions(target=FieldTarget.CUSTOMER))
        self.custom_names = list(custom.fields)
        self.fields.update(custom.fields)

    def language_blocks(self) -> list[tuple[str, str, forms.BoundField, forms.BoundField]]:
        """Each language's code, name, subject field and text field, for the template."""
        return [
            (code, str(name), self[f"subject_{code}"], self[f"body_{code}"])
            for code, name in settings.LANGUAGES
        ]

    def custom_fields(self) -> list[forms.BoundField]:
        """The custom-field filters of the segment."""
        return [self[name] for name in self.custom_names]

    def segment(self) -> Segment:
        """The segment the cleaned form describes."""
        data = self.cleaned_data
        tags = [" ".join(tag.split()) for tag in (data.get("tags") or "").split(",")]
        return Segment(
            tags=tuple(tag for tag in tags if tag),
            languages=tuple(data.get("languages") or ()),
            key_only=bool(data.get("key_only")),
            new_within_days=data.get("new_within_days"),
            custom={
                name: str(data[name])
                for name in self.custom_names
                if data.get(name) not in (None, "")
            },
            problem_id=data.get("problem_id"),
            recent_days=data.get("recent_days") or RECENT_DAYS,
        )

    def contents(self) -> dict[str, Content]:
        """The texts written, per language."""
        data = self.cleaned_data
        return {
            code: Content(data.get(f"subject_{code}") or "", data.get(f"body_{code}") or "")
            for code, _name in settings.LANGUAGES
        }

    @staticmethod
    def initial_of(campaign: Campaign) -> dict[str, object]:
        """The form's values for a saved campaign."""
        segment = Segment.from_json(campaign.segment)
        initial: dict[str, object] = {
            "name": campaign.name,
            "default_language": campaign.default_language,
            "tags": ", ".join(segment.tags),
            "languages": list(segment.languages),
            "key_only": segment.key_only,
            "new_within_days": segment.new_within_days,
            "problem_id": segment.problem_id,
            "recent_days": segment.recent_days,
            **segment.custom,
        }
        for content in campaign.contents.all():
            initial[f"subject_{content.language}"] = content.subject
            initial[f"body_{content.language}"] = content.body
        return initial


class ScheduleForm(forms.Form):
    """When a campaign goes out: a time on the desk's clock, or now when left empty."""

    at = forms.DateTimeField(
        label=_("Send at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Leave empty to send now (within a minute)."),
    )
