"""The lead's custom-field settings: the fields of tickets and customers, one field's form."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import NotFound
from frontdesk.core.settings_menu import read_only, settings_page
from frontdesk.customers.choices import FieldTarget
from frontdesk.customers.field_selectors import (
    access_field_definition_by_id,
    field_definition_list,
)
from frontdesk.customers.field_services import (
    ConfirmNeeded,
    FieldInvalid,
    field_definition_delete,
    field_definition_save,
)
from frontdesk.customers.forms import FieldDefinitionForm, FieldDeleteForm
from frontdesk.customers.models import FieldDefinition

SECTION = "fields"


def _can_edit(request: HttpRequest) -> bool:
    return bool(getattr(request, "settings_can_edit", False))


def _save(
    request: HttpRequest, form: FieldDefinitionForm, definition: FieldDefinition | None
) -> FieldDefinition | None:
    """Save the form through the service, or put the service's objection next to its field."""
    if not form.is_valid():
        return None
    given = form.definition()
    try:
        return field_definition_save(
            actor=request_agent(request),
            definition=definition,
            **given,  # type: ignore[arg-type]
        )
    except ConfirmNeeded as error:
        # Ask again with the same values; the hidden yes goes with them this time.
        data = request.POST.copy()
        data["confirm"] = "True"
        form.data = data
        form.add_error("kind", str(error))
    except FieldInvalid as error:
        form.add_error(error.field if error.field in form.fields else None, str(error))
    return None


@settings_page(SECTION)
def field_settings_page(request: HttpRequest) -> HttpResponse:
    """Every custom field, tickets' and customers', and a form to add one."""
    form = FieldDefinitionForm(request.POST or None, initial={"target": FieldTarget.TICKET})
    status = 200
    if request.method == "POST":
        made = _save(request, form, None)
        if made is not None:
            messages.success(request, _("The field “%(label)s” was added.") % {"label": made.label})
            return redirect("fields:settings")
        status = 400
    if not _can_edit(request):
        read_only(form)
    definitions = field_definition_list()
    context = {
        "groups": [
            (label, [d for d in definitions if d.target == target])
            for target, label in FieldTarget.choices
        ],
        "form": form,
    }
    return render(request, "customers/field_settings.html", context, status=status)


def _definition(request: HttpRequest, definition_id: int) -> FieldDefinition:
    try:
        return access_field_definition_by_id(
            actor=request_agent(request), definition_id=definition_id
        )
    except NotFound as error:
        raise Http404(str(error)) from error


def _edit_render(
    request: HttpRequest,
    definition: FieldDefinition,
    form: FieldDefinitionForm,
    delete_form: FieldDeleteForm,
    status: int = 200,
) -> HttpResponse:
    if not _can_edit(request):
        read_only(form)
        read_only(delete_form)
    return render(
        request,
        "customers/field_edit.html",
        {"definition": definition, "form": form, "delete_form": delete_form},
        status=status,
    )


@settings_page(SECTION)
def field_edit_page(request: HttpRequest, definition_id: int) -> HttpResponse:
    """One custom field's form; a change that converts or drops kept values asks first."""
    definition = _definition(request, definition_id)
    initial = FieldDefinitionForm.initial_of(definition)
    if request.method != "POST":
        form = FieldDefinitionForm(initial=initial, editing=True)
        return _edit_render(request, definition, form, FieldDeleteForm())
    form = FieldDefinitionForm(request.POST, initial=initial, editing=True)
    if _save(request, form, definition) is not None:
        messages.success(request, _("Saved."))
        return redirect("fields:settings")
    return _edit_render(request, definition, form, FieldDeleteForm(), status=400)


@settings_page(SECTION)
def field_delete_page(request: HttpRequest, definition_id: int) -> HttpResponse:
    """Remove a custom field and the values it holds, once the lead said yes."""
    definition = _definition(request, definition_id)
    form = FieldDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        dropped = field_definition_delete(actor=request_agent(request), definition=definition)
        messages.success(
            request,
            _("The field “%(label)s” was removed with %(count)d values.")
            % {"label": definition.label, "count": dropped},
        )
        return redirect("fields:settings")
    edit = FieldDefinitionForm(initial=FieldDefinitionForm.initial_of(definition), editing=True)
    status = 400 if request.method == "POST" else 200
    return _edit_render(request, definition, edit, form, status=status)
