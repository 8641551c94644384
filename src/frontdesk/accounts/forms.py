"""The settings' forms for teams, agents and API tokens."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from frontdesk.accounts.choices import Assignment, Language, Role, TokenScope
from frontdesk.accounts.constants import TOKEN_MAX_DAYS
from frontdesk.accounts.models import Team, User
from frontdesk.accounts.selectors import agent_email_taken, agent_list


class AgentChoices(forms.ModelMultipleChoiceField):
    """Active agents, ticked by name."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class TeamForm(forms.Form):
    """A team: its name, its own address, how work reaches it, and its members."""

    name = forms.CharField(label=_("Name"), max_length=100)
    email = forms.EmailField(label=_("Team's e-mail address"), required=False)
    assignment = forms.ChoiceField(label=_("How work reaches the team"), choices=Assignment.choices)
    members = AgentChoices(
        label=_("Members"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = self.fields["members"]
        assert isinstance(members, AgentChoices)
        members.queryset = agent_list()


class InviteForm(forms.Form):
    """Whom to invite: the link to set a password goes to this address."""

    full_name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.AGENT)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=Team.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).strip().lower()
        if agent_email_taken(email=email):
            raise forms.ValidationError(_("An agent with this e-mail address exists already."))
        return email


class AgentForm(forms.Form):
    """What a lead changes about an agent: role and page language."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)


class TokenForm(forms.Form):
    """A new API token: its name, so its owner knows later what uses it, what it may do (no
    more than the owner's role allows) and for how many days."""

    name = forms.CharField(
        label=_("What the token is for"),
        max_length=100,
        help_text=_("e.g. the CRM sync; the token is shown once, right after you make it."),
    )
    scope = forms.ChoiceField(
        label=_("What it may do"),
        initial=TokenScope.READ,
        help_text=_(
            "Give it no more than the integration needs. Admin (leads and admins) may also change "
            "the desk's settings and read the reports."
        ),
    )
    days = forms.IntegerField(
        label=_("Days it works"),
        min_value=1,
        max_value=TOKEN_MAX_DAYS,
        help_text=_("At most a year; you get an e-mail a week before it stops."),
    )

    def __init__(self, *args: Any, scopes: list[TokenScope], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scope = self.fields["scope"]
        assert isinstance(scope, forms.ChoiceField)
        scope.choices = [(each.value, each.label) for each in scopes]
        self.fields["days"].initial = settings.TOKEN_DAYS


class SecondFactorCodeForm(forms.Form):
    """The second step of logging in: a code from the app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "dir": "ltr"}
        ),
    )


class TwoFactorConfirmForm(forms.Form):
    """Setting up two-factor log-in: the code the app shows now, which proves it has the key."""

    code = forms.CharField(
        label=_("The six-digit code the app shows"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "dir": "ltr"}
        ),
    )
