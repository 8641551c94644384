"""Inviting an agent: the mail reaches a real SMTP relay, the link sets a password once, and the
agent logs in with it."""

from __future__ import annotations

import email
import email.policy
import re

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.accounts.services import agent_invite, agent_invite_send
from frontdesk.core.errors import Forbidden, Invalid
from tests import factories
from tests.mail.conftest import Sink

pytestmark = pytest.mark.django_db(transaction=True)

LINK = re.compile(r"https?://\S+/accounts/invite/\S+/")


def _link(raw: bytes) -> str:
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    body = sent.get_body(preferencelist=("plain",))
    assert body is not None
    found = LINK.search(body.get_content())
    assert found is not None, body.get_content()
    return found.group(0)


def test_an_invited_agent_sets_a_password_through_the_mailed_link_and_logs_in(
    relay: Sink,
) -> None:
    lead = factories.agent(role="lead")
    team = factories.team(name="Billing")
    lead_client = Client()
    lead_client.force_login(lead)
    answer = lead_client.post(
        reverse("people:agents"),
        {
            "full_name": "Kadri Tamm",
            "email": "Kadri@Example.ee",
            "role": "agent",
            "language": "et",
            "teams": [team.pk],
        },
    )
    assert answer.status_code == 302
    kadri = User.objects.get(email="kadri@example.ee")
    assert not kadri.has_usable_password()
    assert list(kadri.teams.all()) == [team]
    [raw] = relay.messages
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    assert sent["To"] == "kadri@example.ee"
    assert sent["Subject"] == "Teid kutsutakse klienditeenindusse"  # in her language
    link = _link(raw).split("://", 1)[1].split("/", 1)[1]

    newcomer = Client()
    form = newcomer.get("/" + link, follow=True)
    assert "Set your password" in form.content.decode() or "parool" in form.content.decode()
    set_page = form.redirect_chain[-1][0]
    done = newcomer.post(
        set_page,
        {"new_password1": "a long and new pass 42", "new_password2": "a long and new pass 42"},
    )
    assert done.status_code == 302
    assert newcomer.login(username="kadri@example.ee", password="a long and new pass 42")

    # The link worked once.
    again = Client().get("/" + link, follow=True)
    assert "expired or was used already" in again.content.decode() or again.status_code == 200
    assert 'name="new_password1"' not in again.content.decode()


def test_the_invitation_is_sent_again_while_no_password_is_set(relay: Sink) -> None:
    lead = factories.agent(role="lead")
    agent = agent_invite(actor=lead, full_name="Mari Mets", email="mari@example.ee")
    agent_invite_send(actor=lead, agent=agent)
    assert len(relay.messages) == 2
    assert _link(relay.messages[0]).split("/")[-3] == _link(relay.messages[1]).split("/")[-3]


def test_an_address_already_used_is_refused_next_to_the_field() -> None:
    lead = factories.agent(role="lead")
    factories.agent(email="taken@example.ee")
    client = Client()
    client.force_login(lead)
    answer = client.post(
        reverse("people:agents"),
        {"full_name": "Other", "email": "TAKEN@example.ee", "role": "agent", "language": "en"},
    )
    assert answer.status_code == 400
    assert 'id="id_email-error"' in answer.content.decode()
    assert User.objects.filter(email__iexact="taken@example.ee").count() == 1


def test_only_an_admin_invites_an_admin_and_agents_invite_nobody() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    with pytest.raises(Forbidden):
        agent_invite(actor=lead, full_name="Boss", email="boss@example.ee", role="admin")
    with pytest.raises(Forbidden):
        agent_invite(actor=agent, full_name="Friend", email="friend@example.ee")
    with pytest.raises(Invalid, match="set a password already"):
        agent_invite_send(actor=lead, agent=agent)
