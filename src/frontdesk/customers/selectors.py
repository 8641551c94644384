"""Reads for customers and their timeline."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.db.models import Count, Q, QuerySet

from frontdesk.accounts.models import User
from frontdesk.core.errors import NotFound
from frontdesk.core.search import among, rows_alike, search_filter, text_holds
from frontdesk.customers.choices import FieldTarget, IdentityKind
from frontdesk.customers.constants import PORTAL_SALT
from frontdesk.customers.field_selectors import custom_filter
from frontdesk.customers.models import Customer, CustomerIdentity, Interaction
from frontdesk.customers.visibility import customer_visible_q, interaction_visible_q
from frontdesk.engine.identities import Identity, IdentityError, normalise_phone
from frontdesk.engine.search import search_words


def customer_by_identity(*, kind: str, value: str) -> Customer | None:
    """The live customer an already-normalised identity belongs to, following merges."""
    # get(), not first(): first() orders by id, and SQLite then walks every identity in id order
    # instead of using the (kind, value) index.
    try:
        identity = CustomerIdentity.objects.select_related("customer").get(kind=kind, value=value)
    except CustomerIdentity.DoesNotExist:
        return None
    customer = identity.customer
    while customer.merged_into_id is not None:
        customer = Customer.objects.get(pk=customer.merged_into_id)
    return customer


def customer_by_identities(*, identities: Sequence[Identity]) -> Customer | None:
    """The live customer the first known of these normalised identities belongs to, with every
    identity of theirs loaded (`customer.identities.all()` asks nothing more), in one query."""
    if not identities:
        return None
    wanted = Q()
    for identity in identities:
        wanted |= Q(kind=identity.kind, value=identity.value)
    # One statement: the matching identities' customers joined, with all their identities. No
    # ORDER BY: SQLite would then walk the identities in that order instead of using the
    # indexes; they are put in the model's order here.
    rows = list(
        CustomerIdentity.objects.select_related("customer")
        .filter(customer_id__in=CustomerIdentity.objects.filter(wanted).values("customer_id"))
        .order_by()
    )
    by_value = {(row.kind, row.value): row for row in rows}
    found = next(
        (by_value[key] for key in ((i.kind, i.value) for i in identities) if key in by_value), None
    )
    if found is None:
        return None
    customer = found.customer
    if customer.merged_into_id is not None:
        # Merging moves identities to the survivor, so this is a record from before that.
        return customer_by_identity(kind=found.kind, value=found.value)
    theirs = sorted(
        (row for row in rows if row.customer_id == customer.pk),
        key=lambda row: (not row.is_primary, row.pk),
    )
    customer_identities_loaded(customer=customer, identities=theirs)
    return customer


def customer_identities_loaded(*, customer: Customer, identities: list[CustomerIdentity]) -> None:
    """Tell `customer` its identities (all of them, in the model's order), as a prefetch would,
    so that reading them later asks the database nothing."""
    for identity in identities:
        identity.customer = customer
    loaded = customer.identities.all()
    loaded._result_cache = identities
    loaded._prefetch_done = True  # type: ignore[attr-defined]  # as Django's own prefetch
    customer.__dict__.setdefault("_prefetched_objects_cache", {})["identities"] = loaded


def customer_email_addresses(*, customer: Customer) -> list[str]:
    """The addresses the desk may write to a customer at, as they wrote them, primary first."""
    return [i.display for i in customer.identities.all() if i.kind == IdentityKind.EMAIL]


def customer_list(
    *,
    query: str = "",
    key_only: bool = False,
    custom: Mapping[str, str] | None = None,
    custom_strict: bool = False,
    actor: User | None = None,
) -> QuerySet[Customer]:
    """Customers matching a name, organisation, e-mail or phone fragment and the `cf_<key>`
    custom-field filters in `custom` (field_selectors.custom_filter), with their identities;
    those `actor` may see (visibility.py), or every one for the desk itself."""
    customers = Customer.objects.filter(merged_into__isnull=True)
    if actor is not None:
        if not actor.is_active:
            return customers.none()
        customers = customers.filter(customer_visible_q(actor))
    if key_only:
        customers = customers.filter(is_key=True)
    if custom:
        customers = customers.filter(
            custom_filter(target=FieldTarget.CUSTOMER, params=custom, strict=custom_strict)
        )
    customers = customers.prefetch_related("identities", "tags").annotate(
        ticket_count=Count("tickets", distinct=True)
    )
    # PostgreSQL refuses a NUL in a text; nobody means one.
    query = query.replace("\x00", "").strip()
    if not query:
        return customers.order_by("name", "id")
    # An e-mail address or phone number is matched whole, as typed; names word by word.
    identity = text_holds(CustomerIdentity, field="value", pieces=[query.lower()])
    try:
        # Local (0 52…) and international (+972 52…) forms share the digits after the prefix.
        digits = normalise_phone(query).value.lstrip("+").lstrip("0")
        identity |= Q(kind="phone") & text_holds(CustomerIdentity, field="value", pieces=[digits])
    except IdentityError:
        pass
    by_identity = CustomerIdentity.objects.filter(identity).values("customer_id")
    return search_filter(
        customers,
        field="search_text",
        words=search_words(query),
        also=among("pk", by_identity),
        alike=_alike,
        order=("name", "id"),
    )


def _alike(word: str) -> Q:
    alike = rows_alike(Customer.objects.all(), field="search_text", word=word)
    return among("pk", alike.values("pk"))


def customers_by_ids(*, ids: Iterable[int]) -> dict[int, Customer]:
    """These customers by id, with their e-mail addresses and phone numbers."""
    return {
        customer.pk: customer
        for customer in Customer.objects.filter(pk__in=list(ids)).prefetch_related("identities")
    }


def access_customer_by_id(*, actor: User, customer_id: int) -> Customer:
    """The customer with this id, for an active agent who may see them (visibility.py);
    NotFound otherwise, the same as for a missing one."""
    if not actor.is_active:
        raise NotFound("Customer not found.")
    customer = (
        Customer.objects.prefetch_related("identities", "tags")
        .filter(customer_visible_q(actor), pk=customer_id)
        .first()
    )
    if customer is None:
        raise NotFound("Customer not found.")
    return customer


def customer_timeline(
    *, customer: Customer, limit: int | None = None, actor: User | None = None
) -> QuerySet[Interaction]:
    """Every contact with the customer, newest first, across all channels; with `actor`, those
    about no ticket or a ticket the agent may see (visibility.py)."""
    entries = customer.interactions.select_related("agent", "ticket")
    if actor is not None:
        entries = entries.filter(interaction_visible_q(actor))
    return entries[:limit] if limit else entries


class PortalLinkError(Exception):
    """A portal link cannot be used; `expired` tells a stale link from a forged one."""

    def __init__(self, *, expired: bool) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def customer_by_portal_token(*, token: str) -> Customer:
    """The live customer a portal token was issued to, if it is genuine, current and not revoked."""
    signer = TimestampSigner(salt=PORTAL_SALT)
    try:
        payload = signer.unsign_object(token, max_age=timedelta(days=settings.PORTAL_LINK_DAYS))
    except SignatureExpired as error:
        raise PortalLinkError(expired=True) from error
    except (BadSignature, ValueError, TypeError) as error:
        raise PortalLinkError(expired=False) from error
    customer = Customer.objects.filter(pk=payload.get("c"), portal_key=payload.get("k")).first()
    if customer is None or not payload.get("k"):
        raise PortalLinkError(expired=False)
    while customer.merged_into_id is not None:
        customer = Customer.objects.get(pk=customer.merged_into_id)
    return customer
