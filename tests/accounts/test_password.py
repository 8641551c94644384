"""An agent changes their own password: this session goes on, the others end; deactivating an
agent ends all of theirs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.choices import Role
from frontdesk.accounts.models import ApiToken, User
from frontdesk.accounts.services import agent_deactivate
from frontdesk.accounts.tokens import token_authenticate
from frontdesk.audit.services import audit_list
from tests import factories

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db
OLD = "pw-for-tests"  # the factories' password
NEW = "lantern-orbit-93"


def _logged_in(agent: User, password: str = OLD) -> Client:
    client = Client()
    assert client.login(username=agent.username, password=password)
    return client


def _change(client: Client, **fields: str) -> Response:
    data = {"old_password": OLD, "new_password1": NEW, "new_password2": NEW, **fields}
    return client.post(reverse("people:password"), data)


def test_changing_keeps_this_session_and_ends_the_others(agent: User) -> None:
    here, elsewhere = _logged_in(agent), _logged_in(agent)
    queue = reverse("routing:queue")
    assert elsewhere.get(queue).status_code == 200
    changed = _change(here)
    assert changed["Location"] == reverse("people:password")
    page = here.get(changed["Location"]).content.decode()
    assert "Your password is changed; your other sessions have ended." in page
    assert here.get(queue).status_code == 200
    assert elsewhere.get(queue)["Location"].startswith(reverse("accounts:login"))
    assert Client().login(username=agent.username, password=NEW)
    assert not Client().login(username=agent.username, password=OLD)


def test_a_wrong_old_password_changes_nothing(agent: User) -> None:
    client = _logged_in(agent)
    refused = _change(client, old_password="not-my-password")
    assert refused.status_code == 400
    assert "Your old password was entered incorrectly" in refused.content.decode()
    assert Client().login(username=agent.username, password=OLD)
    assert not audit_list(action="password").exists()


@pytest.mark.parametrize(
    ("new_password1", "new_password2", "said"),
    [
        ("lantern-orbit-93", "lantern-orbit-94", "The two password fields didn"),
        ("k7#q", "k7#q", "This password is too short."),
        ("password123", "password123", "This password is too common."),
    ],
)
def test_the_new_password_passes_djangos_validators(
    agent: User, new_password1: str, new_password2: str, said: str
) -> None:
    client = _logged_in(agent)
    refused = _change(client, new_password1=new_password1, new_password2=new_password2)
    assert refused.status_code == 400
    assert said in refused.content.decode()
    assert Client().login(username=agent.username, password=OLD)


def test_the_agent_may_revoke_their_api_tokens_with_it(agent: User) -> None:
    tokens = [factories.api_token(agent), factories.api_token(agent)]
    client = _logged_in(agent)
    changed = _change(client, revoke_tokens="on")
    assert "2 API tokens revoked." in client.get(changed["Location"]).content.decode()
    assert [token_authenticate(raw=token) for token in tokens] == [None, None]
    assert ApiToken.objects.filter(user=agent, revoked_at__isnull=True).count() == 0


def test_tokens_stay_unless_asked(agent: User) -> None:
    token = factories.api_token(agent)
    _change(_logged_in(agent))
    found = token_authenticate(raw=token)
    assert found is not None
    assert found.user == agent


def test_the_change_is_in_the_audit_trail_without_the_password(agent: User) -> None:
    factories.api_token(agent)
    _change(_logged_in(agent), revoke_tokens="on")
    event = audit_list(action="password").get()
    assert (event.actor, event.object_id) == (agent, str(agent.pk))
    assert event.detail == {"tokens_revoked": 1}
    assert event.remote_addr == "127.0.0.1"
    assert NEW not in str(event.detail)
    assert OLD not in str(event.detail)


def test_an_agent_without_a_password_of_their_own_is_told_where_it_is_kept() -> None:
    single_sign_on = factories.agent(password="")
    client = Client()
    client.force_login(single_sign_on)
    page = client.get(reverse("people:password"))
    assert "change it there" in page.content.decode()
    assert 'name="old_password"' not in page.content.decode()


def test_every_agent_finds_the_page_in_their_settings_menu(agent_client: Client) -> None:
    menu = agent_client.get(reverse("core:settings")).content.decode()
    assert f'href="{reverse("people:password")}"' in menu


def test_deactivating_an_agent_ends_every_session_of_theirs(agent: User) -> None:
    lead = factories.agent(role=Role.LEAD)
    sessions = [_logged_in(agent), _logged_in(agent)]
    queue = reverse("routing:queue")
    assert [client.get(queue).status_code for client in sessions] == [200, 200]
    agent_deactivate(actor=lead, agent=agent)
    for client in sessions:
        assert client.get(queue)["Location"].startswith(reverse("accounts:login"))
