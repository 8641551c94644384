import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.tickets.choices import Status
from frontdesk.tickets.models import Attachment, Message, Ticket
from frontdesk.tickets.selectors import (
    TicketFilter,
    access_ticket_for_customer,
    ticket_answered,
    ticket_list,
)
from frontdesk.tickets.services import (
    ticket_merge,
    ticket_set_status,
    ticket_tags_set,
    tickets_bulk_assign,
    tickets_bulk_merge,
    tickets_bulk_status,
    tickets_bulk_tag,
)
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def _codes(results: list) -> list[tuple[int, str]]:
    return [(result.ticket_id, result.code) for result in results]


def test_bulk_assign_skips_solved_and_missing_tickets_and_does_the_rest(agent: User) -> None:
    eli = factories.agent()
    one, two, solved = factories.ticket(), factories.ticket(), factories.ticket()
    ticket_set_status(ticket=solved, actor=agent, status=Status.SOLVED)
    results = tickets_bulk_assign(
        actor=agent, ticket_ids=[one.pk, two.pk, solved.pk, 999_999], assignee=eli
    )
    assert _codes(results) == [
        (one.pk, "done"),
        (two.pk, "done"),
        (solved.pk, "solved"),
        (999_999, "not_found"),
    ]
    assert set(Ticket.objects.filter(assignee=eli).values_list("pk", flat=True)) == {
        one.pk,
        two.pk,
    }
    # Through the ticket's own service: assigned, opened, and recorded on each thread.
    assert Ticket.objects.get(pk=one.pk).status == Status.OPEN
    assert Message.objects.filter(ticket=one, event__code="assigned").exists()


def test_bulk_assign_to_nobody_and_an_inactive_agent_is_refused_per_ticket(agent: User) -> None:
    one = factories.ticket()
    tickets_bulk_assign(actor=agent, ticket_ids=[one.pk], assignee=agent)
    assert _codes(tickets_bulk_assign(actor=agent, ticket_ids=[one.pk], assignee=None)) == [
        (one.pk, "done")
    ]
    gone = factories.agent()
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    [refused] = tickets_bulk_assign(actor=agent, ticket_ids=[one.pk], assignee=gone)
    assert (refused.code, refused.detail) == ("refused", "That agent is not active.")


def test_bulk_status_and_tags(agent: User) -> None:
    one, two = factories.ticket(), factories.ticket()
    ticket_set_status(ticket=two, actor=agent, status=Status.CLOSED)
    assert _codes(
        tickets_bulk_status(actor=agent, ticket_ids=[one.pk, two.pk], status="on_hold")
    ) == [
        (one.pk, "done"),
        (two.pk, "closed"),
    ]
    assert Ticket.objects.get(pk=one.pk).status == Status.ON_HOLD
    assert _codes(tickets_bulk_tag(actor=agent, ticket_ids=[one.pk, two.pk], tag=" VAT ")) == [
        (one.pk, "done"),
        (two.pk, "done"),
    ]
    assert Ticket.objects.get(pk=two.pk).tags == ["vat"]
    removed = tickets_bulk_tag(actor=agent, ticket_ids=[one.pk], tag="vat", remove=True)
    assert _codes(removed) == [(one.pk, "done")]
    assert Ticket.objects.get(pk=one.pk).tags == []
    with pytest.raises(Invalid):
        tickets_bulk_status(actor=agent, ticket_ids=[one.pk], status="nonsense")


def test_merge_moves_messages_and_files_and_the_old_reference_finds_the_survivor(
    agent: User,
) -> None:
    customer = factories.customer()
    first = factories.ticket(customer_=customer, subject="Invoice", body="Where is it?")
    upload = SimpleUploadedFile("invoice.pdf", b"%PDF-1.4", content_type="application/pdf")
    second = factories.ticket(
        customer_=customer, subject="Invoice again", body="Still waiting", files=[upload]
    )
    ticket_tags_set(ticket=second, tags=["billing"], actor=agent)
    results = tickets_bulk_merge(actor=agent, ticket_ids=[second.pk, first.pk])
    assert _codes(results) == [(first.pk, "kept"), (second.pk, "merged")]
    kept, merged = Ticket.objects.get(pk=first.pk), Ticket.objects.get(pk=second.pk)
    assert (merged.status, merged.merged_into) == (Status.CLOSED, kept)
    assert kept.tags == ["billing"]
    texts = list(kept.messages.values_list("text", flat=True))
    assert "Still waiting" in texts
    assert Attachment.objects.get().message.ticket == kept
    assert kept.messages.filter(event__code="merged_in").exists()
    assert merged.messages.get().event == {"code": "merged_into", "reference": kept.reference}
    found = ticket_list(actor=agent, filters=TicketFilter(status="open", query=second.reference))
    assert list(found) == [kept]
    # The customer is told nothing new: no message went out.
    assert not Message.objects.filter(direction="out").exists()


def test_only_one_customers_tickets_merge(agent: User) -> None:
    one, other = factories.ticket(), factories.ticket()
    with pytest.raises(Invalid):
        tickets_bulk_merge(actor=agent, ticket_ids=[one.pk, other.pk])
    assert Ticket.objects.filter(merged_into__isnull=False).count() == 0


def test_a_chosen_survivor_is_kept_and_a_merged_ticket_cannot_merge_again(agent: User) -> None:
    customer = factories.customer()
    one, two = factories.ticket(customer_=customer), factories.ticket(customer_=customer)
    tickets_bulk_merge(actor=agent, ticket_ids=[one.pk, two.pk], survivor_id=two.pk)
    assert Ticket.objects.get(pk=one.pk).merged_into_id == two.pk
    with pytest.raises(Invalid):
        ticket_merge(actor=agent, survivor=two, others=[Ticket.objects.get(pk=one.pk)])


def test_the_list_assigns_ticked_tickets_and_says_what_it_skipped(
    agent: User, agent_client: Client
) -> None:
    eli = factories.agent(full_name="Eli Cohen")
    one, two, solved = factories.ticket(), factories.ticket(), factories.ticket()
    ticket_set_status(ticket=solved, actor=agent, status=Status.SOLVED)
    response = agent_client.post(
        "/desk/tickets/bulk/assign/",
        {"ids": [one.pk, two.pk, solved.pk], "assignee": str(eli.pk), "next": "/desk/tickets/?q=x"},
        follow=True,
    )
    assert response.redirect_chain == [("/desk/tickets/?q=x", 302)]
    html = response.content.decode()
    assert f"2 tickets assigned to Eli Cohen; 1 skipped: {solved.reference} is solved" in html
    assert Ticket.objects.filter(assignee=eli).count() == 2


def test_the_list_sets_status_and_tags_and_refuses_an_empty_choice(
    agent: User, agent_client: Client
) -> None:
    one = factories.ticket()
    agent_client.post("/desk/tickets/bulk/status/", {"ids": [one.pk], "status": "on_hold"})
    agent_client.post("/desk/tickets/bulk/tag/add/", {"ids": [one.pk], "tag": "VAT"})
    assert (Ticket.objects.get(pk=one.pk).status, Ticket.objects.get(pk=one.pk).tags) == (
        "on_hold",
        ["vat"],
    )
    agent_client.post("/desk/tickets/bulk/tag/remove/", {"ids": [one.pk], "tag": "vat"})
    assert Ticket.objects.get(pk=one.pk).tags == []
    refused = agent_client.post("/desk/tickets/bulk/status/", {"status": "open"}, follow=True)
    assert "Tick at least one ticket." in refused.content.decode()


def test_the_list_merges_after_the_ticket_to_keep_is_chosen(
    agent: User, agent_client: Client
) -> None:
    customer = factories.customer()
    one, two = factories.ticket(customer_=customer), factories.ticket(customer_=customer)
    confirm = agent_client.post("/desk/tickets/bulk/merge/confirm/", {"ids": [one.pk, two.pk]})
    assert f'value="{one.pk}" id="survivor_{one.pk}" checked' in confirm.content.decode()
    agent_client.post("/desk/tickets/bulk/merge/", {"ids": [one.pk, two.pk], "survivor": two.pk})
    assert Ticket.objects.get(pk=one.pk).merged_into_id == two.pk
    page = agent_client.get(f"/desk/tickets/{one.pk}/").content.decode()
    assert "This ticket was merged" in page


def test_the_list_refuses_to_merge_two_customers_tickets(agent_client: Client) -> None:
    one, two = factories.ticket(), factories.ticket()
    response = agent_client.post(
        "/desk/tickets/bulk/merge/confirm/", {"ids": [one.pk, two.pk]}, follow=True
    )
    assert "Only tickets from one customer can be merged." in response.content.decode()


def test_the_api_answers_per_id(agent: User, api: ApiClient) -> None:
    eli = factories.agent(username="eli")
    one, solved = factories.ticket(), factories.ticket()
    ticket_set_status(ticket=solved, actor=agent, status=Status.SOLVED)
    response = api.post(
        "/api/v1/tickets/bulk",
        {"ids": [one.pk, solved.pk, 999_999], "action": "assign", "value": "eli"},
    )
    assert response.status_code == 200
    assert [(r["id"], r["ok"], r["code"]) for r in response.json()["results"]] == [
        (one.pk, True, "done"),
        (solved.pk, False, "solved"),
        (999_999, False, "not_found"),
    ]
    assert Ticket.objects.get(pk=one.pk).assignee == eli
    tagged = api.post(
        "/api/v1/tickets/bulk", {"ids": [one.pk], "action": "tag_add", "value": "vat"}
    )
    assert tagged.json()["results"][0]["code"] == "done"
    assert (
        api.post("/api/v1/tickets/bulk", {"ids": [one.pk], "action": "status"}).status_code == 400
    )


def test_the_api_merges_a_customers_duplicates(agent: User, api: ApiClient) -> None:
    customer = factories.customer()
    one, two = factories.ticket(customer_=customer), factories.ticket(customer_=customer)
    response = api.post(
        "/api/v1/tickets/bulk", {"ids": [one.pk, two.pk], "action": "merge", "value": str(two.pk)}
    )
    assert [(r["id"], r["code"]) for r in response.json()["results"]] == [
        (two.pk, "kept"),
        (one.pk, "merged"),
    ]
    found = api.get("/api/v1/tickets", q=one.reference, status="open").json()["items"]
    assert [ticket["id"] for ticket in found] == [two.pk]


def test_the_customers_old_link_and_old_reference_lead_to_the_ticket_kept(agent: User) -> None:
    customer = factories.customer()
    kept = factories.ticket(customer_=customer, subject="Invoice")
    merged = factories.ticket(customer_=customer, subject="Invoice again")
    ticket_merge(actor=agent, survivor=kept, others=[merged])
    assert access_ticket_for_customer(customer=customer, reference=merged.reference) == kept
    answered = ticket_answered(message_ids=[], references=[merged.reference], customer=customer)
    assert answered == kept
