"""Calendar links revocable per agent: the link from before keys works until the agent makes a
new one; a new link ends every earlier one; a lead ends an agent's link on the agent's page."""

from __future__ import annotations

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_list
from frontdesk.schedules.constants import FEED_KEY_SALT, FEED_SALT
from tests import factories

pytestmark = pytest.mark.django_db

MINE = "/desk/schedule/mine/"


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _link(client: Client) -> str:
    """The path of the calendar link the agent's week page shows."""
    page = client.get(MINE).content.decode()
    return page.split('readonly value="')[1].split('"')[0].split("testserver")[1]


def _token(path: str) -> str:
    return path.removeprefix("/schedule/feed/").removesuffix(".ics")


def _feed(path: str) -> int:
    return Client().get(path).status_code


def test_a_link_from_before_keys_works_until_the_agent_makes_a_new_one() -> None:
    agent = factories.agent()
    client = _client(agent)
    old = reverse("public:feed", args=[signing.dumps(agent.pk, salt=FEED_SALT)])
    # Until the agent makes a new link, the page shows one like those they may have subscribed to.
    shown = _link(client)
    assert signing.loads(_token(shown), salt=FEED_SALT) == agent.pk
    assert (_feed(old), _feed(shown)) == (200, 200)

    renewed = client.post(reverse("schedules:calendar_link_renew"), follow=True)
    assert "the old one no longer works" in renewed.content.decode()
    new = _link(client)
    assert _link(client) == new  # the same on every visit, until the next new link
    assert (_feed(old), _feed(shown), _feed(new)) == (404, 404, 200)

    again = client.post(reverse("schedules:calendar_link_renew"))
    assert again.status_code == 302
    newest = _link(client)
    assert (_feed(old), _feed(new), _feed(newest)) == (404, 404, 200)
    assert [event.action for event in audit_list(action="calendar_link_renew")] == [
        "calendar_link_renew",
        "calendar_link_renew",
    ]


def test_one_agents_new_link_leaves_anothers_old_link_working() -> None:
    agent, other = factories.agent(), factories.agent()
    others = _link(_client(other))
    _client(agent).post(reverse("schedules:calendar_link_renew"))
    assert _feed(others) == 200


def test_a_lead_revokes_an_agents_link_on_the_agents_page() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    agent_client = _client(agent)
    old = _link(agent_client)
    page = _client(lead).get(reverse("people:agent", args=[agent.pk])).content.decode()
    revoke = reverse("schedules:calendar_link_revoke", args=[agent.pk])
    assert revoke in page

    # Another agent reads the agent's page without the button, and may not post it.
    other = _client(factories.agent())
    assert revoke not in other.get(reverse("people:agent", args=[agent.pk])).content.decode()
    assert other.post(revoke).status_code == 403
    assert _feed(old) == 200

    done = _client(lead).post(revoke)
    assert done["Location"] == reverse("people:agent", args=[agent.pk])
    assert _feed(old) == 404
    new = _link(agent_client)
    assert _feed(new) == 200
    [event] = audit_list(action="calendar_link_revoke")
    assert (event.actor, event.object_id) == (lead, str(agent.pk))


def test_a_forged_or_foreign_link_and_a_deactivated_agents_link_answer_404() -> None:
    agent = factories.agent()
    client = _client(agent)
    client.post(reverse("schedules:calendar_link_renew"))
    link = _link(client)
    pk, key = signing.Signer(salt=FEED_KEY_SALT).unsign_object(_token(link))
    forged = signing.Signer(salt=FEED_KEY_SALT).sign_object([pk, key + "x"])
    foreign = signing.Signer(salt="frontdesk.portal").sign_object([pk, key])
    wrong_salt = signing.dumps([pk, key], salt=FEED_SALT)
    for token in (forged, foreign, wrong_salt, signing.dumps("text", salt=FEED_SALT)):
        assert _feed(reverse("public:feed", args=[token])) == 404, token
    assert _feed(link) == 200
    agent.is_active = False
    agent.save(update_fields=["is_active"])
    assert _feed(link) == 404
