"""The tone check in the reply box: a reply that reads badly is held with its warnings and can be
sent anyway; a kind one, and an internal note, go straight out."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django import DjangoAssertNumQueries

from frontdesk.tickets.models import Ticket
from tests import factories

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db

RUDE = "As I already told you, that is NOT OUR PROBLEM."


def _reply(client: Client, ticket: Ticket, text: str, **extra: str) -> Response:
    return client.post(
        reverse("tickets:reply", kwargs={"ticket_id": ticket.pk}),
        {"body": text, "status": "waiting", **extra},
    )


def test_a_reply_that_reads_badly_comes_back_unsent_with_the_words_marked(
    agent_client: Client,
) -> None:
    ticket = factories.ticket()
    held = _reply(agent_client, ticket, RUDE)
    assert held.status_code == 400
    html = held.content.decode()
    assert "Your reply was not sent" in html
    assert "<mark>As I already told you</mark>" in html
    assert "<mark>NOT OUR PROBLEM</mark>" in html
    assert "This reads as talking down to the customer." in html
    assert "Capitals read as shouting." in html
    assert f"{RUDE}</textarea>" in html  # the agent's text is kept
    assert 'name="tone_accepted" value="1"' in html
    assert not ticket.messages.filter(direction="out").exists()


def test_send_anyway_sends_the_reply_as_written(agent_client: Client) -> None:
    ticket = factories.ticket()
    sent = _reply(agent_client, ticket, RUDE, tone_accepted="1")
    assert sent.status_code == 302
    assert ticket.messages.get(direction="out").text == RUDE


def test_a_kind_reply_is_sent_at_once(agent_client: Client) -> None:
    ticket = factories.ticket()
    assert _reply(agent_client, ticket, "Thank you, it is fixed.").status_code == 302
    assert ticket.messages.filter(direction="out").count() == 1


def test_an_internal_note_is_never_checked(agent_client: Client) -> None:
    ticket = factories.ticket()
    response = agent_client.post(
        reverse("tickets:note", kwargs={"ticket_id": ticket.pk}), {"body": RUDE}
    )
    assert response.status_code == 302
    assert ticket.messages.filter(direction="note", text=RUDE).exists()


def test_the_warnings_come_in_the_agents_language(agent_client: Client) -> None:
    ticket = factories.ticket()
    agent_client.post(reverse("accounts:language"), {"language": "hu"})
    html = _reply(agent_client, ticket, RUDE).content.decode()
    with translation.override("hu"):
        assert translation.gettext("Capitals read as shouting.") in html


def test_the_check_while_typing_lists_the_warnings_or_nothing(
    agent_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    ticket = factories.ticket()
    url = reverse("tickets:reply_check", kwargs={"ticket_id": ticket.pk})
    with django_assert_max_num_queries(6):
        rude = agent_client.post(url, {"body": "Obviously you did not read my mail."})
    assert rude.status_code == 200
    assert re.search(r"<mark>Obviously you did not read</mark>", rude.content.decode())
    kind = agent_client.post(url, {"body": "Thank you for writing."})
    assert kind.content.decode().strip() == ""
    assert agent_client.post(url, {"body": "  "}).content.decode().strip() == ""


def test_the_check_while_typing_is_for_the_agents_own_tickets_only(
    agent_client: Client,
) -> None:
    url = reverse("tickets:reply_check", kwargs={"ticket_id": 999_999})
    assert agent_client.post(url, {"body": RUDE}).status_code == 404
    assert Client().post(url, {"body": RUDE}).status_code == 302  # to the log-in page
