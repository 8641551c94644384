"""Who a segment holds, each filter alone and together, and the language each one hears."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.customers.field_services import customer_custom_set
from frontdesk.customers.models import Customer
from frontdesk.customers.services import customer_update
from frontdesk.outreach.segments import Segment
from frontdesk.outreach.selectors import (
    campaign_preview,
    recipient_language,
    segment_customers,
)
from tests import factories
from tests.outreach.helpers import campaign

pytestmark = pytest.mark.django_db


def _names(segment: Segment) -> set[str]:
    return {c.name for c in segment_customers(segment=segment, now=timezone.now())}


def _tag(customer: Customer, *tags: str) -> None:
    customer_update(
        customer=customer,
        name=customer.name,
        organisation="",
        preferred_language=customer.preferred_language,
        is_key=customer.is_key,
        notes="",
        tags=list(tags),
    )


def test_tags_pick_customers_with_any_of_them_whatever_the_case() -> None:
    _tag(factories.customer(name="Ann"), "Invoices", "vip")
    _tag(factories.customer(name="Bob"), "vip")
    _tag(factories.customer(name="Cy"), "other")
    assert _names(Segment(tags=("invoices",))) == {"Ann"}
    assert _names(Segment(tags=("invoices", "VIP"))) == {"Ann", "Bob"}


def test_language_is_the_preferred_one_else_the_latest_tickets() -> None:
    factories.customer(name="Preferred hu", language="hu")
    spoke_hu = factories.customer(name="Wrote in hu")
    factories.ticket(customer_=spoke_hu, subject="Számla", body="Kérem a számlát.", language="hu")
    prefers_en = factories.customer(name="Prefers en", language="en")
    factories.ticket(customer_=prefers_en, subject="Számla", body="Számla.", language="hu")
    factories.customer(name="Silent")
    assert _names(Segment(languages=("hu",))) == {"Preferred hu", "Wrote in hu"}


def test_key_customers_only() -> None:
    factories.customer(name="Key", is_key=True)
    factories.customer(name="Plain")
    assert _names(Segment(key_only=True)) == {"Key"}


def test_new_customers_first_seen_within_days() -> None:
    now = timezone.now()
    factories.customer(name="New", first_seen=now - timedelta(days=3))
    factories.customer(name="Old", first_seen=now - timedelta(days=40))
    assert _names(Segment(new_within_days=7)) == {"New"}


def test_custom_fields_filter_as_the_customer_list_does() -> None:
    factories.custom_field(
        key="plan", kind="choice", choices=["basic", "pro"], target="customer", label="Plan"
    )
    pro = factories.customer(name="Pro")
    customer_custom_set(customer=pro, values={"plan": "pro"})
    basic = factories.customer(name="Basic")
    customer_custom_set(customer=basic, values={"plan": "basic"})
    assert _names(Segment(custom={"cf_plan": "pro"})) == {"Pro"}


def test_filters_combine_each_narrowing() -> None:
    factories.customer(name="Key hu", language="hu", is_key=True)
    factories.customer(name="Key en", language="en", is_key=True)
    factories.customer(name="Plain hu", language="hu")
    assert _names(Segment(key_only=True, languages=("hu",))) == {"Key hu"}


def test_merged_customers_are_left_out(lead: User) -> None:
    from frontdesk.customers.services import customer_merge

    kept = factories.customer(name="Kept")
    gone = factories.customer(name="Gone")
    customer_merge(source=gone, target=kept, actor=lead)
    assert _names(Segment()) == {"Kept"}


@pytest.mark.parametrize(
    ("preferred", "latest", "expected"),
    [
        ("hu", "he", ("hu", False)),  # preferred first
        ("", "he", ("he", False)),  # else the latest ticket's
        ("", None, ("en", False)),  # else the default
        ("et", "he", ("en", True)),  # no Estonian text: the default, marked
        ("", "bs", ("en", True)),
    ],
)
def test_the_recipients_language_and_its_fallback(
    preferred: str, latest: str | None, expected: tuple[str, bool]
) -> None:
    assert (
        recipient_language(
            preferred=preferred, latest=latest, languages={"en", "hu", "he"}, default="en"
        )
        == expected
    )


def test_the_preview_counts_samples_and_names_who_falls_back(lead: User) -> None:
    factories.customer(name="Hungarian", language="hu")
    factories.customer(name="Estonian", language="et")
    factories.customer(name="No mail", email="")
    preview = campaign_preview(campaign=campaign(lead=lead), now=timezone.now())
    assert (preview.total, preview.writable, preview.no_address) == (3, 2, 1)
    assert [p.name for p in preview.fallbacks] == ["Estonian"]
    assert dict(preview.by_language) == {"en": 1, "hu": 1}
