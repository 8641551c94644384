"""Macros on the agent's pages: expanding /codes in the reply box, the one-click holding reply."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.config.errors import Invalid, NotFound
from frontdesk.config.http import request_agent
from frontdesk.macros.services import holding_reply_send, macro_expand
from frontdesk.tickets.forms import ReplyForm
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import access_ticket_by_id


def _ticket(request: HttpRequest, ticket_id: int) -> Ticket:
    try:
        return access_ticket_by_id(actor=request_agent(request), ticket_id=ticket_id)
    except NotFound as error:
        raise Http404(str(error)) from error


@login_required
@require_POST
def expand(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """The reply box again, with every /code typed so far replaced by its macro's text."""
    ticket = _ticket(request, ticket_id)
    text = request.POST.get("body", "")
    form = ReplyForm()
    try:
        text = macro_expand(text=text, ticket=ticket, agent=request_agent(request))
    except Invalid as error:
        form.add_error("body", str(error))
    return render(
        request,
        "macros/_reply_body.html",
        {"field": form["body"], "text": text, "ticket": ticket},
    )


@login_required
@require_POST
def holding_reply(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """Send the holding reply to a hard case in one click."""
    ticket = _ticket(request, ticket_id)
    try:
        holding_reply_send(ticket=ticket, agent=request_agent(request))
    except Invalid as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Holding reply sent to %(name)s.") % {"name": ticket.customer.name}
        )
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("tickets:detail", ticket_id=ticket.pk)
