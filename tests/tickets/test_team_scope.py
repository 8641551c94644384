"""Access by team: with the lead's setting on, an agent sees their teams' tickets, team-less
ones and their own, and the customers of those (or of none); leads and admins see all."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.choices import Role
from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid, NotFound
from frontdesk.customers.selectors import access_customer_by_id, customer_list, customer_timeline
from frontdesk.tickets.selectors import (
    access_attachment,
    access_ticket_by_id,
    access_ticket_by_reference,
    queue_settings_row,
    ticket_list,
)
from frontdesk.tickets.services import queue_team_scope_set, ticket_assign, tickets_bulk_status
from frontdesk.tickets.visibility import visible_tickets
from tests import factories
from tests.conftest import signed_in, token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(lead: User) -> dict[str, object]:
    """Two teams, an agent in each, a ticket of each team and one of none."""
    ana = factories.agent(full_name="Ana")
    ben = factories.agent(full_name="Ben")
    billing = factories.team(name="Billing", members=[ana])
    shipping = factories.team(name="Shipping", members=[ben])
    upload = SimpleUploadedFile("invoice.pdf", b"%PDF-1.4", content_type="application/pdf")
    billed = factories.ticket(team_id=billing.pk, files=[upload])
    shipped = factories.ticket(team_id=shipping.pk)
    unsorted = factories.ticket()
    queue_team_scope_set(actor=lead, team_scoped_on=True)
    return {
        "ana": ana,
        "ben": ben,
        "lead": lead,
        "billed": billed,
        "shipped": shipped,
        "unsorted": unsorted,
    }


def test_an_agent_sees_their_teams_tickets_team_less_ones_and_their_own(desk: dict) -> None:
    ana, billed, shipped, unsorted = desk["ana"], desk["billed"], desk["shipped"], desk["unsorted"]
    assert set(ticket_list(actor=ana)) == {billed, unsorted}
    assert access_ticket_by_id(actor=ana, ticket_id=billed.pk) == billed
    with pytest.raises(NotFound):
        access_ticket_by_id(actor=ana, ticket_id=shipped.pk)
    with pytest.raises(NotFound):
        access_ticket_by_reference(actor=ana, reference=shipped.reference)
    ticket_assign(ticket=shipped, assignee=ana, actor=desk["lead"])
    assert access_ticket_by_id(actor=ana, ticket_id=shipped.pk) == shipped
    assert set(visible_tickets(actor=ana)) == {billed, shipped, unsorted}


def test_leads_and_admins_see_every_ticket(desk: dict) -> None:
    admin = factories.agent(role=Role.ADMIN)
    everything = {desk["billed"], desk["shipped"], desk["unsorted"]}
    assert set(ticket_list(actor=desk["lead"])) == everything
    assert set(ticket_list(actor=admin)) == everything


def test_with_the_setting_off_every_agent_sees_every_ticket(desk: dict) -> None:
    queue_team_scope_set(actor=desk["lead"], team_scoped_on=False)
    assert access_ticket_by_id(actor=desk["ana"], ticket_id=desk["shipped"].pk)
    assert len(ticket_list(actor=desk["ana"])) == 3


def test_a_customer_is_seen_through_a_visible_ticket_or_having_none(desk: dict) -> None:
    ana, billed, shipped = desk["ana"], desk["billed"], desk["shipped"]
    walk_in = factories.customer(name="Walk In")
    found = set(customer_list(actor=ana))
    assert {billed.customer, desk["unsorted"].customer, walk_in} <= found
    assert shipped.customer not in found
    assert access_customer_by_id(actor=ana, customer_id=walk_in.pk) == walk_in
    with pytest.raises(NotFound):
        access_customer_by_id(actor=ana, customer_id=shipped.customer_id)
    assert shipped.customer in set(customer_list(actor=desk["ben"]))


def test_a_timeline_leaves_out_what_happened_on_tickets_of_other_teams(desk: dict) -> None:
    ana, billed, shipped = desk["ana"], desk["billed"], desk["shipped"]
    # Ana's customer writes to Shipping too: the customer stays hers, the other ticket not.
    other = factories.ticket(customer_=billed.customer, team_id=shipped.team_id)
    about = {entry.ticket_id for entry in customer_timeline(customer=billed.customer)}
    assert {billed.pk, other.pk} <= about
    seen = {entry.ticket_id for entry in customer_timeline(customer=billed.customer, actor=ana)}
    assert billed.pk in seen
    assert other.pk not in seen


def test_an_attachment_of_another_teams_ticket_is_not_found(desk: dict) -> None:
    attachment = desk["billed"].messages.get().attachments.get()
    assert access_attachment(attachment_id=attachment.pk, actor=desk["ana"]) == attachment
    with pytest.raises(NotFound):
        access_attachment(attachment_id=attachment.pk, actor=desk["ben"])


def test_pages_and_the_api_answer_404_for_another_teams_ticket(desk: dict) -> None:
    shipped, billed = desk["shipped"], desk["billed"]
    ana = signed_in(desk["ana"])
    assert ana.get(reverse("tickets:detail", args=[shipped.pk])).status_code == 404
    assert ana.get(reverse("tickets:detail", args=[billed.pk])).status_code == 200
    listed = ana.get(reverse("tickets:list")).content.decode()
    assert billed.reference in listed
    assert shipped.reference not in listed
    api = token_client(desk["ana"])
    assert api.get(f"/api/v1/tickets/{shipped.pk}").status_code == 404
    assert api.get(f"/api/v1/customers/{shipped.customer_id}").status_code == 404
    references = {row["reference"] for row in api.get("/api/v1/tickets").json()["items"]}
    assert shipped.reference not in references
    assert billed.reference in references


def test_only_a_lead_switches_access_by_team_and_the_change_is_recorded(desk: dict) -> None:
    with pytest.raises(Invalid):
        queue_team_scope_set(actor=desk["ana"], team_scoped_on=False)
    url = reverse("queue_settings:team_scope")
    assert signed_in(desk["ana"]).post(url, {}).status_code == 403
    lead = signed_in(desk["lead"])
    assert lead.post(url, {}).status_code == 302  # unticked: off
    row = queue_settings_row()
    assert row is not None
    assert row.team_scoped is False
    assert any(
        "team_scoped" in entry.changes_dict for entry in LogEntry.objects.get_for_object(row)
    )
    page = lead.get(reverse("queue_settings:weights")).content.decode()
    assert 'name="team_scoped"' in page
    assert Client().post(url, {"team_scoped": "on"}).status_code == 302  # to the log-in
    assert queue_settings_row().team_scoped is False  # type: ignore[union-attr]


def test_bulk_actions_pass_over_another_teams_ticket_as_not_found(desk: dict) -> None:
    shipped, billed = desk["shipped"], desk["billed"]
    results = tickets_bulk_status(
        actor=desk["ana"], ticket_ids=[shipped.pk, billed.pk], status="waiting"
    )
    assert [(result.ticket_id, result.code) for result in results] == [
        (shipped.pk, "not_found"),
        (billed.pk, "done"),
    ]
