"""Macros on the agent's pages (the reply box's picker and its preview, expanding /codes, the
one-click holding reply) and the lead's settings pages for them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid, NotFound
from frontdesk.core.http import safe_next
from frontdesk.core.settings_menu import read_only, settings_page
from frontdesk.macros.forms import MacroFilterForm, MacroForm
from frontdesk.macros.models import Macro
from frontdesk.macros.selectors import (
    access_macro_by_id,
    macros_by_code,
    macros_for_settings,
)
from frontdesk.macros.services import (
    holding_reply_send,
    macro_create,
    macro_delete,
    macro_expand,
    macro_preview,
    macro_render,
    macro_update,
)
from frontdesk.macros.set_selectors import macro_picker_options
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


def _language_name(code: str) -> str:
    """A macro's language as the agent reads it ("Hungarian"), or its code when Django has none."""
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


@login_required
@require_GET
def picker(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """The picker's options (`macro_picker_options`), each not in the customer's language
    marked with its language."""
    ticket = ticket_for_page(request, ticket_id)
    language = ticket.language or ticket.customer.preferred_language
    options = [
        {
            "macro": option.macro,
            "set_name": option.set_name,
            "suggested": option.suggested,
            "language_name": ""
            if option.macro.language in {"", language}
            else _language_name(option.macro.language),
        }
        for option in macro_picker_options(
            ticket=ticket, language=language, query=request.GET.get("q", "")
        )
    ]
    return render(request, "macros/_picker_options.html", {"ticket": ticket, "options": options})


@login_required
@require_GET
def preview(request: HttpRequest, ticket_id: int, macro_id: int) -> HttpResponse:
    """The macro's text as it would be sent on this ticket by this agent."""
    ticket = ticket_for_page(request, ticket_id)
    try:
        macro: Macro = access_macro_by_id(macro_id=macro_id)
    except NotFound as error:
        raise Http404(str(error)) from error
    if not macro.active:
        raise Http404("Macro not found.")
    try:
        text = macro_render(macro=macro, ticket=ticket, agent=request_agent(request))
        problem = ""
    except Invalid as error:
        text, problem = "", str(error)
    return render(
        request,
        "macros/_picker_preview.html",
        {"macro": macro, "text": text, "problem": problem},
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


@settings_page("macros")
def settings_list_page(request: HttpRequest) -> HttpResponse:
    """The desk's macros by code, each code's languages together; filtered by language or words."""
    form = MacroFilterForm(request.GET or None)
    language = query = None
    if form.is_bound and form.is_valid():
        language = form.cleaned_data["language"] or None
        query = form.cleaned_data["q"]
    macros = macros_for_settings(language=language, query=query or "")
    return render(
        request,
        "macros/settings_list.html",
        {"form": form, "codes": macros_by_code(macros), "filtered": bool(language or query)},
    )


def _macro_form_page(
    request: HttpRequest, *, form: MacroForm, macro: Macro | None, status: int = 200
) -> HttpResponse:
    if not request.settings_can_edit:  # type: ignore[attr-defined]
        read_only(form)
    text = form.data.get("text", "") if form.is_bound else (macro.text if macro else "")
    return render(
        request,
        "macros/settings_form.html",
        {"form": form, "macro": macro, "preview": _preview(text, request_agent(request))},
        status=status,
    )


def _preview(text: str, agent: User) -> dict[str, str]:
    try:
        return {"text": macro_preview(text=text, agent=agent)}
    except Invalid as error:
        return {"error": str(error)}


@settings_page("macros")
def settings_add_page(request: HttpRequest) -> HttpResponse:
    """A lead adds a macro; `?code=` starts another language of an existing code."""
    if request.method != "POST":
        form = MacroForm(initial={"code": request.GET.get("code", ""), "active": True})
        return _macro_form_page(request, form=form, macro=None)
    form = MacroForm(request.POST)
    if form.is_valid():
        try:
            macro = macro_create(actor=request_agent(request), fields=form.macro_fields())
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Macro /%(code)s added.") % {"code": macro.code})
            return redirect("macros:settings_edit", macro_id=macro.pk)
    return _macro_form_page(request, form=form, macro=None, status=400)


def _macro_or_404(macro_id: int) -> Macro:
    return access_macro_by_id(macro_id=macro_id)


@settings_page("macros")
def settings_edit_page(request: HttpRequest, macro_id: int) -> HttpResponse:
    """A lead changes a macro, seeing its text as a customer would and its recent changes."""
    macro = _macro_or_404(macro_id)
    if request.method != "POST":
        return _macro_form_page(request, form=MacroForm(macro=macro), macro=macro)
    form = MacroForm(request.POST, macro=macro)
    if form.is_valid():
        try:
            macro_update(actor=request_agent(request), macro=macro, fields=form.macro_fields())
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Macro /%(code)s saved.") % {"code": macro.code})
            return redirect("macros:settings_edit", macro_id=macro.pk)
    return _macro_form_page(request, form=form, macro=macro, status=400)


@settings_page("macros")
@require_POST
def settings_delete_page(request: HttpRequest, macro_id: int) -> HttpResponse:
    """A lead deletes a macro for good."""
    macro = _macro_or_404(macro_id)
    macro_delete(actor=request_agent(request), macro=macro)
    messages.success(request, _("Macro /%(code)s deleted.") % {"code": macro.code})
    return redirect("macros:settings")


@settings_page("macros")
@require_POST
def settings_preview_page(request: HttpRequest) -> HttpResponse:
    """The macro's text as a customer would read it, while the lead types (htmx)."""
    preview = _preview(request.POST.get("text", ""), request_agent(request))
    return render(request, "macros/_preview.html", {"preview": preview})
