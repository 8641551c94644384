"""The agent's ticket pages: the list and one ticket with its thread."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Conflict, Invalid, NotFound
from frontdesk.core.http import HtmxHttpRequest, page_of, whole_number
from frontdesk.customers.choices import FieldTarget
from frontdesk.customers.constants import TIMELINE_SIDEBAR_LENGTH
from frontdesk.customers.field_selectors import field_definitions
from frontdesk.customers.field_services import FieldInvalid
from frontdesk.customers.forms import CustomFilterForm, CustomValuesForm, custom_card_context
from frontdesk.customers.selectors import (
    customer_timeline,
)
from frontdesk.tickets.constants import BODY_LENGTH, WATCHING_POLL_SECONDS
from frontdesk.tickets.forms import (
    BUILT_IN_VIEWS,
    DEFAULT_FILTERS,
    AssigneeForm,
    BulkAssignForm,
    BulkStatusForm,
    NoteForm,
    ReplyForm,
    StatusForm,
    TicketTagsForm,
    TicketViewForm,
    TicketViewRenameForm,
    TriageCorrectionForm,
    ticket_filter_read,
)
from frontdesk.tickets.models import Ticket, TicketView
from frontdesk.tickets.reply_filters import reply_text_prepare
from frontdesk.tickets.selectors import (
    access_attachment,
    access_ticket_by_id,
    access_ticket_view_by_id,
    customer_tickets,
    ticket_count,
    ticket_list,
    ticket_messages_since,
    ticket_newest_message_id,
    ticket_tags_in_use,
    ticket_thread,
    ticket_view_changeable,
    ticket_views_for,
    ticket_watchers,
)
from frontdesk.tickets.services import (
    ticket_custom_set,
    ticket_note,
    ticket_reply,
    ticket_tags_set,
    ticket_view_create,
    ticket_view_delete,
    ticket_view_move,
    ticket_view_update,
    ticket_watch,
)
from frontdesk.tickets.tone_selectors import ToneHeld, reply_tone_check

PAGE_SIZE = 50


def ticket_for_page(request: HttpRequest, ticket_id: int) -> Ticket:
    """The ticket a desk page is about, or 404 when it is missing or not the agent's to see."""
    return access_ticket_by_id(actor=request_agent(request), ticket_id=ticket_id)


def _list_query(request: HttpRequest, agent: User) -> tuple[str, str]:
    """The filters the list shows as a query string, and the key of the view they come from
    ("" when the agent chose them on the page)."""
    key = request.GET.get("view", "")
    if key in BUILT_IN_VIEWS:
        return BUILT_IN_VIEWS[key][1], key
    view_id = whole_number(key)
    if view_id:
        return access_ticket_view_by_id(actor=agent, view_id=view_id).query, key
    chosen = request.GET.copy()
    for name in ("page", "view"):
        chosen.pop(name, None)
    return chosen.urlencode(), ""


def _view_items(agent: User, current: str) -> list[dict[str, object]]:
    """The sidebar's views, built-in ones first, each with its count."""
    items: list[dict[str, object]] = [
        {"key": key, "name": name, "query": query, "team": None, "mine": False}
        for key, (name, query) in BUILT_IN_VIEWS.items()
    ]
    items += [
        {
            "key": str(view.pk),
            "name": view.name,
            "query": view.query,
            "team": view.team,
            "mine": view.team_id is None,
        }
        for view in ticket_views_for(actor=agent)
    ]
    for item in items:
        filters = ticket_filter_read(str(item["query"]))[1]
        item["count"] = ticket_count(actor=agent, filters=filters)
        item["current"] = item["key"] == current
    return items


@login_required
def ticket_list_page(request: HtmxHttpRequest) -> HttpResponse:
    """Every ticket the agent may see, filtered and paged, beside the agent's saved views with
    their counts; htmx refreshes just the table, or just the views."""
    agent = request_agent(request)
    filter_query, current = _list_query(request, agent)
    context: dict[str, object] = {"current_view": current, "filter_query": filter_query}
    if request.htmx and request.htmx.target == "ticket-views":
        context["views"] = _view_items(agent, current)
        return render(request, "tickets/_view_list.html", context)
    form, filters = ticket_filter_read(filter_query)
    tickets = ticket_list(actor=agent, filters=filters)
    page, others = page_of(request, tickets, PAGE_SIZE, estimate=True)
    definitions = field_definitions(target=FieldTarget.TICKET)
    context.update(
        {
            "form": form,
            "page": page,
            "query": others,
            "custom_definitions": definitions,
        }
    )
    if request.htmx:
        return render(request, "tickets/_list_table.html", context)
    context["custom_filter_form"] = CustomFilterForm(
        QueryDict(filter_query), definitions=definitions
    )
    context["tag_suggestions"] = ticket_tags_in_use()
    context["views"] = _view_items(agent, current)
    context["bulk_assign_form"] = BulkAssignForm()
    context["bulk_status_form"] = BulkStatusForm()
    context["view_form"] = TicketViewForm(
        initial={"query": filter_query or DEFAULT_FILTERS}, lead=agent.is_lead
    )
    return render(request, "tickets/list.html", context)


@login_required
def ticket_views_page(request: HttpRequest) -> HttpResponse:
    """The agent's saved views, to rename, reorder or remove."""
    agent = request_agent(request)
    views = [
        {
            "view": view,
            "form": TicketViewRenameForm(initial={"name": view.name}, auto_id=f"view{view.pk}_%s"),
            "editable": ticket_view_changeable(actor=agent, view=view),
        }
        for view in ticket_views_for(actor=agent)
    ]
    return render(request, "tickets/views.html", {"views": views})


def _view_for_page(request: HttpRequest, view_id: int) -> TicketView:
    return access_ticket_view_by_id(actor=request_agent(request), view_id=view_id)


@login_required
@require_POST
def ticket_view_create_page(request: HttpRequest) -> HttpResponse:
    """Save the list's current filters as a view, and open it."""
    agent = request_agent(request)
    form = TicketViewForm(request.POST, lead=agent.is_lead)
    if form.is_valid():
        try:
            view = ticket_view_create(
                actor=agent,
                name=form.cleaned_data["name"],
                query=form.cleaned_data["query"],
                team=form.cleaned_data.get("team"),
            )
        except Invalid as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("View “%(name)s” saved.") % {"name": view.name})
            return redirect(f"{reverse('tickets:list')}?view={view.pk}")
    return render(request, "tickets/view_new.html", {"view_form": form}, status=400)


@login_required
@require_POST
def ticket_view_rename_page(request: HttpRequest, view_id: int) -> HttpResponse:
    """Give a view another name."""
    view = _view_for_page(request, view_id)
    form = TicketViewRenameForm(request.POST)
    if form.is_valid():
        try:
            ticket_view_update(
                actor=request_agent(request), view=view, name=form.cleaned_data["name"]
            )
        except Invalid as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("A view needs a name."))
    return redirect("tickets:views")


@login_required
@require_POST
def ticket_view_up_page(request: HttpRequest, view_id: int) -> HttpResponse:
    """Move a view one place up in its list."""
    ticket_view_move(actor=request_agent(request), view=_view_for_page(request, view_id), offset=-1)
    return redirect("tickets:views")


@login_required
@require_POST
def ticket_view_down_page(request: HttpRequest, view_id: int) -> HttpResponse:
    """Move a view one place down in its list."""
    ticket_view_move(actor=request_agent(request), view=_view_for_page(request, view_id), offset=1)
    return redirect("tickets:views")


@login_required
@require_POST
def ticket_view_delete_page(request: HttpRequest, view_id: int) -> HttpResponse:
    """Remove a view."""
    view = _view_for_page(request, view_id)
    ticket_view_delete(actor=request_agent(request), view=view)
    messages.success(request, _("View “%(name)s” removed.") % {"name": view.name})
    return redirect("tickets:views")


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
        "timeline": customer_timeline(
            customer=customer, limit=TIMELINE_SIDEBAR_LENGTH, actor=request_agent(request)
        ),
        "other_tickets": customer_tickets(
            customer=customer, open_only=True, actor=request_agent(request)
        ).exclude(pk=ticket.pk)[:10],
        "reply_form": forms.get("reply_form")
        or ReplyForm(initial={"seen_message_id": ticket_newest_message_id(ticket=ticket)}),
        "note_form": forms.get("note_form") or NoteForm(),
        "status_form": StatusForm(initial={"status": ticket.status}),
        "assignee_form": AssigneeForm(initial={"assignee": ticket.assignee_id}),
        "triage_form": TriageCorrectionForm(
            initial={"level": ticket.level, "quick_win": ticket.quick_win}
        ),
        "tags_form": forms.get("tags_form") or TicketTagsForm(),
        "tag_suggestions": ticket_tags_in_use(),
        "watching_poll": WATCHING_POLL_SECONDS,
        **_custom_context(ticket, forms.get("custom_form")),
    }


def _custom_context(ticket: Ticket, form: object) -> dict[str, object]:
    """The ticket's "Details" card: its custom values and the form that edits them."""
    return custom_card_context(
        target=FieldTarget.TICKET,
        values=ticket.custom,
        action=reverse("tickets:custom", kwargs={"ticket_id": ticket.pk}),
        card_id="ticket-custom",
        title=_("Details"),
        form=form,
    )


@login_required
@require_POST
def ticket_custom_page(request: HtmxHttpRequest, ticket_id: int) -> HttpResponse:
    """Save the ticket's custom fields; htmx swaps just the "Details" card, with any error
    next to its field."""
    ticket = ticket_for_page(request, ticket_id)
    definitions = field_definitions(target=FieldTarget.TICKET)
    form: CustomValuesForm | None = CustomValuesForm(request.POST, definitions=definitions)
    if form is not None and form.is_valid():
        try:
            ticket_custom_set(ticket=ticket, values=form.values(), actor=request_agent(request))
        except FieldInvalid as error:
            name = "cf_" + error.field
            form.add_error(name if name in form.fields else None, str(error))
        else:
            form = None
    context = ticket_detail_context(request, ticket, custom_form=form)
    if request.htmx:
        return render(request, "customers/_custom_values.html", context)
    if form is None:
        return redirect("tickets:detail", ticket_id=ticket.pk)
    return render(request, "tickets/detail.html", context, status=400)


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
                seen_message_id=form.cleaned_data["seen_message_id"],
                tone_check=not form.cleaned_data["tone_accepted"],
            )
        except Conflict:
            return _reply_held(request, ticket, form)
        except ToneHeld as held:
            context = ticket_detail_context(request, ticket, reply_form=form)
            # A browser cannot be handed files back: the agent attaches them again.
            context["tone_held"] = {
                "warnings": held.warnings,
                "had_files": bool(form.cleaned_data["attachments"]),
            }
            return render(request, "tickets/detail.html", context, status=400)
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


def _reply_held(request: HttpRequest, ticket: Ticket, form: ReplyForm) -> HttpResponse:
    """The ticket page again with the messages that arrived since the agent opened it marked
    new, and their reply kept, to send anyway (as having seen them) or to revise."""
    newer = list(
        ticket_messages_since(ticket=ticket, seen_message_id=form.cleaned_data["seen_message_id"])
    )
    data = request.POST.copy()
    data["seen_message_id"] = str(newer[-1].pk if newer else form.cleaned_data["seen_message_id"])
    context = ticket_detail_context(request, ticket, reply_form=ReplyForm(data))
    context["held"] = {
        "message_ids": {message.pk for message in newer},
        "count": len(newer),
        # A browser cannot be handed files back: the agent attaches them again.
        "had_files": bool(form.cleaned_data["attachments"]),
    }
    return render(request, "tickets/detail.html", context, status=409)


@login_required
@require_POST
def ticket_reply_check_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """The tone check of the reply being written (htmx, while the agent types): where it may
    read badly, or nothing."""
    ticket = ticket_for_page(request, ticket_id)
    text = request.POST.get("body", "")[:BODY_LENGTH]
    warnings = (
        reply_tone_check(text=text, language=ticket.language, level=ticket.level, tone=ticket.tone)
        if text.strip()
        else []
    )
    return render(request, "tickets/_tone_warnings.html", {"warnings": warnings})


@login_required
@require_POST
def ticket_watch_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """Record that the agent has the ticket open (or is typing a reply: `typing=1`), and
    answer with who else has; nothing (204) when that is what the page already shows."""
    ticket = ticket_for_page(request, ticket_id)
    agent = request_agent(request)
    typing = request.POST.get("typing") == "1"
    ticket_watch(ticket=ticket, agent=agent, typing=typing)
    if typing:
        return HttpResponse(status=204)
    watchers = ticket_watchers(ticket=ticket, agent=agent)
    shown = hashlib.sha256(repr(watchers).encode()).hexdigest()[:16]
    if request.POST.get("shown") == shown:
        return HttpResponse(status=204)
    rows = [
        {"name": format_html("<bdi>{}</bdi>", watcher.name), "typing": watcher.typing}
        for watcher in watchers
    ]
    return render(request, "tickets/_watchers.html", {"watchers": rows, "shown": shown})


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
