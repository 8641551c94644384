"""The ticket page's properties panel, where an agent sets status and assignee and corrects
triage's level and quick win."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.http import HtmxHttpRequest
from frontdesk.tickets.forms import AssigneeForm, StatusForm, TriageCorrectionForm
from frontdesk.tickets.services import ticket_assign, ticket_set_status
from frontdesk.tickets.views import ticket_detail_context, ticket_for_page
from frontdesk.triage.services import triage_correct


@login_required
@require_POST
def ticket_properties(request: HtmxHttpRequest, ticket_id: int) -> HttpResponse:
    """Change status, assignee, or correct level and quick win; htmx swaps just this panel."""
    ticket = ticket_for_page(request, ticket_id)
    status_form = StatusForm(request.POST)
    assignee_form = AssigneeForm(request.POST)
    if "status" in request.POST and status_form.is_valid():
        ticket_set_status(
            ticket=ticket, actor=request_agent(request), status=status_form.cleaned_data["status"]
        )
    if "assignee" in request.POST and assignee_form.is_valid():
        ticket_assign(
            ticket=ticket,
            actor=request_agent(request),
            assignee=assignee_form.cleaned_data["assignee"],
        )
    triage_form = TriageCorrectionForm(request.POST)
    if "level" in request.POST and triage_form.is_valid():
        triage_correct(
            ticket=ticket,
            agent=request_agent(request),
            level=triage_form.cleaned_data["level"],
            quick_win=triage_form.cleaned_data["quick_win"],
        )
    if request.htmx:
        return render(request, "tickets/_properties.html", ticket_detail_context(request, ticket))
    return redirect("tickets:detail", ticket_id=ticket.pk)
