"""Each thing the trail records, done for real through a page or the API, leaves its event."""

from __future__ import annotations

from datetime import timedelta

import pytest
from auditlog.context import set_actor
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from frontdesk.accounts.choices import Role
from frontdesk.accounts.models import User
from frontdesk.accounts.services import presence_set
from frontdesk.audit.models import AuditEvent
from frontdesk.tickets.choices import Status
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


def test_a_status_change_on_the_ticket_page_is_recorded_with_the_address(
    agent_client: Client, agent: User
) -> None:
    ticket = factories.ticket()
    agent_client.post(
        f"/desk/tickets/{ticket.pk}/properties/",
        {"status": Status.SOLVED},
        REMOTE_ADDR="203.0.113.7",
    )
    (event,) = _events("status")
    assert (event.actor, event.actor_label) == (agent, agent.username)
    assert (event.object_type, event.object_id) == ("ticket", str(ticket.pk))
    assert event.object_label == ticket.reference  # no subject: the customer's words stay out
    assert event.detail == {"from": "new", "to": "solved"}
    assert event.remote_addr == "203.0.113.7"


def test_an_assignment_and_a_take_next_are_recorded(agent_client: Client, agent: User) -> None:
    colleague = factories.agent(username="jaan")
    ticket = factories.ticket()
    agent_client.post(f"/desk/tickets/{ticket.pk}/properties/", {"assignee": colleague.pk})
    presence_set(agent=agent, state="available")
    taken = factories.ticket()
    agent_client.post(reverse("routing:next"))
    first, second = _events("assign")
    assert (first.object_id, first.detail) == (str(ticket.pk), {"from": None, "to": "jaan"})
    assert (second.object_id, second.detail) == (
        str(taken.pk),
        {"from": None, "to": agent.username},
    )


def test_the_api_s_changes_are_recorded_each_as_its_own_action(api: ApiClient, agent: User) -> None:
    factories.custom_field(key="region")
    ticket = factories.ticket()  # "Where is my invoice?": no level 1
    api.patch(
        f"/api/v1/tickets/{ticket.pk}",
        {"level": 1, "tags": ["vat"], "custom": {"region": "North"}, "assignee": agent.username},
    )
    assert _events("level")[0].detail == {"level": {"from": ticket.level, "to": 1}}
    assert _events("tags")[0].detail == {"from": [], "to": ["vat"]}
    (fields,) = _events("fields")
    assert fields.detail["changes"] == [
        {"key": "region", "label": "Region", "from": None, "to": "North"}
    ]
    assert _events("assign")[0].detail == {"from": None, "to": agent.username}
    assert {e.actor_id for e in AuditEvent.objects.filter(object_type="ticket")} == {agent.pk}


def test_a_quick_win_taken_back_on_the_page_is_recorded_as_a_level_correction(
    agent_client: Client,
) -> None:
    ticket = factories.ticket(subject="Question", body="About the plan for next year.")
    agent_client.post(f"/desk/tickets/{ticket.pk}/properties/", {"level": 1, "quick_win": "on"})
    (event,) = _events("level")
    assert event.detail["level"]["to"] == 1
    assert event.detail["quick_win"] == {"from": False, "to": True}


def test_tags_and_fields_on_the_ticket_page_are_recorded(agent_client: Client) -> None:
    factories.custom_field(key="region")
    ticket = factories.ticket()
    agent_client.post(reverse("tickets:tags", args=[ticket.pk]), {"tags_add": "Refund, vat"})
    agent_client.post(reverse("tickets:custom", args=[ticket.pk]), {"cf_region": "South"})
    assert _events("tags")[0].detail == {"from": [], "to": ["refund", "vat"]}
    assert _events("fields")[0].detail["changes"][0]["to"] == "South"


def test_a_merge_by_hand_is_recorded_on_the_ticket_kept(agent_client: Client) -> None:
    customer = factories.customer()
    older = factories.ticket(customer_=customer)
    newer = factories.ticket(customer_=customer)
    agent_client.post(reverse("tickets:merge_into", args=[newer.pk]), {"into": older.pk})
    (event,) = _events("merge")
    assert event.object_id == str(older.pk)
    assert event.detail == {"into": older.reference, "merged": [newer.reference]}


def test_a_bulk_action_is_one_bulk_event_and_one_event_per_ticket_sharing_its_id(
    agent_client: Client, agent: User
) -> None:
    one, two, closed = factories.ticket(), factories.ticket(), factories.ticket()
    closed.status = Status.CLOSED
    closed.save(update_fields=["status"])
    agent_client.post(
        "/desk/tickets/bulk/status/", {"ids": [one.pk, two.pk, closed.pk], "status": "on_hold"}
    )
    (bulk,) = _events("bulk")
    assert bulk.detail["what"] == "status"
    assert bulk.detail["to"] == "on_hold"
    assert bulk.detail["done"] == [one.reference, two.reference]
    assert bulk.detail["skipped"] == 1
    statuses = _events("status")
    assert [e.object_id for e in statuses] == [str(one.pk), str(two.pk)]
    assert {e.detail["bulk"] for e in statuses} == {bulk.detail["bulk"]}


def test_a_bulk_merge_through_the_api_carries_its_bulk_id(api: ApiClient) -> None:
    customer = factories.customer()
    one, two = factories.ticket(customer_=customer), factories.ticket(customer_=customer)
    api.post("/api/v1/tickets/bulk", {"action": "merge", "ids": [one.pk, two.pk]})
    (merge,) = _events("merge")
    (bulk,) = _events("bulk")
    assert merge.detail["bulk"] == bulk.detail["bulk"]
    assert bulk.detail["what"] == "merge"


def test_looking_at_a_customer_is_recorded_once_in_a_few_minutes_page_or_api(
    agent_client: Client, api: ApiClient, agent: User
) -> None:
    customer = factories.customer(name="Mari Tamm")
    for _reload in range(5):
        assert agent_client.get(reverse("customers:detail", args=[customer.pk])).status_code == 200
    api.get(f"/api/v1/customers/{customer.pk}")
    api.get(f"/api/v1/customers/{customer.pk}/timeline")
    # Lists are no look at one customer.
    agent_client.get(reverse("customers:list"))
    api.get("/api/v1/customers")
    assert len(_events("view_customer")) == 1
    # Six minutes later the same look is a new one.
    AuditEvent.objects.update(at=timezone.now() - timedelta(minutes=6))
    api.get(f"/api/v1/customers/{customer.pk}/timeline")
    looks = _events("view_customer")
    assert len(looks) == 2
    assert {(e.actor_id, e.object_id) for e in looks} == {(agent.pk, str(customer.pk))}
    assert "Mari" not in looks[0].object_label  # a number, no name an erasure would miss


def test_another_agent_s_look_is_their_own_event(agent_client: Client) -> None:
    customer = factories.customer()
    other = Client()
    other.force_login(factories.agent())
    agent_client.get(reverse("customers:detail", args=[customer.pk]))
    other.get(reverse("customers:detail", args=[customer.pk]))
    assert len(_events("view_customer")) == 2


def test_customer_fields_and_merge_are_recorded_without_the_values(
    agent_client: Client, api: ApiClient
) -> None:
    factories.custom_field(key="tier", target="customer")
    target, source = factories.customer(), factories.customer()
    agent_client.post(reverse("customers:custom", args=[target.pk]), {"cf_tier": "Gold"})
    api.patch(f"/api/v1/customers/{target.pk}", {"custom": {"tier": "Silver"}})
    agent_client.post(reverse("customers:merge", args=[target.pk]), {"source": source.pk})
    assert [e.detail for e in _events("fields")] == [{"keys": ["tier"]}, {"keys": ["tier"]}]
    assert _events("merge")[0].detail == {
        "into": f"#{target.pk}",
        "merged": [f"#{source.pk}"],
    }


def test_a_report_s_csv_download_is_recorded_as_an_export() -> None:
    lead = factories.agent(role=Role.LEAD)
    client = Client()
    client.force_login(lead)
    answer = client.get(
        reverse("reports:index"),
        {"first": "2026-11-01", "last": "2026-11-07", "format": "csv", "report": "per-day"},
    )
    assert answer.status_code == 200
    (event,) = _events("export")
    assert event.actor == lead
    assert event.detail == {"report": "per-day", "first": "2026-11-01", "last": "2026-11-07"}


def test_a_role_change_and_a_setting_change_are_mirrored_from_the_change_record() -> None:
    admin = factories.agent(role=Role.ADMIN)
    agent = factories.agent(role=Role.AGENT)
    client = Client()
    client.force_login(admin)
    before = AuditEvent.objects.count()
    # As a page does: the change record knows the admin acting.
    with set_actor(admin):
        agent.role = Role.LEAD
        agent.save()
        log_code = factories.log_code()
    roles = _events("role")
    assert roles[-1].object_id == str(agent.pk)
    assert roles[-1].detail["fields"]["role"] == ["agent", "lead"]
    settings = _events("setting")
    assert settings[-1].object_type == "logcode"
    assert settings[-1].object_id == str(log_code.pk)
    assert settings[-1].detail["change"] == "create"
    assert AuditEvent.objects.count() > before
    assert "password" not in str([e.detail for e in roles])
