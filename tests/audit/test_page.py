"""The audit trail's page in the settings: admins read it, filtered, each line readable and
linked to its object while it exists; leads and agents are refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from frontdesk.accounts.choices import Role
from frontdesk.audit.models import AuditEvent
from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = pytest.mark.django_db


def _signed_in(role: str, username: str) -> Client:
    client = Client()
    client.force_login(factories.agent(role=role, username=username))
    return client


@pytest.fixture
def admin() -> Client:
    return _signed_in(Role.ADMIN, "root")


def test_a_status_change_reads_as_a_sentence_linked_to_the_ticket(admin: Client) -> None:
    kati = _signed_in(Role.AGENT, "kati")
    ticket = factories.ticket()
    kati.post(f"/desk/tickets/{ticket.pk}/properties/", {"status": "solved"})
    page = admin.get(reverse("audit:list")).content.decode()
    assert "<bdi>kati</bdi> changed the status of" in page
    assert (
        f'<a href="{reverse("tickets:detail", args=[ticket.pk])}"><bdi>{ticket.reference}' in page
    )
    assert '<span class="before"><bdi>New</bdi></span>' in page
    assert '<span class="after"><bdi>Solved</bdi></span>' in page
    assert "127.0.0.1" in page


def test_an_object_gone_is_named_but_not_linked(admin: Client) -> None:
    kati = _signed_in(Role.AGENT, "kati")
    ticket = factories.ticket()
    kati.post(f"/desk/tickets/{ticket.pk}/properties/", {"status": "solved"})
    reference = ticket.reference
    Ticket.objects.filter(pk=ticket.pk).delete()
    page = admin.get(reverse("audit:list")).content.decode()
    assert f"<bdi>{reference}</bdi>" in page
    assert reverse("tickets:detail", args=[ticket.pk]) not in page


def test_the_page_is_in_hebrew_for_a_hebrew_admin() -> None:
    client = Client()
    client.force_login(factories.agent(role=Role.ADMIN, language="he"))
    page = client.get(reverse("audit:list")).content.decode()
    assert 'dir="rtl"' in page


def test_filters_narrow_by_who_what_and_days(
    admin: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    kati = _signed_in(Role.AGENT, "kati")
    jaan = _signed_in(Role.AGENT, "jaan")
    customer = factories.customer()
    for client in (kati, jaan):
        client.get(reverse("customers:detail", args=[customer.pk]))
    one, two = factories.ticket(), factories.ticket()
    kati.post(f"/desk/tickets/{one.pk}/properties/", {"status": "solved"})
    kati.post(f"/desk/tickets/{two.pk}/properties/", {"status": "solved"})
    AuditEvent.objects.filter(object_id=str(two.pk)).update(at=timezone.now() - timedelta(days=3))
    url = reverse("audit:list")
    with django_assert_max_num_queries(14):
        page = admin.get(url, {"actor": "kati", "action": "status"}).content.decode()
    assert one.reference in page
    assert two.reference in page
    assert "viewed the customer" not in page
    today = timezone.localdate().isoformat()
    page = admin.get(url, {"action": "status", "first": today}).content.decode()
    assert one.reference in page
    assert two.reference not in page
    page = admin.get(url, {"actor": "jaan"}).content.decode()
    assert "<bdi>jaan</bdi> viewed the customer" in page
    assert f'href="{reverse("customers:detail", args=[customer.pk])}"' in page
    assert admin.get(url, {"action": "no such"}).status_code == 400


def test_the_page_is_paged(admin: Client) -> None:
    kati = _signed_in(Role.AGENT, "kati")
    customers = [factories.customer() for _n in range(51)]
    for customer in customers:
        kati.get(reverse("customers:detail", args=[customer.pk]))
    first = admin.get(reverse("audit:list")).content.decode()
    assert "Page 1 of 2" in first
    second = admin.get(reverse("audit:list"), {"page": 2}).content.decode()
    assert second.count("viewed the customer") == 1


def test_leads_and_agents_are_refused_and_do_not_see_it_in_the_menu() -> None:
    for role in (Role.LEAD, Role.AGENT):
        client = _signed_in(role, f"someone-{role}")
        assert client.get(reverse("audit:list")).status_code == 403
        assert reverse("audit:list") not in client.get(reverse("core:settings")).content.decode()
    assert Client().get(reverse("audit:list")).status_code == 302
