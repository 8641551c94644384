"""The ticket list's bulk actions: one form and one view per action, each answering with what
was done and what was skipped, and why, back on the list."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import agent_list, request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.http import safe_next
from frontdesk.tickets.choices import Status
from frontdesk.tickets.forms import BulkAssignForm, BulkMergeForm, BulkStatusForm, BulkTagForm
from frontdesk.tickets.selectors import ticket_list
from frontdesk.tickets.services import (
    BulkResult,
    ticket_merge_survivor,
    tickets_bulk_assign,
    tickets_bulk_merge,
    tickets_bulk_status,
    tickets_bulk_tag,
)


def skipped_text(result: BulkResult) -> str:
    """Why one ticket was left as it was, in the reader's language."""
    reference = result.reference
    if result.code == "solved":
        return _("%(reference)s is solved") % {"reference": reference}
    if result.code == "closed":
        return _("%(reference)s is closed") % {"reference": reference}
    if result.code == "not_found":
        return _("a ticket was not found")
    return f"{reference}: {result.detail}"


def _report(request: HttpRequest, results: Sequence[BulkResult], done: str) -> HttpResponse:
    skipped = [result for result in results if not result.ok]
    text = done
    if skipped:
        reasons = ", ".join(skipped_text(result) for result in skipped)
        text += "; " + ngettext(
            "%(count)d skipped: %(reasons)s", "%(count)d skipped: %(reasons)s", len(skipped)
        ) % {"count": len(skipped), "reasons": reasons}
    (messages.warning if skipped else messages.success)(request, text)
    return _back(request)


def _back(request: HttpRequest) -> HttpResponse:
    return redirect(safe_next(request) or "tickets:list")


def _refused(request: HttpRequest, form: forms.Form) -> HttpResponse:
    errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
    messages.error(request, " ".join(errors))
    return _back(request)


def _done_count(results: Sequence[BulkResult]) -> int:
    return sum(1 for result in results if result.ok)


@login_required
@require_POST
def tickets_assign_page(request: HttpRequest) -> HttpResponse:
    """Assign the ticked tickets."""
    agent = request_agent(request)
    form = BulkAssignForm(request.POST)
    if not form.is_valid():
        return _refused(request, form)
    choice = form.cleaned_data["assignee"]
    assignee: User | None
    if choice == "me":
        assignee = agent
    elif choice == "none":
        assignee = None
    else:
        assignee = agent_list().get(pk=int(choice))
    results = tickets_bulk_assign(
        actor=agent, ticket_ids=form.cleaned_data["ids"], assignee=assignee
    )
    count = _done_count(results)
    if assignee is None:
        done = ngettext(
            "%(count)d ticket assigned to nobody", "%(count)d tickets assigned to nobody", count
        ) % {"count": count}
    else:
        done = ngettext(
            "%(count)d ticket assigned to %(name)s", "%(count)d tickets assigned to %(name)s", count
        ) % {"count": count, "name": assignee.display_name}
    return _report(request, results, done)


@login_required
@require_POST
def tickets_status_page(request: HttpRequest) -> HttpResponse:
    """Set the ticked tickets' status."""
    form = BulkStatusForm(request.POST)
    if not form.is_valid():
        return _refused(request, form)
    status = form.cleaned_data["status"]
    results = tickets_bulk_status(
        actor=request_agent(request), ticket_ids=form.cleaned_data["ids"], status=status
    )
    count = _done_count(results)
    done = ngettext(
        "%(count)d ticket set to %(status)s", "%(count)d tickets set to %(status)s", count
    ) % {"count": count, "status": Status(status).label}
    return _report(request, results, done)


def _tag(request: HttpRequest, *, remove: bool) -> HttpResponse:
    form = BulkTagForm(request.POST)
    if not form.is_valid():
        return _refused(request, form)
    tag = form.cleaned_data["tag"]
    try:
        results = tickets_bulk_tag(
            actor=request_agent(request),
            ticket_ids=form.cleaned_data["ids"],
            tag=tag,
            remove=remove,
        )
    except Invalid as error:
        messages.error(request, str(error))
        return _back(request)
    count = _done_count(results)
    if remove:
        done = ngettext(
            "Tag “%(tag)s” taken off %(count)d ticket",
            "Tag “%(tag)s” taken off %(count)d tickets",
            count,
        )
    else:
        done = ngettext(
            "Tag “%(tag)s” added to %(count)d ticket",
            "Tag “%(tag)s” added to %(count)d tickets",
            count,
        )
    return _report(request, results, done % {"tag": tag, "count": count})


@login_required
@require_POST
def tickets_tag_add_page(request: HttpRequest) -> HttpResponse:
    """Add a tag to the ticked tickets."""
    return _tag(request, remove=False)


@login_required
@require_POST
def tickets_tag_remove_page(request: HttpRequest) -> HttpResponse:
    """Take a tag off the ticked tickets."""
    return _tag(request, remove=True)


@login_required
@require_POST
def tickets_merge_confirm_page(request: HttpRequest) -> HttpResponse:
    """The ticked tickets, to choose the one a merge keeps (the oldest open, unless changed)."""
    form = BulkMergeForm(request.POST)
    if not form.is_valid():
        return _refused(request, form)
    tickets = list(
        ticket_list(actor=request_agent(request)).filter(pk__in=form.cleaned_data["ids"])
    )
    if len(tickets) < 2:
        messages.error(request, _("Choose at least two tickets to merge."))
        return _back(request)
    if len({ticket.customer_id for ticket in tickets}) > 1:
        messages.error(request, _("Only tickets from one customer can be merged."))
        return _back(request)
    context = {
        "tickets": tickets,
        "survivor": ticket_merge_survivor(tickets),
        "next": safe_next(request) or "",
    }
    return render(request, "tickets/merge.html", context)


@login_required
@require_POST
def tickets_merge_page(request: HttpRequest) -> HttpResponse:
    """Merge the ticked tickets into the one chosen."""
    form = BulkMergeForm(request.POST)
    if not form.is_valid():
        return _refused(request, form)
    try:
        results = tickets_bulk_merge(
            actor=request_agent(request),
            ticket_ids=form.cleaned_data["ids"],
            survivor_id=form.cleaned_data["survivor"],
        )
    except Invalid as error:
        messages.error(request, str(error))
        return _back(request)
    kept = next((result for result in results if result.code == "kept"), None)
    if kept is None:
        return _report(request, results, _("Nothing was merged"))
    count = sum(1 for result in results if result.code == "merged")
    done = ngettext(
        "%(count)d ticket merged into %(reference)s",
        "%(count)d tickets merged into %(reference)s",
        count,
    ) % {"count": count, "reference": kept.reference}
    return _report(request, results, done)
