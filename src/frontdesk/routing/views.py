"""The agent's queue page, the take-next button and the presence switch."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.config.errors import Invalid
from frontdesk.config.http import request_agent
from frontdesk.routing.selectors import presence_of, queue_of, sweep_of
from frontdesk.routing.services import presence_set, queue_take_next
from frontdesk.routing.wording import queue_reason_text

QUEUE_LENGTH = 50


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
        {"rows": rows, "presence": presence_of(agent=agent)},
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
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    return redirect(back or "routing:queue")


@login_required
def sweep_page(request: HttpRequest) -> HttpResponse:
    """The morning sweep: quick wins with a suggested answer, key customers, then hard cases
    with a one-click holding reply."""
    sweep = sweep_of(agent=request_agent(request))
    return render(request, "routing/sweep.html", {"sweep": sweep})
