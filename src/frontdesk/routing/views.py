"""The agent's queue page, the take-next button and the presence switch."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import presence_of, request_agent
from frontdesk.accounts.services import presence_set
from frontdesk.core.errors import Invalid
from frontdesk.core.http import safe_next
from frontdesk.core.settings_menu import read_only, settings_page
from frontdesk.engine.queue import QueueReason
from frontdesk.journal.selectors import notices_unread_important
from frontdesk.routing.forms import BusinessHoursForm, SlaTargetsForm, WeightsForm
from frontdesk.routing.selectors import queue_of, sweep_of
from frontdesk.routing.services import queue_take_next
from frontdesk.routing.wording import queue_reason_text
from frontdesk.sla.selectors import business_hours_of, sla_targets
from frontdesk.sla.services import business_hours_set, sla_target_set
from frontdesk.tickets.selectors import queue_weights
from frontdesk.tickets.services import queue_weights_set

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
def queue_settings_page(request: HttpRequest) -> HttpResponse:
    """The lead's settings: queue weights, SLA targets per level, the desk's business hours;
    other agents read them."""
    agent = request_agent(request)
    weights = queue_weights()
    targets = sla_targets()
    hours = business_hours_of(team_id=None)
    which = request.POST.get("form", "")
    data = request.POST if request.method == "POST" else None
    weights_form = WeightsForm(data if which == "weights" else None, weights=weights)
    targets_form = SlaTargetsForm(
        data if which == "sla" else None,
        targets={
            level: (targets.first_response[level], targets.resolution[level])
            for level in targets.first_response
        },
    )
    hours_form = BusinessHoursForm(
        data if which == "hours" else None,
        windows=hours.windows,
        initial={"time_zone": hours.time_zone, "holiday_country": hours.holiday_country},
    )
    if not request.settings_can_edit:  # type: ignore[attr-defined]
        for form in (weights_form, targets_form, hours_form):
            read_only(form)
    bound = {"weights": weights_form, "sla": targets_form, "hours": hours_form}.get(which)
    if bound is not None and bound.is_valid():
        try:
            with transaction.atomic():
                _settings_save(which, bound, agent)
        except (Invalid, ValidationError) as error:
            bound.add_error(
                None, error.messages if isinstance(error, ValidationError) else str(error)
            )
        else:
            messages.success(request, _("Settings saved."))
            return redirect("routing:settings")
    return render(
        request,
        "routing/settings.html",
        {"weights_form": weights_form, "targets_form": targets_form, "hours_form": hours_form},
        status=400 if bound is not None else 200,
    )


def _settings_save(which: str, form: forms.Form, agent: User) -> None:
    data = form.cleaned_data
    if which == "weights":
        queue_weights_set(actor=agent, values=dict(data))
    elif which == "sla":
        for level in range(1, 5):
            sla_target_set(
                actor=agent,
                level=level,
                first_response_minutes=data[f"first_{level}"],
                resolution_minutes=data[f"resolution_{level}"],
            )
    elif isinstance(form, BusinessHoursForm):
        business_hours_set(
            actor=agent,
            team=None,
            time_zone=data["time_zone"],
            windows=form.windows(),
            holiday_country=data["holiday_country"],
        )
