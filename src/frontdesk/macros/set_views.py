"""The lead's settings pages for answer sets, in the macros' section."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.settings_menu import read_only, settings_page
from frontdesk.macros.models import MacroSet
from frontdesk.macros.set_forms import MacroSetForm
from frontdesk.macros.set_selectors import (
    access_macro_set_by_id,
    macro_names_by_code,
    macro_set_list,
)
from frontdesk.macros.set_services import macro_set_create, macro_set_delete, macro_set_update


@settings_page("macros")
def settings_sets_page(request: HttpRequest) -> HttpResponse:
    """The desk's answer sets, in order, each with its levels and its answers in order."""
    names = macro_names_by_code(language=translation.get_language() or "en")
    sets = [
        (macro_set, [(code, names.get(code, "")) for code in macro_set.codes or []])
        for macro_set in macro_set_list()
    ]
    return render(request, "macros/settings_sets.html", {"sets": sets})


def _set_form_page(
    request: HttpRequest, *, form: MacroSetForm, macro_set: MacroSet | None, status: int = 200
) -> HttpResponse:
    if not request.settings_can_edit:  # type: ignore[attr-defined]
        read_only(form)
    return render(
        request,
        "macros/settings_set_form.html",
        {"form": form, "macro_set": macro_set},
        status=status,
    )


@settings_page("macros")
def settings_set_add_page(request: HttpRequest) -> HttpResponse:
    """A lead adds an answer set."""
    if request.method != "POST":
        form = MacroSetForm(initial={"active": True, "levels": [], "position": 0})
        return _set_form_page(request, form=form, macro_set=None)
    form = MacroSetForm(request.POST)
    if form.is_valid():
        try:
            macro_set = macro_set_create(
                actor=request_agent(request), fields=form.macro_set_fields()
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Answer set “%(name)s” added.") % {"name": macro_set.name})
            return redirect("macros:settings_set_edit", set_id=macro_set.pk)
    return _set_form_page(request, form=form, macro_set=None, status=400)


@settings_page("macros")
def settings_set_edit_page(request: HttpRequest, set_id: int) -> HttpResponse:
    """A lead changes an answer set: its name, levels, and its answers and their order."""
    macro_set = access_macro_set_by_id(set_id=set_id)
    if request.method != "POST":
        form = MacroSetForm(macro_set=macro_set)
        return _set_form_page(request, form=form, macro_set=macro_set)
    form = MacroSetForm(request.POST, macro_set=macro_set)
    if form.is_valid():
        try:
            macro_set_update(
                actor=request_agent(request), macro_set=macro_set, fields=form.macro_set_fields()
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Answer set “%(name)s” saved.") % {"name": macro_set.name})
            return redirect("macros:settings_set_edit", set_id=macro_set.pk)
    return _set_form_page(request, form=form, macro_set=macro_set, status=400)


@settings_page("macros")
@require_POST
def settings_set_delete_page(request: HttpRequest, set_id: int) -> HttpResponse:
    """A lead deletes an answer set; its macros stay."""
    macro_set = access_macro_set_by_id(set_id=set_id)
    macro_set_delete(actor=request_agent(request), macro_set=macro_set)
    messages.success(request, _("Answer set “%(name)s” deleted.") % {"name": macro_set.name})
    return redirect("macros:settings_sets")
