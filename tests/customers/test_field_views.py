import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.customers.models import FieldDefinition
from frontdesk.tickets.services import ticket_custom_set
from tests import factories

pytestmark = pytest.mark.django_db

ADD = {
    "target": "ticket",
    "key": "contract_no",
    "label": "Contract",
    "kind": "text",
    "choices": "",
    "position": "1",
    "active": "on",
    "label_he": "חוזה",
}


@pytest.fixture
def lead_client() -> Client:
    client = Client()
    client.force_login(factories.agent(role="lead"))
    return client


def test_a_lead_adds_a_field_from_the_settings_page(lead_client: Client) -> None:
    answer = lead_client.post(reverse("fields:settings"), ADD)
    assert answer.status_code == 302
    made = FieldDefinition.objects.get()
    assert (made.key, made.label, made.labels, made.position) == (
        "contract_no",
        "Contract",
        {"he": "חוזה"},
        1,
    )
    page = lead_client.get(reverse("fields:settings")).content.decode()
    assert "contract_no" in page


@pytest.mark.parametrize(
    ("change", "field"),
    [({"key": "Contract No"}, "key"), ({"kind": "choice"}, "choices"), ({"label": ""}, "label")],
)
def test_a_bad_field_is_refused_with_the_message_next_to_the_field(
    lead_client: Client, change: dict[str, str], field: str
) -> None:
    answer = lead_client.post(reverse("fields:settings"), {**ADD, **change})
    assert answer.status_code == 400
    assert f'id="field_{field}-error"' in answer.content.decode()
    assert not FieldDefinition.objects.exists()


def test_a_change_of_kind_that_drops_values_asks_before_saving(
    lead_client: Client, agent: User
) -> None:
    seats = factories.custom_field(key="seats", label="Seats")
    kept, lost = factories.ticket(), factories.ticket()
    ticket_custom_set(ticket=kept, values={"seats": "4"}, actor=agent)
    ticket_custom_set(ticket=lost, values={"seats": "four"}, actor=agent)
    url = reverse("fields:edit", kwargs={"definition_id": seats.pk})
    change = {**ADD, "key": "seats", "label": "Seats", "kind": "number"}

    asked = lead_client.post(url, change)
    assert asked.status_code == 400
    page = asked.content.decode()
    assert "converts 1 kept values and drops 1" in page
    assert 'name="confirm"' in page
    seats.refresh_from_db()
    assert seats.kind == "text"

    assert lead_client.post(url, {**change, "confirm": "True"}).status_code == 302
    seats.refresh_from_db()
    kept.refresh_from_db()
    lost.refresh_from_db()
    assert (seats.kind, kept.custom, lost.custom) == ("number", {"seats": 4}, {})


def test_an_agent_reads_a_field_but_cannot_change_or_remove_it(agent_client: Client) -> None:
    seats = factories.custom_field(key="seats")
    url = reverse("fields:edit", kwargs={"definition_id": seats.pk})
    page = agent_client.get(url)
    assert page.status_code == 200
    assert "disabled" in page.content.decode()
    assert "Save field" not in page.content.decode()
    assert agent_client.post(url, {**ADD, "key": "seats"}).status_code == 403
    delete = reverse("fields:delete", kwargs={"definition_id": seats.pk})
    assert agent_client.post(delete, {"sure": "on"}).status_code == 403
    assert FieldDefinition.objects.filter(pk=seats.pk).exists()


def test_removing_a_field_needs_a_yes(lead_client: Client) -> None:
    seats = factories.custom_field(key="seats")
    delete = reverse("fields:delete", kwargs={"definition_id": seats.pk})
    assert lead_client.post(delete, {}).status_code == 400
    assert lead_client.post(delete, {"sure": "on"}).status_code == 302
    assert not FieldDefinition.objects.exists()
    missing = reverse("fields:edit", kwargs={"definition_id": seats.pk})
    assert lead_client.get(missing).status_code == 404
