"""Customers and their timeline over the API."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja import Status as Answer
from ninja.pagination import paginate

from frontdesk.accounts.auth import LeadToken
from frontdesk.accounts.selectors import request_agent
from frontdesk.audit.constants import VIEW_WINDOW
from frontdesk.audit.services import audit_record_once
from frontdesk.core.pagination import KeysetPage
from frontdesk.core.schemas import ErrorOut, Page, RowId
from frontdesk.customers.audit import customer_fields_audit
from frontdesk.customers.field_selectors import (
    access_field_definition_by_id,
    custom_params,
    field_definition_list,
)
from frontdesk.customers.field_services import (
    customer_custom_set,
    field_definition_delete,
    field_definition_save,
)
from frontdesk.customers.models import Customer, FieldDefinition, Interaction
from frontdesk.customers.schemas import (
    CustomerFilterIn,
    CustomerOut,
    CustomerUpdateIn,
    FieldDefinitionIn,
    FieldDefinitionOut,
    FieldDefinitionUpdateIn,
    FieldFilterIn,
    InteractionOut,
)
from frontdesk.customers.selectors import access_customer_by_id, customer_list, customer_timeline

router = Router(tags=["customers"])


@router.get("", response={200: list[CustomerOut], 400: ErrorOut})
@paginate(KeysetPage)
def list_customers(request: HttpRequest, filters: Query[CustomerFilterIn]) -> QuerySet[Customer]:
    """Customers by name, or matching a search (best first). `limit` and `offset` page through
    them, or `after` (the `next` of the page before); `count` is an estimate past 10,000
    (`count_is_estimate`). Custom fields filter too, as tickets' do:
    `cf_<key>=value`, `cf_<key>__min=`, `cf_<key>__max=`."""
    return customer_list(
        query=filters.q,
        key_only=bool(filters.key),
        custom=custom_params(request),
        custom_strict=True,
        actor=request_agent(request),
    )


@router.get("/{customer_id}", response={200: CustomerOut, 404: ErrorOut})
def get_customer(request: HttpRequest, customer_id: RowId) -> Customer:
    """One customer with identities, tags and notes."""
    customer = access_customer_by_id(actor=request_agent(request), customer_id=customer_id)
    audit_record_once(actor=request.user, action="view_customer", obj=customer, within=VIEW_WINDOW)
    return customer


@router.patch("/{customer_id}", response={200: CustomerOut, 400: ErrorOut, 404: ErrorOut})
def update_customer(
    request: HttpRequest, customer_id: RowId, payload: CustomerUpdateIn
) -> Customer:
    """Change a customer's custom fields (only those named; null clears one)."""
    agent = request_agent(request)
    customer = access_customer_by_id(actor=agent, customer_id=customer_id)
    if payload.custom:
        before = dict(customer.custom)
        customer_custom_set(customer=customer, values=payload.custom)
        customer_fields_audit(actor=request.user, customer=customer, before=before)
    return access_customer_by_id(actor=agent, customer_id=customer_id)


@router.get("/{customer_id}/timeline", response={200: list[InteractionOut], 404: ErrorOut})
@paginate(Page)
def get_customer_timeline(request: HttpRequest, customer_id: RowId) -> QuerySet[Interaction]:
    """Every contact with the customer, newest first, across channels."""
    agent = request_agent(request)
    customer = access_customer_by_id(actor=agent, customer_id=customer_id)
    audit_record_once(actor=request.user, action="view_customer", obj=customer, within=VIEW_WINDOW)
    return customer_timeline(customer=customer, actor=agent)


# The desk's custom fields, at /custom-fields: settings, which a lead's or admin's token changes.
fields_router = Router(tags=["settings"], auth=LeadToken())


@fields_router.get("", response=list[FieldDefinitionOut])
def list_custom_fields(
    request: HttpRequest, filters: Query[FieldFilterIn]
) -> list[FieldDefinition]:
    """Every custom field, active or not, tickets' then customers', each in the lead's order."""
    return [d for d in field_definition_list() if filters.target in ("", d.target)]


@fields_router.post("", response={201: FieldDefinitionOut, 400: ErrorOut})
def create_custom_field(
    request: HttpRequest, payload: FieldDefinitionIn
) -> Answer[FieldDefinition]:
    """Define a custom field for tickets or customers."""
    made = field_definition_save(actor=request_agent(request), **payload.model_dump())
    return Answer(201, made)


@fields_router.get("/{field_id}", response={200: FieldDefinitionOut, 404: ErrorOut})
def get_custom_field(request: HttpRequest, field_id: RowId) -> FieldDefinition:
    """One custom field."""
    return access_field_definition_by_id(actor=request_agent(request), definition_id=field_id)


@fields_router.patch(
    "/{field_id}", response={200: FieldDefinitionOut, 400: ErrorOut, 404: ErrorOut}
)
def update_custom_field(
    request: HttpRequest, field_id: RowId, payload: FieldDefinitionUpdateIn
) -> FieldDefinition:
    """Change a custom field; its target and key stay. A change of kind or choices that would
    convert or drop values answers 400 saying how many, unless `confirm` is true."""
    agent = request_agent(request)
    definition = access_field_definition_by_id(actor=agent, definition_id=field_id)
    given = payload.model_dump(exclude_unset=True, exclude_none=True)
    current = {
        "label": definition.label,
        "labels": definition.labels,
        "kind": definition.kind,
        "choices": definition.choices,
        "required": definition.required,
        "position": definition.position,
        "active": definition.active,
    }
    return field_definition_save(actor=agent, definition=definition, **{**current, **given})


@fields_router.delete("/{field_id}", response={204: None, 404: ErrorOut})
def delete_custom_field(request: HttpRequest, field_id: RowId) -> Answer[None]:
    """Remove a custom field and the values tickets or customers hold in it."""
    agent = request_agent(request)
    definition = access_field_definition_by_id(actor=agent, definition_id=field_id)
    field_definition_delete(actor=agent, definition=definition)
    return Answer(204, None)
