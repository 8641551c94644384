"""What the customers' pages and API put on the audit trail beyond their services' own."""

from __future__ import annotations

from typing import Any

from frontdesk.audit.services import audit_changes, audit_record
from frontdesk.customers.models import Customer


def customer_fields_audit(*, actor: Any, customer: Customer, before: dict[str, Any]) -> None:
    """Put a change of the customer's custom fields on record: which ones changed, not their
    values (what a customer is stays out of the trail, as their name does)."""
    if changes := audit_changes(before, customer.custom):
        keys = [change["key"] for change in changes]
        audit_record(actor=actor, action="fields", obj=customer, detail={"keys": keys})
