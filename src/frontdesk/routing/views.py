"""The agent's queue page, the take-next button and the presence switch."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.selectors import presence_of, request_agent
from frontdesk.accounts.services import presence_set
from frontdesk.core.errors import Invalid
from frontdesk.core.http import safe_next
from frontdesk.core.settings_menu import read_only, settings_page
from frontdesk.engine.queue import QueueReason
from frontdesk.journal.selectors import colleague_notes_waiting, notices_unread_important
from frontdesk.routing.forms import TeamScopeForm, WeightsForm
from frontdesk.routing.selectors import queue_of, sweep_of
from frontdesk.routing.services import queue_take_next
from frontdesk.routing.wording import queue_reason_text
from frontdesk.tickets.selectors import queue_settings_row, queue_weights
from frontdesk.tickets.services import queue_team_scope_set, queue_weights_set

QUEUE_LENGTH = 50
LEVEL_ONE = QueueReason("level1")


@login_required
def queue_page(request: HttpRequest) -> HttpResponse:
    """The agent's queue in order, each item saying why it is where it is."""
    agent = request_agent(request)
    entries = queue_of(agent=agent, now=timezone.now(), limit=QUEUE_LENGTH)
    rows = [
        {
            "entry": entry,
            "reasons": [queue_reason_text(reason, entry.ticket) for reason in entry.reasons],
        }
        for entry in entries
    ]
    return render(
        request,
        "routing/queue.html",
        {
            "rows": rows,
            "presence": presence_of(agent=agent),
            # Shown where the agent lands after logging in, until they read them.
            "unread_notices": list(notices_unread_important(agent=agent)),
            # Lines colleagues logged for the agent, waiting however long they were away.
            "colleague_notes": list(colleague_notes_waiting(agent=agent)),
        },
    )


@login_required
@require_POST
def take_next_page(request: HttpRequest) -> HttpResponse:
    """Take the top free item and open it; back to the queue when there is nothing to take."""
    try:
        ticket = queue_take_next(agent=request_agent(request))
    except Invalid as error:
        messages.error(request, str(error))
        return redirect("routing:queue")
    if ticket is None:
        messages.info(request, _("Nothing is waiting. Well done."))
        return redirect("routing:queue")
    return redirect("tickets:detail", ticket_id=ticket.pk)


@login_required
@require_POST
def presence_page(request: HttpRequest) -> HttpResponse:
    """Set the agent's presence from the header's switch, then go back where they were."""
    state = request.POST.get("state", "")
    try:
        presence_set(agent=request_agent(request), state=state)
    except Invalid as error:
        messages.error(request, str(error))
    return redirect(safe_next(request) or "routing:queue")


@login_required
def sweep_page(request: HttpRequest) -> HttpResponse:
    """The morning sweep: level 1 to answer in full, quick wins with a suggested answer, key
    customers, then hard cases with a one-click holding reply."""
    sweep = sweep_of(agent=request_agent(request))
    urgent = [(ticket, queue_reason_text(LEVEL_ONE, ticket)) for ticket in sweep.urgent]
    return render(request, "routing/sweep.html", {"sweep": sweep, "urgent": urgent})


@settings_page("queue")
def queue_weights_page(request: HttpRequest) -> HttpResponse:
    """How far ahead of its arrival each kind of item is placed in the queue."""
    form = WeightsForm(request.POST or None, weights=queue_weights())
    if not request.settings_can_edit:  # type: ignore[attr-defined]
        read_only(form)
    if request.method == "POST" and form.is_valid():
        try:
            queue_weights_set(actor=request_agent(request), values=dict(form.cleaned_data))
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Queue order saved."))
            return redirect("queue_settings:weights")
    return _settings_render(request, form=form, status=400 if form.is_bound else 200)


def _settings_render(
    request: HttpRequest,
    *,
    form: WeightsForm | None = None,
    scope_form: TeamScopeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    row = queue_settings_row()
    if scope_form is None:
        scope_form = TeamScopeForm(initial={"team_scoped": bool(row and row.team_scoped)})
    for shown in (form, scope_form):
        if shown is not None and not request.settings_can_edit:  # type: ignore[attr-defined]
            read_only(shown)
    return render(
        request,
        "routing/settings.html",
        {
            "form": form or WeightsForm(weights=queue_weights()),
            "scope_form": scope_form,
            "row": row,
        },
        status=status,
    )


@settings_page("queue")
@require_POST
def queue_team_scope_page(request: HttpRequest) -> HttpResponse:
    """Switch access by team on or off (tickets/visibility.py)."""
    form = TeamScopeForm(request.POST)
    if form.is_valid():
        try:
            queue_team_scope_set(
                actor=request_agent(request), team_scoped_on=form.cleaned_data["team_scoped"]
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Access by team saved."))
            return redirect("queue_settings:weights")
    return _settings_render(request, scope_form=form, status=400)
