"""Customers and their timeline over the API."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.schemas import ErrorOut, Page, RowId
from frontdesk.customers.models import Customer, Interaction
from frontdesk.customers.schemas import CustomerFilterIn, CustomerOut, InteractionOut
from frontdesk.customers.selectors import access_customer_by_id, customer_list, customer_timeline

router = Router(tags=["customers"])


@router.get("", response=list[CustomerOut])
@paginate(Page)
def list_customers(request: HttpRequest, filters: Query[CustomerFilterIn]) -> QuerySet[Customer]:
    """Customers by name, or matching a search."""
    return customer_list(query=filters.q, key_only=bool(filters.key))


@router.get("/{customer_id}", response={200: CustomerOut, 404: ErrorOut})
def get_customer(request: HttpRequest, customer_id: RowId) -> Customer:
    """One customer with identities, tags and notes."""
    return access_customer_by_id(actor=request_agent(request), customer_id=customer_id)


@router.get("/{customer_id}/timeline", response={200: list[InteractionOut], 404: ErrorOut})
@paginate(Page)
def get_customer_timeline(request: HttpRequest, customer_id: RowId) -> QuerySet[Interaction]:
    """Every contact with the customer, newest first, across channels."""
    customer = access_customer_by_id(actor=request_agent(request), customer_id=customer_id)
    return customer_timeline(customer=customer)
