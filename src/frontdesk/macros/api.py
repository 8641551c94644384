"""Macros over the API, for leads and admins to keep (an agent's token may read them)."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router
from ninja import Status as Answer
from ninja.pagination import paginate

from frontdesk.accounts.auth import LeadToken
from frontdesk.accounts.selectors import agent_list, request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.schemas import ErrorOut, Page, RowId
from frontdesk.macros.models import Macro, MacroSet
from frontdesk.macros.schemas import (
    MacroFilterIn,
    MacroIn,
    MacroOut,
    MacroPatchIn,
    MacroSetIn,
    MacroSetOut,
    MacroSetPatchIn,
)
from frontdesk.macros.selectors import access_macro_by_id, macros_for_settings
from frontdesk.macros.services import MacroFields, macro_create, macro_delete, macro_update
from frontdesk.macros.set_selectors import access_macro_set_by_id, macro_set_list
from frontdesk.macros.set_services import (
    MacroSetFields,
    macro_set_create,
    macro_set_delete,
    macro_set_update,
)

router = Router(tags=["macros", "settings"], auth=LeadToken())

# The API's names for the macro's fields, where they differ from the model's.
RENAMED = {"title": "name", "body": "text", "set_assignee_id": "set_assignee"}


def _fields(values: dict[str, Any]) -> MacroFields:
    values = {RENAMED.get(name, name): value for name, value in values.items()}
    assignee_id = values.get("set_assignee")
    if isinstance(assignee_id, int):
        values["set_assignee"] = agent_list().filter(pk=assignee_id).first()
        if values["set_assignee"] is None:
            raise Invalid(f"set_assignee_id: no active agent has the id {assignee_id}.")
    return MacroFields(**values)


@router.get("", response=list[MacroOut])
@paginate(Page)
def list_macros(request: HttpRequest, filters: Query[MacroFilterIn]) -> QuerySet[Macro]:
    """Every macro, active or not, by code and language; `language` and `q` narrow the list."""
    return macros_for_settings(language=filters.language, query=filters.q)


@router.post("", response={201: MacroOut, 400: ErrorOut})
def create_macro(request: HttpRequest, payload: MacroIn) -> Answer[Macro]:
    """Add a macro; 400 when the code is taken in that language or the body names a placeholder
    the desk cannot fill."""
    macro = macro_create(actor=request_agent(request), fields=_fields(payload.model_dump()))
    return Answer(201, macro)


@router.get("/{macro_id}", response={200: MacroOut, 404: ErrorOut})
def get_macro(request: HttpRequest, macro_id: RowId) -> Macro:
    """One macro."""
    return access_macro_by_id(macro_id=macro_id)


@router.patch("/{macro_id}", response={200: MacroOut, 400: ErrorOut, 404: ErrorOut})
def update_macro(request: HttpRequest, macro_id: RowId, payload: MacroPatchIn) -> Macro:
    """Change the fields given; the others stay."""
    macro = access_macro_by_id(macro_id=macro_id)
    current = MacroOut.from_orm(macro).model_dump()
    current.pop("id")
    fields = _fields(current | payload.model_dump(exclude_unset=True))
    return macro_update(actor=request_agent(request), macro=macro, fields=fields)


@router.delete("/{macro_id}", response={204: None, 404: ErrorOut})
def delete_macro(request: HttpRequest, macro_id: RowId) -> HttpResponse:
    """Remove a macro for good (PATCH `active: false` keeps it but stops offering it)."""
    macro_delete(actor=request_agent(request), macro=access_macro_by_id(macro_id=macro_id))
    return HttpResponse(status=204)


# Answer sets: macro codes offered first in the picker on tickets of some levels.
set_router = Router(tags=["macros", "settings"], auth=LeadToken())


@set_router.get("", response=list[MacroSetOut])
def list_macro_sets(request: HttpRequest) -> QuerySet[MacroSet]:
    """Every answer set, active or not, in the lead's order."""
    return macro_set_list()


@set_router.post("", response={201: MacroSetOut, 400: ErrorOut})
def create_macro_set(request: HttpRequest, payload: MacroSetIn) -> Answer[MacroSet]:
    """Add an answer set; 400 when the name is taken or a code has no macro."""
    fields = MacroSetFields(**payload.model_dump())
    return Answer(201, macro_set_create(actor=request_agent(request), fields=fields))


@set_router.get("/{set_id}", response={200: MacroSetOut, 404: ErrorOut})
def get_macro_set(request: HttpRequest, set_id: RowId) -> MacroSet:
    """One answer set."""
    return access_macro_set_by_id(set_id=set_id)


@set_router.patch("/{set_id}", response={200: MacroSetOut, 400: ErrorOut, 404: ErrorOut})
def update_macro_set(request: HttpRequest, set_id: RowId, payload: MacroSetPatchIn) -> MacroSet:
    """Change the fields given (`codes` in their new order); the others stay."""
    macro_set = access_macro_set_by_id(set_id=set_id)
    current = MacroSetOut.from_orm(macro_set).model_dump()
    current.pop("id")
    fields = MacroSetFields(**(current | payload.model_dump(exclude_unset=True)))
    return macro_set_update(actor=request_agent(request), macro_set=macro_set, fields=fields)


@set_router.delete("/{set_id}", response={204: None, 404: ErrorOut})
def delete_macro_set(request: HttpRequest, set_id: RowId) -> HttpResponse:
    """Remove an answer set; its macros stay."""
    macro_set = access_macro_set_by_id(set_id=set_id)
    macro_set_delete(actor=request_agent(request), macro_set=macro_set)
    return HttpResponse(status=204)
