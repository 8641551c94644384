"""What the customers' pages and API put on the audit trail beyond their services' own."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.urls import reverse

from frontdesk.audit.services import audit_changes, audit_record
from frontdesk.customers.models import Customer


def customer_fields_audit(*, actor: Any, customer: Customer, before: dict[str, Any]) -> None:
    """Put a change of the customer's custom fields on record: which ones changed, not their
    values (what a customer is stays out of the trail, as their name does)."""
    if changes := audit_changes(before, customer.custom):
        keys = [change["key"] for change in changes]
        audit_record(actor=actor, action="fields", obj=customer, detail={"keys": keys})


def customer_links(ids: Collection[str]) -> dict[str, str]:
    """The pages of those of the customers `ids` that still exist."""
    found = Customer.objects.filter(pk__in=[int(i) for i in ids if i.isdigit()])
    return {
        str(pk): reverse("customers:detail", args=[pk]) for pk in found.values_list("pk", flat=True)
    }
