"""Writes for customers, their identities and their timeline."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.signing import TimestampSigner
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.customers.choices import Direction, IdentityKind, InteractionKind
from frontdesk.customers.constants import PORTAL_SALT
from frontdesk.customers.models import Customer, CustomerIdentity, Interaction, Tag
from frontdesk.customers.selectors import customer_by_identities, customer_identities_loaded
from frontdesk.customers.signals import (
    customer_importance_changed,
    customer_merging,
    customer_renamed,
)
from frontdesk.engine.identities import (
    Identity,
    IdentityError,
    normalise_email,
    normalise_phone,
)
from frontdesk.engine.text import fold

SUMMARY_LENGTH = 300


def _normalise(kind: str, raw: str) -> str:
    try:
        identity = normalise_email(raw) if kind == IdentityKind.EMAIL else normalise_phone(raw)
    except IdentityError as error:
        raise Invalid(str(error)) from error
    return identity.value


def identity_add(
    *, customer: Customer, kind: str, raw: str, primary: bool = False
) -> CustomerIdentity:
    """Attach an e-mail address or phone number; refuse one that belongs to someone else."""
    value = _normalise(kind, raw)
    existing = CustomerIdentity.objects.filter(kind=kind, value=value).first()
    if existing is not None:
        if existing.customer_id != customer.pk:
            raise Invalid(
                _("%(value)s already belongs to another customer; merge the two instead.")
                % {"value": raw}
            )
        return existing
    if primary:
        customer.identities.filter(kind=kind, is_primary=True).update(is_primary=False)
    elif not customer.identities.filter(kind=kind).exists():
        primary = True
    return CustomerIdentity.objects.create(
        customer=customer, kind=kind, value=value, display=raw.strip(), is_primary=primary
    )


def identity_remove(*, customer: Customer, identity_id: int) -> None:
    """Detach an identity from a customer."""
    customer.identities.filter(pk=identity_id).delete()


def customer_create(
    *,
    name: str,
    email: str = "",
    phone: str = "",
    organisation: str = "",
    language: str = "",
    is_key: bool = False,
    first_seen: datetime | None = None,
) -> Customer:
    """Create a customer with their e-mail address and phone number."""
    if not name.strip():
        raise Invalid(_("A customer needs a name."))
    with transaction.atomic():
        customer = Customer.objects.create(
            name=name.strip(),
            organisation=organisation.strip(),
            preferred_language=language,
            is_key=is_key,
            first_seen=first_seen or timezone.now(),
            portal_key=secrets.token_hex(8),
            search_text=fold(f"{name} {organisation}"),
        )
        if email:
            identity_add(customer=customer, kind=IdentityKind.EMAIL, raw=email)
        if phone:
            identity_add(customer=customer, kind=IdentityKind.PHONE, raw=phone)
    return customer


@dataclass
class Identified:
    """The customer a contact's details identify: found, or new and not written yet (then
    `customer_identified_save` writes it, in the contact's own transaction)."""

    customer: Customer
    # What the contact said, to identify them again when a new one was written meanwhile.
    name: str
    email: str
    phone: str
    language: str
    # A found customer who had no language yet takes the contact's when saved.
    language_learnt: bool = False
    # A new customer's identities, written with them.
    identities: list[CustomerIdentity] = field(default_factory=list)

    @classmethod
    def known(cls, customer: Customer) -> Identified:
        """A customer the caller has in hand already."""
        return cls(customer=customer, name=customer.name, email="", phone="", language="")

    @property
    def is_new(self) -> bool:
        """Whether the customer is written only when the contact is."""
        return self.customer.pk is None


def customer_identify(
    *, name: str, email: str = "", phone: str = "", language: str = ""
) -> Identified:
    """The customer these details identify (by e-mail, then phone), with their identities, in
    one query; or a new one, written later by `customer_identified_save`."""
    identities = [
        Identity(kind, _normalise(kind, raw))
        for kind, raw in ((IdentityKind.EMAIL, email), (IdentityKind.PHONE, phone))
        if raw
    ]
    found = customer_by_identities(identities=identities)
    if found is not None:
        learnt = bool(language and not found.preferred_language)
        if learnt:
            found.preferred_language = language
        return Identified(found, name, email, phone, language, language_learnt=learnt)
    name = (name or email or phone).strip()
    if not name:
        raise Invalid(_("A customer needs a name."))
    customer = Customer(
        name=name,
        preferred_language=language,
        first_seen=timezone.now(),
        portal_key=secrets.token_hex(8),
        search_text=fold(name),
    )
    # Each the first, so the primary, of its kind.
    made = [
        CustomerIdentity(
            kind=identity.kind, value=identity.value, display=raw.strip(), is_primary=True
        )
        for identity, raw in zip(identities, [r for r in (email, phone) if r], strict=True)
    ]
    return Identified(customer, name, email, phone, language, identities=made)


def customer_identified_save(*, identified: Identified) -> Customer:
    """Write a new customer and their identities (two statements), or the language a known one
    learnt; inside the caller's transaction. A new customer whose address another request wrote
    meanwhile raises IntegrityError: identify again and retry."""
    customer = identified.customer
    if identified.is_new:
        customer.save(force_insert=True)
        for identity in identified.identities:
            identity.customer = customer
        CustomerIdentity.objects.bulk_create(identified.identities)
        # Read by the answer (the customer's address): known, not asked for again.
        customer_identities_loaded(customer=customer, identities=identified.identities)
    elif identified.language_learnt:
        customer.save(update_fields=["preferred_language", "updated_at"])
    return customer


def customer_get_or_create(
    *, name: str, email: str = "", phone: str = "", language: str = ""
) -> tuple[Customer, bool]:
    """The customer these details identify (by e-mail, then phone), or a new one."""
    for _attempt in range(2):
        identified = customer_identify(name=name, email=email, phone=phone, language=language)
        created = identified.is_new
        try:
            with transaction.atomic():
                return customer_identified_save(identified=identified), created
        except IntegrityError:
            # Two requests from a new address at the same moment: the other one created it.
            if not created:
                raise
    raise IntegrityError("a customer's address was written and gone again")


def customer_update(
    *,
    customer: Customer,
    name: str,
    organisation: str,
    preferred_language: str,
    is_key: bool,
    notes: str,
    tags: list[str],
) -> Customer:
    """Change what the desk knows about a customer."""
    if not name.strip():
        raise Invalid(_("A customer needs a name."))
    was_key = customer.is_key
    was_named = customer.search_text
    customer.name = name.strip()
    customer.organisation = organisation.strip()
    customer.preferred_language = preferred_language
    customer.is_key = is_key
    customer.notes = notes
    customer.search_text = fold(f"{customer.name} {customer.organisation}")
    customer.save(
        update_fields=[
            "name",
            "organisation",
            "preferred_language",
            "is_key",
            "notes",
            "search_text",
            "updated_at",
        ]
    )
    customer.tags.set(
        [Tag.objects.get_or_create(name=t.strip()[:50])[0] for t in tags if t.strip()]
    )
    if was_key != is_key:
        # Key customers' tickets get a head start in the queue; the queue moves the open ones.
        customer_importance_changed.send(sender=Customer, customer=customer)
    if was_named != customer.search_text:
        customer_renamed.send(sender=Customer, customer=customer)
    return customer


def portal_link_build(*, customer: Customer) -> str:
    """A link that lets this customer into the portal without a password, until it expires."""
    if not customer.portal_key:
        customer_rotate_portal_key(customer=customer)
    token = TimestampSigner(salt=PORTAL_SALT).sign_object(
        {"c": customer.pk, "k": customer.portal_key}
    )
    return settings.PUBLIC_URL + reverse("portal:enter", kwargs={"token": token})


def customer_rotate_portal_key(*, customer: Customer) -> None:
    """Make every portal link sent to this customer so far stop working."""
    customer.portal_key = secrets.token_hex(8)
    customer.save(update_fields=["portal_key", "updated_at"])


def interaction_record(
    *,
    customer: Customer,
    kind: str,
    summary: str,
    direction: str = Direction.IN,
    agent: User | None = None,
    ticket_id: int | None = None,
    occurred_at: datetime | None = None,
) -> Interaction:
    """Put one contact on the customer's timeline."""
    summary = " ".join(summary.split())
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[: SUMMARY_LENGTH - 1] + "…"
    return Interaction.objects.create(
        customer=customer,
        kind=kind,
        direction=direction,
        summary=summary,
        agent=agent,
        ticket_id=ticket_id,
        occurred_at=occurred_at or timezone.now(),
    )


@transaction.atomic
def customer_merge(*, source: Customer, target: Customer, actor: User) -> Customer:
    """Fold `source` into `target`: every row that points at the source moves to the target
    (identities, timeline, tickets, follow-ups, calls, tags, notes); nothing is lost."""
    if source.pk == target.pk:
        raise Invalid(_("A customer cannot be merged into itself."))
    if source.merged_into_id is not None or target.merged_into_id is not None:
        raise Invalid(_("One of these customers was already merged into another record."))
    # Lock both rows in a fixed order so two merges of the same pair cannot interleave.
    locked = {
        c.pk: c
        for c in Customer.objects.select_for_update().filter(pk__in=sorted([source.pk, target.pk]))
    }
    source, target = locked[source.pk], locked[target.pk]

    source.identities.update(customer=target, is_primary=False)
    source.interactions.update(customer=target)
    # Records merged into the source earlier now lead straight to the survivor.
    Customer.objects.filter(merged_into=source).update(merged_into=target)
    target.tags.add(*source.tags.all())
    source.tags.clear()

    if source.notes.strip():
        joined = f"{target.notes.rstrip()}\n\n— {source.name}:\n{source.notes.strip()}".strip()
        target.notes = joined
    target.is_key = target.is_key or source.is_key
    target.first_seen = min(target.first_seen, source.first_seen)
    target.organisation = target.organisation or source.organisation
    target.preferred_language = target.preferred_language or source.preferred_language
    target.search_text = fold(f"{target.name} {target.organisation}")
    target.save(
        update_fields=[
            "notes",
            "is_key",
            "first_seen",
            "organisation",
            "preferred_language",
            "search_text",
            "updated_at",
        ]
    )
    # After the survivor is saved, so that apps moving rows see what it has become (a key
    # customer's tickets move up the queue).
    customer_merging.send(sender=Customer, source=source, target=target)
    source.merged_into = target
    source.save(update_fields=["merged_into", "updated_at"])
    interaction_record(
        customer=target,
        kind=InteractionKind.NOTE,
        direction=Direction.INTERNAL,
        summary=f"Merged customer record #{source.pk} ({source.name}) into this one.",
        agent=actor,
    )
    return target
