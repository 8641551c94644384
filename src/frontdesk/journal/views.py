"""The log bar: a line typed on any agent page, saved when certain, confirmed when not; the
corridor, promises and notice board; and the lead's settings page for the team's codes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.models import Team
from frontdesk.accounts.selectors import request_agent
from frontdesk.core.clock import desk_today
from frontdesk.core.errors import Invalid
from frontdesk.core.http import safe_next, whole_number
from frontdesk.core.settings_menu import read_only, settings_page
from frontdesk.journal.constants import FOLLOW_UP_DUE_AFTER, FOLLOW_UP_DUE_BEFORE
from frontdesk.journal.forms import LogCodeForm
from frontdesk.journal.models import LogCode
from frontdesk.journal.selectors import (
    access_colleague_note,
    access_log_code,
    colleague_note_of,
    colleague_notes_done_recently,
    colleague_notes_waiting,
    customer_choices,
    follow_ups_open,
    interactions_logged_today,
    log_codes_for_settings,
    notice_readers,
    notices_for,
    notices_read_ids,
    promises_unbacked,
)
from frontdesk.journal.services import (
    colleague_note_done,
    follow_up_make,
    log_code_create,
    log_code_delete,
    log_code_update,
    log_line_read,
    log_line_save,
    notice_post,
    notice_read,
    notice_review,
)
from frontdesk.journal.wording import log_warning_text
from frontdesk.tickets.views import ticket_for_page


@login_required
@require_POST
def log_line_page(request: HttpRequest) -> HttpResponse:
    """Read the line; save it when it is certain or the agent has chosen; otherwise ask."""
    agent = request_agent(request)
    line = request.POST.get("line", "")
    customer_id = whole_number(request.POST.get("customer_id", ""))
    new_customer = request.POST.get("new_customer") == "1"
    parsed = log_line_read(line=line, writer=agent)
    chosen = customer_id is not None or new_customer
    context: dict[str, object] = {
        "line": line,
        "parsed": parsed,
        "warnings": [log_warning_text(warning) for warning in parsed.warnings],
    }
    if parsed.certain or chosen:
        try:
            saved = log_line_save(
                line=line,
                writer=agent,
                customer_id=customer_id,
                new_customer=new_customer,
            )
        except Invalid as error:
            context["error"] = str(error)
        else:
            context["saved"] = saved
            # Who finds the line in their queue, said where the writer sees it saved.
            context["colleague_note"] = colleague_note_of(interaction=saved)
    if "saved" not in context:
        context["choices"] = customer_choices(match=parsed.customer)
    response = render(request, "journal/_log_result.html", context)
    if "saved" in context:
        # The bar empties itself when told, so Enter pressed again cannot log the line twice.
        response["HX-Trigger"] = "log-saved"
    return response


@login_required
def promises_page(request: HttpRequest) -> HttpResponse:
    """Every open promise of the team, and contacts that promised something with no follow-up."""
    now = timezone.now()
    return render(
        request,
        "journal/promises.html",
        {
            "follow_ups": follow_ups_open(),
            "unbacked": promises_unbacked(since=now - timedelta(days=14)),
            "now": now,
        },
    )


@login_required
def colleague_notes_page(request: HttpRequest) -> HttpResponse:
    """The lines colleagues logged for the agent: those waiting, and those done lately."""
    agent = request_agent(request)
    return render(
        request,
        "journal/colleague_notes.html",
        {
            "waiting": list(colleague_notes_waiting(agent=agent)),
            "done": list(colleague_notes_done_recently(agent=agent)),
        },
    )


@login_required
@require_POST
def colleague_note_done_page(request: HttpRequest, note_id: int) -> HttpResponse:
    """The agent marks a note left for them done; back where they were."""
    agent = request_agent(request)
    colleague_note_done(note=access_colleague_note(agent=agent, note_id=note_id), agent=agent)
    return redirect(safe_next(request) or "journal:notes")


class NoticeForm(forms.Form):
    """A new notice."""

    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}))
    team = forms.ModelChoiceField(
        label=_("For"), queryset=Team.objects.all(), required=False, empty_label=_("Everyone")
    )
    review_by = forms.DateField(
        label=_("Review by"), widget=forms.DateInput(attrs={"type": "date"})
    )
    important = forms.BooleanField(label=_("Important: everyone must read it"), required=False)
    pinned = forms.BooleanField(label=_("Pinned to the top"), required=False)


@login_required
def board_page(request: HttpRequest) -> HttpResponse:
    """The notice board: what everyone must know today; post a notice."""
    agent = request_agent(request)
    form = NoticeForm(
        request.POST or None, initial={"review_by": desk_today() + timedelta(days=14)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            notice_post(author=agent, **form.cleaned_data)
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            return redirect("journal:board")
    notices = list(notices_for(agent=agent))
    read = notices_read_ids(agent=agent)
    return render(
        request,
        "journal/board.html",
        {"notices": notices, "read": read, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def notice_page(request: HttpRequest, notice_id: int) -> HttpResponse:
    """One notice: reading it records it; the author and leads see who has not read it yet and
    keep or retire it."""
    agent = request_agent(request)
    notice = notices_for(agent=agent).filter(pk=notice_id).first()
    if notice is None:
        raise Http404("no such notice")
    notice_read(notice=notice, agent=agent)
    if request.method == "POST":
        keep = request.POST.get("keep_until", "")
        try:
            notice_review(
                notice=notice,
                actor=agent,
                keep_until=date.fromisoformat(keep) if keep else None,
            )
        except (Invalid, ValueError) as error:
            messages.error(request, str(error))
        return redirect("journal:board")
    readers, not_yet = notice_readers(notice=notice)
    can_review = agent == notice.author or agent.is_lead
    return render(
        request,
        "journal/notice.html",
        {"notice": notice, "readers": readers, "not_yet": not_yet, "can_review": can_review},
    )


@login_required
def corridor_page(request: HttpRequest) -> HttpResponse:
    """A page for a phone in the corridor: the log bar, large, and what the agent logged today."""
    logged = interactions_logged_today(agent=request_agent(request))
    return render(request, "journal/corridor.html", {"logged": logged})


class FollowUpForm(forms.Form):
    """A promise made on a ticket."""

    text = forms.CharField(label=_("Promise"), max_length=250)
    due_at = forms.DateTimeField(
        label=_("Due"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )

    def clean_due_at(self) -> datetime:
        due_at: datetime = self.cleaned_data["due_at"]
        now = timezone.now()
        if not now - FOLLOW_UP_DUE_BEFORE <= due_at <= now + FOLLOW_UP_DUE_AFTER:
            raise forms.ValidationError(_("Give a due time within the coming year."), code="far")
        return due_at


@login_required
@require_POST
def ticket_follow_up_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """Record a promise made while working a ticket; it comes back to the agent when due."""
    agent = request_agent(request)
    ticket = ticket_for_page(request, ticket_id)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        follow_up_make(
            customer=ticket.customer,
            owner=agent,
            text=f"{form.cleaned_data['text']} ({ticket.reference})",
            due_at=form.cleaned_data["due_at"],
        )
        messages.success(request, _("Follow-up recorded."))
    elif form.has_error("due_at", "far"):
        messages.error(request, _("Give a due time within the coming year."))
    else:
        messages.error(request, _("A follow-up needs a promise and a due time."))
    return redirect("tickets:detail", ticket_id=ticket.pk)


def _log_code_or_404(code_id: int) -> LogCode:
    return access_log_code(key=str(code_id))


def _log_codes_page(
    request: HttpRequest, *, form: LogCodeForm, code: LogCode | None, status: int = 200
) -> HttpResponse:
    if not request.settings_can_edit:  # type: ignore[attr-defined]
        read_only(form)
    template = "journal/log_code_edit.html" if code else "journal/log_codes.html"
    return render(
        request,
        template,
        {"form": form, "code": code, "codes": log_codes_for_settings()},
        status=status,
    )


@settings_page("log-codes")
def log_codes_page(request: HttpRequest) -> HttpResponse:
    """The team's codes, word → what it stands for → the promise it makes; a lead adds one."""
    if request.method != "POST":
        return _log_codes_page(request, form=LogCodeForm(), code=None)
    form = LogCodeForm(request.POST)
    if form.is_valid():
        try:
            code = log_code_create(actor=request_agent(request), **form.code_values())
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Code “%(word)s” added.") % {"word": code.word})
            return redirect("journal:log_codes")
    return _log_codes_page(request, form=form, code=None, status=400)


@settings_page("log-codes")
def log_code_edit_page(request: HttpRequest, code_id: int) -> HttpResponse:
    """A lead changes a code, seeing its recent changes."""
    code = _log_code_or_404(code_id)
    if request.method != "POST":
        return _log_codes_page(request, form=LogCodeForm(code=code), code=code)
    form = LogCodeForm(request.POST, code=code)
    if form.is_valid():
        try:
            log_code_update(actor=request_agent(request), code=code, **form.code_values())
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Code “%(word)s” saved.") % {"word": code.word})
            return redirect("journal:log_codes")
    return _log_codes_page(request, form=form, code=code, status=400)


@settings_page("log-codes")
@require_POST
def log_code_delete_page(request: HttpRequest, code_id: int) -> HttpResponse:
    """A lead removes a code."""
    code = _log_code_or_404(code_id)
    log_code_delete(actor=request_agent(request), code=code)
    messages.success(request, _("Code “%(word)s” deleted.") % {"word": code.word})
    return redirect("journal:log_codes")
