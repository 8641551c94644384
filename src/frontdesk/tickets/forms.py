from typing import Any

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from frontdesk.accounts.models import Team
from frontdesk.accounts.selectors import agent_list
from frontdesk.core.forms import AttachmentsMixin, MultipleFileField
from frontdesk.core.http import whole_number
from frontdesk.customers.choices import Direction
from frontdesk.customers.field_selectors import FILTER_PREFIX
from frontdesk.tickets.choices import Channel, Level, Status
from frontdesk.tickets.constants import (
    BODY_LENGTH,
    DESK_TEXT_PLACEHOLDERS,
    SUBJECT_LENGTH,
    TAG_LENGTH,
    VIEW_NAME_LENGTH,
)
from frontdesk.tickets.selectors import TicketFilter
from frontdesk.tickets.services.desk_texts import desk_text_problems

STATUS_FILTERS = [("open", _("All open")), ("", _("Any status")), *Status.choices]
ASSIGNEE_FILTERS = [("", _("Anyone")), ("me", _("Me")), ("none", _("Nobody"))]


class TicketFilterForm(forms.Form):
    """The ticket list's filters, read from the query string."""

    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTERS, required=False)
    assignee = forms.ChoiceField(label=_("Assignee"), choices=ASSIGNEE_FILTERS, required=False)
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=[("", _("Any level")), *Level.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    channel = forms.ChoiceField(
        label=_("Channel"), choices=[("", _("Any channel")), *Channel.choices], required=False
    )
    tag = forms.CharField(
        label=_("Tag"),
        required=False,
        max_length=TAG_LENGTH,
        widget=forms.TextInput(attrs={"list": "tag-suggestions", "autocomplete": "off"}),
    )

    def ticket_filter(self) -> TicketFilter:
        """The filters the form holds; a value it does not accept (a channel since removed,
        in a view saved long ago) is left out, the others still narrow."""
        self.is_valid()
        data = self.cleaned_data
        return TicketFilter(
            status=data.get("status") or "",
            assignee=data.get("assignee") or "",
            level=data.get("level"),
            channel=data.get("channel") or "",
            query=data.get("q") or "",
            tag=data.get("tag") or "",
            # Custom fields' filters ride along, a saved view's too (customers' CustomFilterForm).
            custom=tuple(
                (name, str(self.data.get(name, "")))
                for name in self.data
                if name.startswith(FILTER_PREFIX)
            ),
        )


# The list's filters before an agent chose any, and the two views every agent has.
DEFAULT_FILTERS = "status=open"
BUILT_IN_VIEWS = {
    "mine": (_("Mine"), "status=open&assignee=me"),
    "unassigned": (_("Unassigned"), "status=open&assignee=none"),
}


def ticket_filter_read(query: str) -> tuple[TicketFilterForm, TicketFilter]:
    """The filter form and filters of a list's query string (a saved view's too)."""
    form = TicketFilterForm(QueryDict(query or DEFAULT_FILTERS))
    return form, form.ticket_filter()


class TicketViewForm(forms.Form):
    """A name to save the list's filters under and, for a lead, the team it is for."""

    name = forms.CharField(label=_("View name"), max_length=VIEW_NAME_LENGTH)
    team = forms.ModelChoiceField(
        label=_("For"),
        queryset=Team.objects.order_by("name"),
        required=False,
        empty_label=_("Only me"),
    )
    query = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, lead: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "view_%s")
        super().__init__(*args, **kwargs)
        if not lead:
            del self.fields["team"]


class TicketViewRenameForm(forms.Form):
    """A view's new name."""

    name = forms.CharField(label=_("Name"), max_length=VIEW_NAME_LENGTH)


class ReplyForm(AttachmentsMixin):
    """An agent's answer to the customer, with the status it leaves the ticket in."""

    body = forms.CharField(
        label=_("Reply"), widget=forms.Textarea(attrs={"rows": 6}), max_length=BODY_LENGTH
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False)
    status = forms.ChoiceField(
        label=_("Then set status to"), choices=Status.choices, initial=Status.WAITING
    )
    # The newest message the agent saw: a reply to a thread that moved on since is held back.
    seen_message_id = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    # The agent saw the tone check's warnings and sends the reply as it is ("Send anyway").
    tone_accepted = forms.BooleanField(required=False, widget=forms.HiddenInput)


class NoteForm(forms.Form):
    """An internal note."""

    body = forms.CharField(
        label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=BODY_LENGTH
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The reply box on the same page has a body too; ids must stay unique.
        kwargs.setdefault("auto_id", "note_%s")
        super().__init__(*args, **kwargs)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The reply form on the same page sets a status too; ids must stay unique.
        kwargs.setdefault("auto_id", "properties_%s")
        super().__init__(*args, **kwargs)


class AssigneeForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assignee"), queryset=agent_list(), required=False, empty_label=_("Nobody")
    )


class TriageCorrectionForm(forms.Form):
    """An agent's level and quick-win for a ticket, when triage got them wrong."""

    level = forms.TypedChoiceField(label=_("Level"), choices=Level.choices, coerce=int)
    quick_win = forms.BooleanField(label=_("Quick win"), required=False)


class TicketTagsForm(forms.Form):
    """Tags an agent adds to a ticket (several separated by commas) or the one they remove."""

    tags_add = forms.CharField(
        label=_("Add tags"),
        required=False,
        max_length=1000,
        help_text=_("Separated by commas."),
        widget=forms.TextInput(attrs={"list": "tag-suggestions", "autocomplete": "off"}),
    )
    tags_remove = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)


class WriteToCustomerForm(forms.Form):
    """A new e-mail an agent writes to a customer: to which of their addresses, about what."""

    to = forms.ChoiceField(label=_("To"))
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_LENGTH)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=BODY_LENGTH,
        help_text=_("Type /code to use a macro, e.g. /hold; it is filled in when sent."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, addresses: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(address, address) for address in addresses]  # type: ignore[attr-defined]


class CallLogForm(forms.Form):
    """A phone call an agent records: who called, about what, what was said."""

    direction = forms.ChoiceField(
        label=_("Who called"),
        choices=[(Direction.IN, _("The customer called")), (Direction.OUT, _("I called them"))],
    )
    subject = forms.CharField(label=_("About"), max_length=SUBJECT_LENGTH)
    text = forms.CharField(
        label=_("What was said"), widget=forms.Textarea(attrs={"rows": 6}), max_length=BODY_LENGTH
    )
    keep_open = forms.BooleanField(label=_("Keep it open: there is more to do"), required=False)


class DeskTextForm(forms.Form):
    """A lead's words for one desk text in one language; empty brings back the built-in words."""

    text = forms.CharField(
        label=_("Wording"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Leave empty for the built-in words, shown greyed in the box."),
    )

    def __init__(self, *args: Any, key: str, language: str, default: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key, self.language = key, language
        self.fields["text"].widget.attrs["placeholder"] = default
        self.fields["text"].widget.attrs["lang"] = language
        placeholders = DESK_TEXT_PLACEHOLDERS.get(key, ())
        if placeholders:
            self.fields["text"].help_text = _(
                "Leave empty for the built-in words, shown greyed in the box. Placeholders: "
                "%(names)s."
            ) % {"names": ", ".join("{" + name + "}" for name in placeholders)}

    def clean_text(self) -> str:
        text = str(self.cleaned_data["text"]).strip()
        problems = desk_text_problems(key=self.key, language=self.language, text=text)
        if problems:
            raise forms.ValidationError(next(iter(problems.values())))
        return text


class TicketIdsField(forms.Field):
    """The tickets ticked on the list: ids from the checkboxes, at least one."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        ids = [whole_number(str(raw)) for raw in (value or [])]
        if not ids:
            raise forms.ValidationError(_("Tick at least one ticket."))
        if None in ids:
            raise forms.ValidationError(_("A ticket id is a whole number."))
        return [ticket_id for ticket_id in ids if ticket_id is not None]


class BulkAssignForm(forms.Form):
    """Give the ticked tickets to an agent, to the agent acting, or to nobody."""

    ids = TicketIdsField()
    assignee = forms.ChoiceField(label=_("Assign to"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "bulk_%s")
        super().__init__(*args, **kwargs)
        agents = [(str(agent.pk), agent.display_name) for agent in agent_list()]
        assignee = self.fields["assignee"]
        assert isinstance(assignee, forms.ChoiceField)
        assignee.choices = [("me", _("Me")), ("none", _("Nobody")), *agents]


class BulkStatusForm(forms.Form):
    """Set the ticked tickets' status."""

    ids = TicketIdsField()
    status = forms.ChoiceField(label=_("Set status"), choices=Status.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "bulk_%s")
        super().__init__(*args, **kwargs)


class BulkTagForm(forms.Form):
    """Add a tag to the ticked tickets, or take it off."""

    ids = TicketIdsField()
    tag = forms.CharField(
        label=_("Tag"),
        max_length=TAG_LENGTH,
        widget=forms.TextInput(attrs={"list": "tag-suggestions", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "bulk_%s")
        super().__init__(*args, **kwargs)


class BulkMergeForm(forms.Form):
    """Merge the ticked tickets, one customer's, keeping the one chosen (or the oldest open)."""

    ids = TicketIdsField()
    survivor = forms.IntegerField(label=_("Keep"), required=False, min_value=1)


class MergeIntoForm(forms.Form):
    """Name the ticket this one is merged into: its reference, typed or picked from the
    customer's open tickets."""

    into = forms.CharField(
        label=_("Reference of the ticket to keep"),
        max_length=40,
        help_text=_("This ticket's messages and files move to it. Only the same customer's."),
    )


class MergeIntoConfirmForm(forms.Form):
    """The merge the agent saw and confirmed: the ticket kept, by id."""

    into = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
