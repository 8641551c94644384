"""The agent's ticket pages: the list and one ticket with its thread."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid, NotFound
from frontdesk.core.http import HtmxHttpRequest
from frontdesk.customers.constants import TIMELINE_SIDEBAR_LENGTH
from frontdesk.customers.models import Customer
from frontdesk.customers.selectors import (
    access_customer_by_id,
    customer_email_addresses,
    customer_timeline,
)
from frontdesk.tickets.forms import (
    AssigneeForm,
    CallLogForm,
    NoteForm,
    ReplyForm,
    StatusForm,
    TicketFilterForm,
    TicketTagsForm,
    TriageCorrectionForm,
    WriteToCustomerForm,
)
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.reply_filters import reply_text_prepare
from frontdesk.tickets.selectors import (
    TicketFilter,
    access_attachment,
    access_ticket_by_id,
    customer_tickets,
    ticket_list,
    ticket_tags_in_use,
    ticket_thread,
)
from frontdesk.tickets.services import (
    ticket_call_log,
    ticket_note,
    ticket_reply,
    ticket_tags_set,
    ticket_write_to_customer,
)

PAGE_SIZE = 50


def ticket_for_page(request: HttpRequest, ticket_id: int) -> Ticket:
    """The ticket a desk page is about, or 404 when it is missing or not the agent's to see."""
    try:
        return access_ticket_by_id(actor=request_agent(request), ticket_id=ticket_id)
    except NotFound as error:
        raise Http404(str(error)) from error


@login_required
def ticket_list_page(request: HtmxHttpRequest) -> HttpResponse:
    """Every ticket the agent may see, filtered and paged; htmx refreshes just the table."""
    form = TicketFilterForm(request.GET or {"status": "open"})
    data = form.cleaned_data if form.is_valid() else {"status": "open"}
    filters = TicketFilter(
        status=data.get("status") or "",
        assignee=data.get("assignee") or "",
        level=int(data["level"]) if data.get("level") else None,
        channel=data.get("channel") or "",
        query=data.get("q") or "",
        tag=data.get("tag") or "",
    )
    page = Paginator(
        ticket_list(actor=request_agent(request), filters=filters), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    if request.htmx:
        return render(request, "tickets/_list_table.html", context)
    context["tag_suggestions"] = ticket_tags_in_use()
    template = "tickets/list.html"
    return render(request, template, context)


def ticket_detail_context(
    request: HttpRequest, ticket: Ticket, **forms: object
) -> dict[str, object]:
    """What the ticket page and its panels show: the thread, the forms, the customer beside it."""
    customer = ticket.customer
    return {
        "ticket": ticket,
        "thread": ticket_thread(ticket=ticket, include_notes=True),
        "customer": customer,
        "identities": list(customer.identities.all()),
        "timeline": customer_timeline(customer=customer, limit=TIMELINE_SIDEBAR_LENGTH),
        "other_tickets": customer_tickets(customer=customer, open_only=True).exclude(pk=ticket.pk)[
            :10
        ],
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "status_form": StatusForm(initial={"status": ticket.status}),
        "assignee_form": AssigneeForm(initial={"assignee": ticket.assignee_id}),
        "triage_form": TriageCorrectionForm(
            initial={"level": ticket.level, "quick_win": ticket.quick_win}
        ),
        "tags_form": forms.get("tags_form") or TicketTagsForm(),
        "tag_suggestions": ticket_tags_in_use(),
    }


@login_required
def ticket_detail(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """One ticket: the thread, the reply box, and the customer's memory beside it."""
    ticket = ticket_for_page(request, ticket_id)
    return render(request, "tickets/detail.html", ticket_detail_context(request, ticket))


@login_required
@require_POST
def ticket_reply_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """Send an answer to the customer."""
    ticket = ticket_for_page(request, ticket_id)
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            agent = request_agent(request)
            ticket_reply(
                ticket=ticket,
                agent=agent,
                # A /code the agent typed but did not expand is expanded now (macros filter).
                text=reply_text_prepare(text=form.cleaned_data["body"], ticket=ticket, agent=agent),
                files=form.cleaned_data["attachments"],
                status=form.cleaned_data["status"],
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Reply sent to %(name)s.") % {"name": ticket.customer.name})
            return redirect("tickets:detail", ticket_id=ticket.pk)
    return render(
        request,
        "tickets/detail.html",
        ticket_detail_context(request, ticket, reply_form=form),
        status=400,
    )


@login_required
@require_POST
def ticket_note_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """Add an internal note."""
    ticket = ticket_for_page(request, ticket_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        ticket_note(ticket=ticket, agent=request_agent(request), text=form.cleaned_data["body"])
        return redirect("tickets:detail", ticket_id=ticket.pk)
    return render(
        request,
        "tickets/detail.html",
        ticket_detail_context(request, ticket, note_form=form),
        status=400,
    )


@login_required
@require_POST
def ticket_tags_page(request: HtmxHttpRequest, ticket_id: int) -> HttpResponse:
    """Add tags to the ticket or remove one; htmx swaps just the tags panel."""
    ticket = ticket_for_page(request, ticket_id)
    form = TicketTagsForm(request.POST)
    if form.is_valid():
        removed = form.cleaned_data["tags_remove"]
        kept = [tag for tag in ticket.tags if tag != removed]
        try:
            ticket_tags_set(
                ticket=ticket,
                tags=[*kept, *form.cleaned_data["tags_add"].split(",")],
                actor=request_agent(request),
            )
        except Invalid as error:
            form.add_error("tags_add", str(error))
        else:
            form = TicketTagsForm()
    context = ticket_detail_context(request, ticket, tags_form=form)
    if request.htmx:
        # htmx swaps only a 2xx answer; the panel carries its error next to the field.
        return render(request, "tickets/_tags.html", context)
    if not form.errors:
        return redirect("tickets:detail", ticket_id=ticket.pk)
    return render(request, "tickets/detail.html", context, status=400)


@login_required
def ticket_attachment(request: HttpRequest, attachment_id: int) -> FileResponse:
    """Download a file from any ticket's thread."""
    try:
        attachment = access_attachment(attachment_id=attachment_id, actor=request_agent(request))
    except NotFound as error:
        raise Http404(str(error)) from error
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


def _customer_for_page(request: HttpRequest, customer_id: int) -> Customer:
    try:
        return access_customer_by_id(actor=request_agent(request), customer_id=customer_id)
    except NotFound as error:
        raise Http404(str(error)) from error


@login_required
def customer_write_page(request: HttpRequest, customer_id: int) -> HttpResponse:
    """Start an e-mail to a customer; it becomes a ticket of the agent's."""
    customer = _customer_for_page(request, customer_id)
    addresses = customer_email_addresses(customer=customer)
    initial = {"language": customer.preferred_language or request.LANGUAGE_CODE}
    form = WriteToCustomerForm(request.POST or None, addresses=addresses, initial=initial)
    if request.method == "POST" and addresses and form.is_valid():
        try:
            ticket = ticket_write_to_customer(
                customer=customer, agent=request_agent(request), **form.cleaned_data
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Sent. The conversation is a ticket of yours now."))
            return redirect("tickets:detail", ticket_id=ticket.pk)
    context = {"customer": customer, "form": form, "addresses": addresses}
    status = 400 if request.method == "POST" else 200
    return render(request, "tickets/customer_write.html", context, status=status)


@login_required
def customer_call_page(request: HttpRequest, customer_id: int) -> HttpResponse:
    """Record a phone call with a customer; it becomes a phone ticket with a note."""
    customer = _customer_for_page(request, customer_id)
    form = CallLogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ticket = ticket_call_log(
                customer=customer, agent=request_agent(request), **form.cleaned_data
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The call is on the customer's timeline."))
            return redirect("tickets:detail", ticket_id=ticket.pk)
    status = 400 if request.method == "POST" else 200
    context = {"customer": customer, "form": form}
    return render(request, "tickets/customer_call.html", context, status=status)
