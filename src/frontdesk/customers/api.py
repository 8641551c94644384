"""Customers and their timeline over the API."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.schemas import ErrorOut, Page, RowId
from frontdesk.customers.field_selectors import custom_params
from frontdesk.customers.field_services import customer_custom_set
from frontdesk.customers.models import Customer, Interaction
from frontdesk.customers.schemas import (
    CustomerFilterIn,
    CustomerOut,
    CustomerUpdateIn,
    InteractionOut,
)
from frontdesk.customers.selectors import access_customer_by_id, customer_list, customer_timeline

router = Router(tags=["customers"])


@router.get("", response={200: list[CustomerOut], 400: ErrorOut})
@paginate(Page)
def list_customers(request: HttpRequest, filters: Query[CustomerFilterIn]) -> QuerySet[Customer]:
    """Customers by name, or matching a search. Custom fields filter too, as tickets' do:
    `cf_<key>=value`, `cf_<key>__min=`, `cf_<key>__max=`."""
    return customer_list(
        query=filters.q,
        key_only=bool(filters.key),
        custom=custom_params(request),
        custom_strict=True,
    )


@router.get("/{customer_id}", response={200: CustomerOut, 404: ErrorOut})
def get_customer(request: HttpRequest, customer_id: RowId) -> Customer:
    """One customer with identities, tags and notes."""
    return access_customer_by_id(actor=request_agent(request), customer_id=customer_id)


@router.patch("/{customer_id}", response={200: CustomerOut, 400: ErrorOut, 404: ErrorOut})
def update_customer(
    request: HttpRequest, customer_id: RowId, payload: CustomerUpdateIn
) -> Customer:
    """Change a customer's custom fields (only those named; null clears one)."""
    agent = request_agent(request)
    customer = access_customer_by_id(actor=agent, customer_id=customer_id)
    if payload.custom:
        customer_custom_set(customer=customer, values=payload.custom)
    return access_customer_by_id(actor=agent, customer_id=customer_id)


@router.get("/{customer_id}/timeline", response={200: list[InteractionOut], 404: ErrorOut})
@paginate(Page)
def get_customer_timeline(request: HttpRequest, customer_id: RowId) -> QuerySet[Interaction]:
    """Every contact with the customer, newest first, across channels."""
    customer = access_customer_by_id(actor=request_agent(request), customer_id=customer_id)
    return customer_timeline(customer=customer)
