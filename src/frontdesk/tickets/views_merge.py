"""Merging one ticket into another of the same customer's from the ticket page: name the ticket
to keep, read what will happen, confirm. The bulk merge on the list does the same for many."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid, NotFound
from frontdesk.engine.search import reference_typed
from frontdesk.tickets.constants import REFERENCE_ALPHABET, REFERENCE_LENGTH, REFERENCE_PREFIX
from frontdesk.tickets.forms import MergeIntoConfirmForm, MergeIntoForm
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import access_ticket_by_id, access_ticket_by_reference
from frontdesk.tickets.services import ticket_merge, ticket_merge_check
from frontdesk.tickets.views import ticket_for_page


def _kept(request: HttpRequest, ticket: Ticket, typed: str) -> Ticket:
    """The ticket `typed` names, as one `ticket` may be merged into; `Invalid` says why not."""
    reference = reference_typed(
        typed, prefix=REFERENCE_PREFIX, alphabet=REFERENCE_ALPHABET, length=REFERENCE_LENGTH
    )
    try:
        kept = access_ticket_by_reference(actor=request_agent(request), reference=reference)
    except NotFound:
        raise Invalid(_("No ticket has the reference “%(typed)s”.") % {"typed": typed}) from None
    ticket_merge_check(survivor=kept, others=[ticket])
    return kept


@login_required
@require_safe
def ticket_merge_into_confirm_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """What merging this ticket into the one named will do, with the button that does it."""
    ticket = ticket_for_page(request, ticket_id)
    form = MergeIntoForm(request.GET)
    kept = None
    if form.is_valid():
        try:
            kept = _kept(request, ticket, form.cleaned_data["into"])
        except Invalid as error:
            form.add_error("into", str(error))
    context = {"ticket": ticket, "kept": kept, "form": form}
    return render(request, "tickets/merge_into.html", context, status=200 if kept else 400)


@login_required
@require_POST
def ticket_merge_into_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """Merge this ticket into the one the agent confirmed; then show the one kept."""
    ticket = ticket_for_page(request, ticket_id)
    form = MergeIntoConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the ticket to keep."))
        return redirect("tickets:detail", ticket_id=ticket.pk)
    agent = request_agent(request)
    kept = access_ticket_by_id(actor=agent, ticket_id=form.cleaned_data["into"])
    try:
        ticket_merge(actor=agent, survivor=kept, others=[ticket])
    except Invalid as error:
        messages.error(request, str(error))
        return redirect("tickets:detail", ticket_id=ticket.pk)
    messages.success(
        request,
        _("%(merged)s was merged into %(kept)s.")
        % {"merged": ticket.reference, "kept": kept.reference},
    )
    return redirect("tickets:detail", ticket_id=kept.pk)
