"""Macros on the agent's pages: expanding /codes in the reply box, the one-click holding reply."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.http import safe_next
from frontdesk.macros.services import holding_reply_send, macro_expand
from frontdesk.tickets.forms import ReplyForm
from frontdesk.tickets.views import ticket_for_page


@login_required
@require_POST
def expand(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """The reply box again, with every /code typed so far replaced by its macro's text."""
    ticket = ticket_for_page(request, ticket_id)
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
    ticket = ticket_for_page(request, ticket_id)
    try:
        holding_reply_send(ticket=ticket, agent=request_agent(request))
    except Invalid as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Holding reply sent to %(name)s.") % {"name": ticket.customer.name}
        )
    back = safe_next(request)
    return redirect(back) if back else redirect("tickets:detail", ticket_id=ticket.pk)
