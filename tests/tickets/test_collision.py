"""Collision warnings: who else has a ticket open or is typing, and the check at send time."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.core.errors import Conflict
from frontdesk.intake.flows import customer_message_add
from frontdesk.tickets.constants import TYPING_SECONDS, WATCHING_SECONDS
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import Watcher, ticket_newest_message_id, ticket_watchers
from frontdesk.tickets.services import ticket_note, ticket_reply, ticket_watch
from tests import factories
from tests.conftest import ApiClient

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    cache.clear()


def _client(agent: User) -> Client:
    client = Client()
    client.force_login(agent)
    return client


def test_an_agent_sees_who_else_views_and_who_types_but_not_themselves() -> None:
    ticket = factories.ticket()
    eli, mari, anna = (factories.agent(username=name) for name in ("eli", "mari", "anna"))
    ticket_watch(ticket=ticket, agent=eli, typing=False, now=1000.0)
    ticket_watch(ticket=ticket, agent=mari, typing=True, now=1001.0)
    ticket_watch(ticket=ticket, agent=anna, typing=False, now=1002.0)
    seen = ticket_watchers(ticket=ticket, agent=anna, now=1003.0)
    assert seen == [
        Watcher(name=eli.display_name, typing=False),
        Watcher(name=mari.display_name, typing=True),
    ]
    # Typing lasts a few seconds after the last keystroke; the page open, while it reports.
    later = 1001.0 + TYPING_SECONDS + 1
    ticket_watch(ticket=ticket, agent=mari, typing=False, now=later)
    assert Watcher(name=mari.display_name, typing=False) in ticket_watchers(
        ticket=ticket, agent=anna, now=later
    )
    # A page that stopped reporting (closed) drops out.
    gone = 1000.0 + WATCHING_SECONDS + 1
    assert eli.display_name not in {
        w.name for w in ticket_watchers(ticket=ticket, agent=anna, now=gone)
    }
    assert ticket_watchers(ticket=factories.ticket(), agent=anna, now=1003.0) == []


def test_the_watch_endpoint_records_the_heartbeat_and_answers_who_else() -> None:
    ticket = factories.ticket()
    eli = factories.agent(username="eli")
    mari = factories.agent(username="mari")
    url = reverse("tickets:watch", kwargs={"ticket_id": ticket.pk})
    first = _client(eli).post(url)
    assert first.status_code == 200
    assert "is viewing" not in first.content.decode()
    seen = _client(mari).post(url)
    assert f"<bdi>{eli.display_name}</bdi> is viewing" in seen.content.decode()
    typing = _client(eli).post(url, {"typing": "1"})
    assert typing.status_code == 204
    again = _client(mari).post(url)
    assert f"<bdi>{eli.display_name}</bdi> is typing…" in again.content.decode()
    shown = re.search(
        r'name="shown" id="watchers-shown" value="([0-9a-f]+)"', again.content.decode()
    )
    assert shown is not None
    # Nothing changed since: nothing to swap, nothing for a screen reader to read again.
    assert _client(mari).post(url, {"shown": shown.group(1)}).status_code == 204


def test_the_watch_endpoint_is_for_agents_who_may_see_the_ticket() -> None:
    ticket = factories.ticket()
    url = reverse("tickets:watch", kwargs={"ticket_id": ticket.pk})
    assert Client().post(url).status_code == 302
    agent = _client(factories.agent())
    assert agent.get(url).status_code == 405
    assert (
        agent.post(reverse("tickets:watch", kwargs={"ticket_id": ticket.pk + 99})).status_code
        == 404
    )


def test_the_page_carries_the_newest_message_it_showed(agent_client: Client, agent: User) -> None:
    ticket = factories.ticket()
    ticket_note(ticket=ticket, agent=agent, text="A note is not a message to the customer.")
    newest = ticket_newest_message_id(ticket=ticket)
    assert newest == ticket.messages.filter(direction="in").get().pk
    page = agent_client.get(reverse("tickets:detail", kwargs={"ticket_id": ticket.pk}))
    assert f'name="seen_message_id" value="{newest}"' in page.content.decode()
    assert reverse("tickets:watch", kwargs={"ticket_id": ticket.pk}) in page.content.decode()


def _reply(client: Client, ticket: Ticket, text: str, seen: int) -> Response:
    return client.post(
        reverse("tickets:reply", kwargs={"ticket_id": ticket.pk}),
        {"body": text, "status": "waiting", "seen_message_id": str(seen)},
    )


def test_a_reply_after_a_colleagues_is_held_with_it_shown_then_sent_anyway() -> None:
    ticket = factories.ticket(customer_=factories.customer(name="Rami Cohen"))
    eli, mari = factories.agent(username="eli"), factories.agent(username="mari")
    seen = ticket_newest_message_id(ticket=ticket)
    colleague = ticket_reply(ticket=ticket, agent=mari, text="Mari answered first.")
    held = _reply(_client(eli), ticket, "Eli's answer.", seen)
    assert held.status_code == 409
    html = held.content.decode()
    assert "1 new message arrived since you opened this ticket" in html
    assert html.count("message-new") == 1
    assert "Mari answered first." in html
    assert "Eli&#x27;s answer.</textarea>" in html  # the agent's text is kept
    assert f'name="seen_message_id" value="{colleague.pk}"' in html
    assert ticket.messages.filter(author_agent=eli).count() == 0
    sent = _client(eli).post(
        reverse("tickets:reply", kwargs={"ticket_id": ticket.pk}),
        {
            "body": "Eli's answer.",
            "status": "waiting",
            "seen_message_id": str(colleague.pk),
            "send_anyway": "1",
        },
    )
    assert sent.status_code == 302
    assert ticket.messages.filter(author_agent=eli).get().text == "Eli's answer."


def test_a_customers_new_message_holds_a_reply_but_a_note_does_not(agent: User) -> None:
    ticket = factories.ticket()
    seen = ticket_newest_message_id(ticket=ticket)
    ticket_note(ticket=ticket, agent=factories.agent(), text="Only a note.")
    ticket_reply(ticket=ticket, agent=agent, text="Sent: a note is not news.", seen_message_id=seen)
    seen = ticket_newest_message_id(ticket=ticket)
    customer_message_add(ticket=ticket, customer=ticket.customer, text="One more thing!")
    with pytest.raises(Conflict):
        ticket_reply(ticket=ticket, agent=agent, text="Not sent.", seen_message_id=seen)
    assert not ticket.messages.filter(text="Not sent.").exists()
    # Without the id (an import, an old page) nothing is checked.
    ticket_reply(ticket=ticket, agent=agent, text="Sent.")


def test_the_api_answers_409_when_newer_messages_exist(api: ApiClient, agent: User) -> None:
    ticket = factories.ticket()
    seen = ticket_newest_message_id(ticket=ticket)
    ticket_reply(ticket=ticket, agent=factories.agent(), text="A colleague's answer.")
    url = f"/api/v1/tickets/{ticket.pk}/messages"
    refused = api.post(url, {"text": "Mine", "seen_message_id": seen})
    assert refused.status_code == 409
    assert "nothing was sent" in refused.json()["detail"]
    assert not ticket.messages.filter(text="Mine").exists()
    # A note never waits; a reply that saw the newest message goes out.
    assert (
        api.post(url, {"text": "Note", "kind": "note", "seen_message_id": seen}).status_code == 201
    )
    newest = ticket_newest_message_id(ticket=ticket)
    assert api.post(url, {"text": "Mine", "seen_message_id": newest}).status_code == 201


def test_the_openapi_document_declares_the_409(api: ApiClient) -> None:
    document = api.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/tickets/{ticket_id}/messages"]["post"]
    assert "409" in operation["responses"]
    schema = document["components"]["schemas"]["MessageIn"]["properties"]
    assert "seen_message_id" in schema
