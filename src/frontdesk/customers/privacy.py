"""A customer's data on request: everything the desk holds about them as JSON (the export), and
its erasure. Apps above customers add their parts of the export through `exports.py` and erase
what they hold in a receiver of `customer_erasing`; this module does the customer's own rows and
the order: anonymise, tell every app, record — in one transaction, so an erasure is whole or
not at all."""

from __future__ import annotations

import secrets
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.audit.privacy import audit_labels_replace
from frontdesk.audit.services import audit_record
from frontdesk.core.errors import Invalid
from frontdesk.customers.exports import erasure_counts, export_parts
from frontdesk.customers.models import Customer, Interaction, Tag
from frontdesk.customers.signals import customer_erasing
from frontdesk.engine.text import fold
from frontdesk.mail.privacy import mail_erase

EXPORT_FORMAT = "frontdesk.customer-export/1"
# Customers one run of the silent-customers job erases; the next run takes the rest.
SILENT_ERASE_BATCH = 50


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def erased_name(customer_id: int) -> str:
    """What an erased customer is called from then on."""
    return f"Erased customer #{customer_id}"


def customer_export(
    *, customer: Customer, actor: User | None, remote_addr: str | None = None
) -> dict[str, Any]:
    """Everything the desk holds about this customer, as JSON-ready data; the export is
    recorded in the audit trail."""
    merged = list(Customer.objects.filter(merged_into=customer).order_by("pk"))
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "customer": {
            "id": customer.pk,
            "name": customer.name,
            "organisation": customer.organisation,
            "preferred_language": customer.preferred_language,
            "key_customer": customer.is_key,
            "first_seen": _when(customer.first_seen),
            "created_at": _when(customer.created_at),
            "erased_at": _when(customer.erased_at),
            "notes": customer.notes,
            "tags": [tag.name for tag in customer.tags.all()],
            "custom_fields": customer.custom,
            "merged_records": [{"id": c.pk, "name": c.name, "notes": c.notes} for c in merged],
        },
        "identities": [
            {
                "kind": identity.kind,
                "value": identity.display,
                "primary": identity.is_primary,
                "added_at": _when(identity.created_at),
            }
            for identity in customer.identities.all()
        ],
        "timeline": [
            {
                "kind": entry.kind,
                "direction": entry.direction,
                "at": _when(entry.occurred_at),
                "summary": entry.summary,
                "agent": entry.agent.username if entry.agent else None,
                "ticket_id": entry.ticket_id,
            }
            for entry in Interaction.objects.filter(customer=customer)
            .select_related("agent")
            .order_by("occurred_at", "pk")
        ],
        **export_parts(customer=customer),
    }
    audit_record(
        actor=actor,
        action="export",
        obj=customer,
        detail={"parts": sorted(data)},
        remote_addr=remote_addr,
    )
    return data


def erasure_plan(*, customer: Customer) -> dict[str, int]:
    """What an erasure of this customer would change, counted; nothing is changed. Apps above
    add theirs (tickets: "tickets", "open_tickets")."""
    return {
        "identities": customer.identities.count(),
        "timeline": customer.interactions.count(),
        "merged_records": Customer.objects.filter(merged_into=customer).count(),
        **erasure_counts(customer=customer),
    }


def customer_erase(
    *, customer: Customer, actor: User | None, remote_addr: str | None = None
) -> dict[str, int]:
    """Erase what the desk holds about this customer, whole or not at all: the record is
    anonymised, their addresses, notes, fields and tags go, every app erases its part (ticket
    texts, attachments and their files, raw mail, comments, recordings); counts, times and
    levels stay for the figures. How many of each thing went, as the audit trail records it."""
    with transaction.atomic():
        locked = Customer.objects.select_for_update().filter(pk=customer.pk).first()
        if locked is None:
            raise Invalid("There is no such customer.")
        if locked.merged_into_id is not None:
            raise Invalid(
                f"Customer #{locked.pk} was merged into #{locked.merged_into_id}; erase that one."
            )
        counts: Counter[str] = Counter()
        # Records merged into this one earlier are the same person: erased with it.
        for record in [*Customer.objects.filter(merged_into=locked).order_by("pk"), locked]:
            counts.update(_erase_one(record))
        counts["merged_records"] = Customer.objects.filter(merged_into=locked).count()
        detail = dict(sorted(counts.items()))
        audit_record(
            actor=actor, action="erase", obj=locked, detail=detail, remote_addr=remote_addr
        )
    customer.refresh_from_db()
    return detail


def _erase_one(customer: Customer) -> Counter[str]:
    counts: Counter[str] = Counter()
    addresses = list(customer.identities.values_list("value", flat=True))
    counts["identities"] = customer.identities.all().delete()[0]
    tag_ids = list(customer.tags.values_list("pk", flat=True))
    customer.tags.clear()
    counts["tags"] = len(tag_ids)
    # A tag nobody else carries could name them ("smith-family"): it goes too.
    Tag.objects.filter(pk__in=tag_ids, customers__isnull=True).delete()
    counts["timeline"] = customer.interactions.update(summary="")
    name = erased_name(customer.pk)
    customer.name = name
    customer.organisation = ""
    customer.notes = ""
    customer.custom = {}
    customer.custom_folded = {}
    customer.search_text = fold(name)
    customer.portal_key = secrets.token_hex(8)  # every portal link sent stops working
    customer.erased_at = timezone.now()
    customer.save(
        update_fields=[
            "name",
            "organisation",
            "notes",
            "custom",
            "custom_folded",
            "search_text",
            "portal_key",
            "erased_at",
            "updated_at",
        ]
    )
    # Each app erases its part; a receiver answers {what: how many}.
    for _receiver, answer in customer_erasing.send(
        sender=Customer, customer=customer, addresses=addresses
    ):
        if isinstance(answer, dict):
            counts.update(answer)
    mailed = mail_erase(addresses=addresses)
    counts["mail_in"] += mailed.inbound
    counts["mail_out"] += mailed.outbound
    counts["audit_labels"] += audit_labels_replace(
        object_type="customer", labels={customer.pk: name}
    )
    return counts


def customers_silent(*, now: datetime, days: int) -> QuerySet[Customer]:
    """Customers not yet erased whose last contact (or first sighting, with none) is more than
    `days` ago, oldest first."""
    before = now - timedelta(days=days)
    return (
        Customer.objects.filter(erased_at__isnull=True, merged_into__isnull=True)
        .annotate(last_contact=Max("interactions__occurred_at"))
        .filter(Q(last_contact__lt=before) | Q(last_contact__isnull=True, first_seen__lt=before))
        .order_by("pk")
    )


def customers_silent_erase(*, now: datetime, batch: int = SILENT_ERASE_BATCH) -> int:
    """Erase up to `batch` customers silent for longer than FRONTDESK_ERASE_SILENT_DAYS (none
    when it is 0), each in its own transaction and recorded; how many."""
    days = settings.ERASE_SILENT_DAYS
    if not days:
        return 0
    doomed = list(customers_silent(now=now, days=days)[:batch])
    for customer in doomed:
        customer_erase(customer=customer, actor=None)
    return len(doomed)
