import pytest
from django.test import Client

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.customers.services import portal_link_build
from frontdesk.tickets.constants import TAG_COUNT, TAG_LENGTH
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.selectors import TicketFilter, ticket_list, ticket_tags_in_use
from frontdesk.tickets.services import tags_normalise, ticket_tags_add, ticket_tags_set
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (["VAT", " vat ", "Billing  Run"], ["vat", "billing run"]),
        (["", "   ", "ÁFA"], ["áfa"]),
        ([], []),
    ],
)
def test_tags_are_trimmed_lower_cased_and_kept_once(typed: list[str], kept: list[str]) -> None:
    assert tags_normalise(tags=typed) == kept


@pytest.mark.parametrize(
    "typed",
    [["x" * (TAG_LENGTH + 1)], ["a,b"], [f"tag {number}" for number in range(TAG_COUNT + 1)]],
)
def test_a_too_long_a_comma_or_too_many_tags_are_refused(typed: list[str]) -> None:
    with pytest.raises(Invalid):
        tags_normalise(tags=typed)


def test_setting_tags_replaces_them(agent: User) -> None:
    ticket = factories.ticket()
    ticket_tags_set(ticket=ticket, tags=["VAT", "refund"], actor=agent)
    ticket_tags_set(ticket=ticket, tags=["refund", "Urgent"], actor=agent)
    ticket_tags_set(ticket=ticket, tags=["urgent", "refund", "URGENT"], actor=agent)
    assert Ticket.objects.get(pk=ticket.pk).tags == ["urgent", "refund"]
    # Who changed them, when, and from what to what is kept on the thread (an order is a change).
    records = list(Message.objects.filter(ticket=ticket, event__code="tags").order_by("id"))
    assert [(note.author_agent, note.event) for note in records] == [
        (agent, {"code": "tags", "from": [], "to": ["vat", "refund"]}),
        (agent, {"code": "tags", "from": ["vat", "refund"], "to": ["refund", "urgent"]}),
        (agent, {"code": "tags", "from": ["refund", "urgent"], "to": ["urgent", "refund"]}),
    ]
    assert records[1].text == "Tags: vat, refund → refund, urgent"


def test_a_refused_tag_leaves_the_tags_as_they_were(agent: User) -> None:
    ticket = factories.ticket()
    ticket_tags_set(ticket=ticket, tags=["vat"], actor=agent)
    with pytest.raises(Invalid):
        ticket_tags_set(ticket=ticket, tags=["ok", "x" * (TAG_LENGTH + 1)], actor=agent)
    assert Ticket.objects.get(pk=ticket.pk).tags == ["vat"]


def test_a_macros_tags_are_kept_as_typed_tags_are() -> None:
    ticket = factories.ticket()
    ticket_tags_add(ticket=ticket, tags=[" VAT ", "vat"])
    assert Ticket.objects.get(pk=ticket.pk).tags == ["vat"]


def test_the_list_narrows_to_a_tag_whole_and_in_any_case(agent: User) -> None:
    vat = factories.ticket(subject="VAT")
    vat_refund = factories.ticket(subject="VAT refund")
    factories.ticket(subject="Untagged")
    ticket_tags_set(ticket=vat, tags=["vat"], actor=agent)
    ticket_tags_set(ticket=vat_refund, tags=["vat refund", "számla"], actor=agent)
    assert list(ticket_list(actor=agent, filters=TicketFilter(tag=" VAT "))) == [vat]
    assert list(ticket_list(actor=agent, filters=TicketFilter(tag="Számla"))) == [vat_refund]
    assert list(ticket_list(actor=agent, filters=TicketFilter(tag="va"))) == []


def test_suggestions_are_the_desks_tags_most_used_first(agent: User) -> None:
    for tags in (["vat", "refund"], ["refund"], ["refund", "vat"], ["urgent"]):
        ticket_tags_set(ticket=factories.ticket(), tags=tags, actor=agent)
    assert ticket_tags_in_use()[:2] == ["refund", "vat"]
    assert set(ticket_tags_in_use()) == {"refund", "vat", "urgent"}
    ticket_tags_set(ticket=factories.ticket(), tags=["brand new"], actor=agent)
    assert "brand new" in ticket_tags_in_use()


def test_the_api_sets_shows_and_filters_tags(api: ApiClient) -> None:
    ticket = factories.ticket()
    response = api.patch(f"/api/v1/tickets/{ticket.pk}", {"tags": ["VAT", "Refund", "vat"]})
    assert response.status_code == 200
    assert response.json()["tags"] == ["vat", "refund"]
    assert api.get(f"/api/v1/tickets/{ticket.pk}").json()["tags"] == ["vat", "refund"]
    factories.ticket()
    tagged = api.get("/api/v1/tickets", tag="Refund").json()
    assert [item["id"] for item in tagged["items"]] == [ticket.pk]


def test_the_api_keeps_other_fields_working_beside_tags(api: ApiClient, agent: User) -> None:
    ticket = factories.ticket()
    body = api.patch(
        f"/api/v1/tickets/{ticket.pk}",
        {"status": "on_hold", "assignee": agent.username, "tags": ["vat"]},
    ).json()
    assert (body["status"], body["assignee"]["username"], body["tags"]) == (
        "on_hold",
        agent.username,
        ["vat"],
    )
    untouched = api.patch(f"/api/v1/tickets/{ticket.pk}", {"status": "open"}).json()
    assert untouched["tags"] == ["vat"]
    cleared = api.patch(f"/api/v1/tickets/{ticket.pk}", {"tags": []}).json()
    assert cleared["tags"] == []


def test_a_bad_tag_answers_400_with_detail_and_changes_nothing(api: ApiClient) -> None:
    ticket = factories.ticket()
    response = api.patch(
        f"/api/v1/tickets/{ticket.pk}", {"status": "on_hold", "tags": ["x" * (TAG_LENGTH + 1)]}
    )
    assert response.status_code == 400
    assert str(TAG_LENGTH) in response.json()["detail"]
    assert Ticket.objects.get(pk=ticket.pk).status != "on_hold"
    not_text = api.patch(f"/api/v1/tickets/{ticket.pk}", {"tags": [1, {"a": 2}]})
    assert not_text.status_code == 422
    assert "detail" in not_text.json()


def test_a_lead_may_tag_too() -> None:
    lead = factories.agent(role="lead")
    ticket = factories.ticket()
    response = ApiClient(factories.api_token(lead)).patch(
        f"/api/v1/tickets/{ticket.pk}", {"tags": ["vip"]}
    )
    assert response.status_code == 200
    assert response.json()["tags"] == ["vip"]


def test_strangers_and_customers_cannot_tag(api: ApiClient) -> None:
    customer = factories.customer()
    ticket = factories.ticket(customer_=customer)
    stranger = Client().patch(
        f"/api/v1/tickets/{ticket.pk}", {"tags": ["x"]}, content_type="application/json"
    )
    assert stranger.status_code == 401
    portal = Client()
    link = portal_link_build(customer=customer)
    portal.get(link.split("127.0.0.1:8000", 1)[1])
    as_customer = portal.patch(
        f"/api/v1/tickets/{ticket.pk}", {"tags": ["x"]}, content_type="application/json"
    )
    assert as_customer.status_code == 401
    missing = api.patch("/api/v1/tickets/999999", {"tags": ["x"]})
    assert missing.status_code == 404
    assert Ticket.objects.get(pk=ticket.pk).tags == []


def test_the_ticket_page_shows_adds_and_removes_tags_inline(
    agent: User, agent_client: Client
) -> None:
    ticket = factories.ticket()
    ticket_tags_set(ticket=factories.ticket(), tags=["suggested"], actor=agent)
    page = agent_client.get(f"/desk/tickets/{ticket.pk}/").content.decode()
    assert 'id="ticket-tags"' in page
    assert '<option value="suggested">' in page
    added = agent_client.post(
        f"/desk/tickets/{ticket.pk}/tags/", {"tags_add": "VAT, refund"}, HTTP_HX_REQUEST="true"
    )
    assert added.status_code == 200
    assert "<bdi>vat</bdi>" in added.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).tags == ["vat", "refund"]
    removed = agent_client.post(f"/desk/tickets/{ticket.pk}/tags/", {"tags_remove": "vat"})
    assert removed.status_code == 302
    assert Ticket.objects.get(pk=ticket.pk).tags == ["refund"]
    thread = agent_client.get(f"/desk/tickets/{ticket.pk}/").content.decode()
    assert "Tags: vat, refund → refund" in thread


def test_a_bad_tag_on_the_page_shows_its_error_next_to_the_field(agent_client: Client) -> None:
    ticket = factories.ticket()
    response = agent_client.post(
        f"/desk/tickets/{ticket.pk}/tags/",
        {"tags_add": "x" * (TAG_LENGTH + 1)},
        HTTP_HX_REQUEST="true",
    )
    assert 'id="id_tags_add-error"' in response.content.decode()
    too_many = ",".join(f"tag {number}" for number in range(TAG_COUNT + 1))
    without_htmx = agent_client.post(f"/desk/tickets/{ticket.pk}/tags/", {"tags_add": too_many})
    assert without_htmx.status_code == 400
    assert Ticket.objects.get(pk=ticket.pk).tags == []


def test_only_the_desk_tags_from_the_page(agent: User) -> None:
    ticket = factories.ticket()
    response = Client().post(f"/desk/tickets/{ticket.pk}/tags/", {"tags_add": "x"})
    assert response.status_code == 302
    assert Ticket.objects.get(pk=ticket.pk).tags == []


def test_the_lists_show_tags_and_filter_by_one(agent: User, agent_client: Client) -> None:
    tagged = factories.ticket(subject="Tagged one")
    factories.ticket(subject="Plain one")
    ticket_tags_set(ticket=tagged, tags=["vip customer"], actor=agent)
    everything = agent_client.get("/desk/tickets/").content.decode()
    assert "<bdi>vip customer</bdi>" in everything
    assert '<option value="vip customer">' in everything
    narrowed = agent_client.get("/desk/tickets/", {"tag": "VIP Customer"}).content.decode()
    assert "Tagged one" in narrowed
    assert "Plain one" not in narrowed


def test_the_portal_never_shows_a_tickets_tags(agent: User) -> None:
    customer = factories.customer()
    ticket = factories.ticket(customer_=customer, subject="My question")
    ticket_tags_set(ticket=ticket, tags=["difficult-customer"], actor=agent)
    portal = Client()
    portal.get(portal_link_build(customer=customer).split("127.0.0.1:8000", 1)[1])
    home = portal.get("/portal/").content.decode()
    assert "My question" in home
    request = portal.get(f"/portal/requests/{ticket.reference}/").content.decode()
    assert "difficult-customer" not in home + request
