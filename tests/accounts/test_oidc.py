"""Single sign-on against a real, tiny OpenID provider running in the test: the desk redirects
to it, it redirects back with a code, and the desk fetches the RS256-signed ID token, the user
info and the signing keys from it over HTTP."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from frontdesk.accounts.choices import Role
from frontdesk.accounts.models import User
from frontdesk.accounts.oidc import SSO_SESSION_FLAG
from frontdesk.accounts.services import agent_deactivate
from frontdesk.audit.services import audit_list
from frontdesk.config.env import SSO_ROLES, EnvReader, single_sign_on
from tests import factories

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db
CLIENT_ID = "frontdesk"
CLIENT_SECRET = "provider-secret-for-tests"
KEY_ID = "test-key-1"


@dataclass
class Person:
    """Who the provider logs in next: claims in the ID token and from the user info endpoint."""

    id_token: dict[str, Any]
    userinfo: dict[str, Any]


@dataclass
class Provider:
    """An OpenID provider with one signing key, answering over HTTP on 127.0.0.1."""

    url: str = ""
    key: rsa.RSAPrivateKey = field(default_factory=lambda: rsa.generate_private_key(65537, 2048))
    person: Person | None = None
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    tokens: dict[str, dict[str, Any]] = field(default_factory=dict)
    verifiers_checked: int = 0

    def logs_in(
        self, *, sub: str, groups: list[str], groups_in_id_token: bool = False, **claims: Any
    ) -> None:
        group_claim = {"groups": groups}
        self.person = Person(
            id_token={"sub": sub, **(group_claim if groups_in_id_token else {})},
            userinfo={"sub": sub, **claims, **({} if groups_in_id_token else group_claim)},
        )

    def authorize(self, query: dict[str, str]) -> str:
        assert query["client_id"] == CLIENT_ID
        assert query["response_type"] == "code"
        assert query["code_challenge_method"] == "S256"
        assert self.person is not None
        code = secrets.token_urlsafe(16)
        self.codes[code] = {**query, "person": self.person}
        return query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})

    def token(self, form: dict[str, str]) -> dict[str, Any] | None:
        asked = self.codes.pop(form.get("code", ""), None)
        if asked is None or form.get("client_secret") != CLIENT_SECRET:
            return None
        if form.get("redirect_uri") != asked["redirect_uri"]:
            return None
        # PKCE: the verifier the desk sends now must hash to the challenge it sent first.
        digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != asked["code_challenge"]:
            return None
        self.verifiers_checked += 1
        person: Person = asked["person"]
        now = int(time.time())
        id_token = jwt.encode(
            {
                "iss": self.url,
                "aud": CLIENT_ID,
                "iat": now,
                "exp": now + 300,
                "nonce": asked["nonce"],
                **person.id_token,
            },
            self.key,
            algorithm="RS256",
            headers={"kid": KEY_ID},
        )
        access_token = secrets.token_urlsafe(16)
        self.tokens[access_token] = person.userinfo
        return {"access_token": access_token, "token_type": "Bearer", "id_token": id_token}

    def jwks(self) -> dict[str, Any]:
        key = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**key, "kid": KEY_ID, "alg": "RS256", "use": "sig"}]}


def _handler(provider: Provider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path, _q, query = self.path.partition("?")
            if path == "/authorize":
                asked = {name: values[0] for name, values in parse_qs(query).items()}
                self.send_response(302)
                self.send_header("Location", provider.authorize(asked))
                self.end_headers()
            elif path == "/jwks":
                self._json(200, provider.jwks())
            elif path == "/userinfo":
                bearer = self.headers.get("Authorization", "").removeprefix("Bearer ")
                found = provider.tokens.get(bearer)
                self._json(200 if found else 401, found or {"error": "invalid_token"})
            else:
                self._json(404, {})

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            form = {name: values[0] for name, values in parse_qs(body).items()}
            answer = provider.token(form) if self.path == "/token" else None
            self._json(200 if answer else 400, answer or {"error": "invalid_grant"})

        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the test's output stays the test's

    return Handler


@pytest.fixture
def provider() -> Iterator[Provider]:
    found = Provider()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(found))
    found.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield found
    server.shutdown()
    server.server_close()


def _environment(provider: Provider, **more: str) -> dict[str, str]:
    return {
        "FRONTDESK_OIDC_CLIENT_ID": CLIENT_ID,
        "FRONTDESK_OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "FRONTDESK_OIDC_AUTHORIZATION_ENDPOINT": f"{provider.url}/authorize",
        "FRONTDESK_OIDC_TOKEN_ENDPOINT": f"{provider.url}/token",
        "FRONTDESK_OIDC_USER_ENDPOINT": f"{provider.url}/userinfo",
        "FRONTDESK_OIDC_JWKS_ENDPOINT": f"{provider.url}/jwks",
        "FRONTDESK_OIDC_NAME": "Example ID",
        **more,
    }


@pytest.fixture
def sso(provider: Provider, settings: Settings) -> Provider:
    """The desk configured, through its own environment reading, to log in with `provider`."""
    reader = EnvReader(_environment(provider))
    configured = single_sign_on(reader)
    assert configured is not None
    assert reader.problems == []
    for name, value in configured.django_settings().items():
        setattr(settings, name, value)
    settings.OIDC_ENABLED = True
    settings.OIDC_NAME = configured.name
    settings.OIDC_GROUPS_CLAIM = configured.groups_claim
    settings.OIDC_ROLE_GROUPS = configured.role_groups
    backends = list(settings.AUTHENTICATION_BACKENDS)
    settings.AUTHENTICATION_BACKENDS = [
        *backends[:-1],
        "frontdesk.accounts.oidc.DeskOIDCBackend",
        backends[-1],
    ]
    return provider


def _sso_log_in(client: Client, provider: Provider) -> Response:
    """The whole flow: the desk's redirect, the provider's authorization, the callback."""
    start = client.get(reverse("oidc_authentication_init"), {"next": reverse("tickets:list")})
    assert start.status_code == 302
    assert start["Location"].startswith(f"{provider.url}/authorize?")
    authorized = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert authorized.status_code == 302
    back = urlsplit(authorized.headers["Location"])
    assert back.path == reverse("oidc_authentication_callback")
    return client.get(f"{back.path}?{back.query}", follow=True)


def _logged_in_as(client: Client) -> User | None:
    page = client.get(reverse("routing:queue"))
    if page.status_code != 200:
        return None
    user = page.context["user"]
    assert isinstance(user, User)
    return user


def test_a_new_agent_is_made_with_the_highest_role_their_groups_give(sso: Provider) -> None:
    # Groups in the ID token only, as Entra ID sends them.
    sso.logs_in(
        sub="k-1001",
        groups=["support", "leads", "marketing"],
        groups_in_id_token=True,
        email="Mari.Maasikas@example.com",
        name="Mari Maasikas",
        locale="et-EE",
    )
    client = Client()
    landed = _sso_log_in(client, sso)
    assert landed.redirect_chain[-1][0] == reverse("tickets:list")
    agent = User.objects.get(sso_subject="k-1001")
    assert (agent.email, agent.display_name, agent.role, agent.language) == (
        "mari.maasikas@example.com",
        "Mari Maasikas",
        Role.LEAD,
        "et",
    )
    assert not agent.has_usable_password()
    assert _logged_in_as(client) == agent
    assert client.session[SSO_SESSION_FLAG] is True
    assert sso.verifiers_checked == 1
    event = audit_list(action="role").get()
    assert event.object_id == str(agent.pk)
    assert event.detail == {"from": "", "to": "lead", "by": "single sign-on"}


def test_an_existing_agent_is_linked_by_e_mail_once_then_found_by_subject(
    sso: Provider,
) -> None:
    existing = factories.agent(email="jaan@example.com")
    sso.logs_in(sub="k-2002", groups=["support"], email="JAAN@example.com")
    first = Client()
    _sso_log_in(first, sso)
    assert _logged_in_as(first) == existing
    existing.refresh_from_db()
    assert existing.sso_subject == "k-2002"
    # The provider's address changes; the subject still names the same agent.
    sso.logs_in(sub="k-2002", groups=["support"], email="jaan.tamm@example.com")
    second = Client()
    _sso_log_in(second, sso)
    assert _logged_in_as(second) == existing
    assert User.objects.count() == 1


def test_an_agent_linked_to_another_subject_is_not_taken_over_by_e_mail(sso: Provider) -> None:
    factories.agent(email="jaan@example.com")
    sso.logs_in(sub="k-2002", groups=["support"], email="jaan@example.com")
    _sso_log_in(Client(), sso)
    sso.logs_in(sub="k-6666", groups=["admins"], email="jaan@example.com")
    client = Client()
    page = _sso_log_in(client, sso).content.decode()
    assert "linked to another single sign-on account" in page
    assert _logged_in_as(client) is None


def test_someone_without_a_mapped_group_is_refused_with_the_reason(sso: Provider) -> None:
    sso.logs_in(sub="k-3003", groups=["marketing"], email="outsider@example.com")
    client = Client()
    refused = _sso_log_in(client, sso)
    assert refused.redirect_chain[-1][0] == reverse("accounts:login")
    assert "None of your groups at the identity provider gives you a role" in (
        refused.content.decode()
    )
    assert _logged_in_as(client) is None
    assert not User.objects.filter(sso_subject="k-3003").exists()


def test_the_role_follows_the_groups_at_the_next_log_in(sso: Provider) -> None:
    sso.logs_in(sub="k-4004", groups=["support"], email="kadri@example.com")
    _sso_log_in(Client(), sso)
    agent = User.objects.get(sso_subject="k-4004")
    assert (agent.role, agent.is_staff) == (Role.AGENT, False)
    sso.logs_in(sub="k-4004", groups=["support", "admins"], email="kadri@example.com")
    client = Client()
    _sso_log_in(client, sso)
    agent.refresh_from_db()
    assert (agent.role, agent.is_staff) == (Role.ADMIN, True)
    assert _logged_in_as(client) == agent
    changes = [event.detail for event in audit_list(action="role").order_by("at", "pk")]
    assert changes == [
        {"from": "", "to": "agent", "by": "single sign-on"},
        {"from": "agent", "to": "admin", "by": "single sign-on"},
    ]
    # The same groups again change nothing, and write nothing.
    _sso_log_in(Client(), sso)
    assert audit_list(action="role").count() == 2


def test_a_deactivated_agent_is_refused_and_their_session_ends(sso: Provider) -> None:
    lead = factories.agent(role=Role.LEAD)
    sso.logs_in(sub="k-5005", groups=["support"], email="mart@example.com")
    earlier = Client()
    _sso_log_in(earlier, sso)
    agent = User.objects.get(sso_subject="k-5005")
    assert _logged_in_as(earlier) == agent
    agent_deactivate(actor=lead, agent=agent)
    assert _logged_in_as(earlier) is None
    client = Client()
    refused = _sso_log_in(client, sso)
    assert "Your account at the desk is deactivated" in refused.content.decode()
    assert _logged_in_as(client) is None


def test_the_log_in_page_offers_single_sign_on_and_keeps_passwords(sso: Provider) -> None:
    page = Client().get(reverse("accounts:login") + "?next=/desk/tickets/").content.decode()
    assert "Log in with Example ID" in page
    assert f"{reverse('oidc_authentication_init')}?next=/desk/tickets/" in page
    agent = factories.agent()
    assert Client().login(username=agent.username, password="pw-for-tests")


def test_a_desk_without_single_sign_on_has_neither_button_nor_addresses() -> None:
    client = Client()
    assert "Log in with" not in client.get(reverse("accounts:login")).content.decode()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    assert client.get(reverse("oidc_authentication_callback")).status_code == 404


def test_the_environment_is_checked_with_every_problem_named() -> None:
    reader = EnvReader(
        {
            "FRONTDESK_OIDC_CLIENT_ID": CLIENT_ID,
            "FRONTDESK_OIDC_AUTHORIZATION_ENDPOINT": "id.example.com/authorize",
            "FRONTDESK_OIDC_ROLE_GROUPS": "admins=boss,leads",
            "FRONTDESK_OIDC_SKIPS_2FA": "perhaps",
        }
    )
    single_sign_on(reader)
    assert reader.problems == [
        "FRONTDESK_OIDC_CLIENT_SECRET is missing: single sign-on needs it.",
        "FRONTDESK_OIDC_TOKEN_ENDPOINT is missing: single sign-on needs it.",
        "FRONTDESK_OIDC_USER_ENDPOINT is missing: single sign-on needs it.",
        "FRONTDESK_OIDC_JWKS_ENDPOINT is missing: RS256 tokens are checked with the "
        "provider's keys, published there.",
        "FRONTDESK_OIDC_AUTHORIZATION_ENDPOINT='id.example.com/authorize' must be an address "
        "starting with https://.",
        "FRONTDESK_OIDC_ROLE_GROUPS: 'admins=boss' is not group=role with a role of agent, "
        "lead, admin, e.g. admins=admin,leads=lead,support=agent.",
        "FRONTDESK_OIDC_ROLE_GROUPS: 'leads' is not group=role with a role of agent, lead, "
        "admin, e.g. admins=admin,leads=lead,support=agent.",
        "FRONTDESK_OIDC_ROLE_GROUPS maps no group to a role: nobody could log in with single "
        "sign-on.",
        "FRONTDESK_OIDC_SKIPS_2FA='perhaps' is not a yes/no value (use true or false).",
    ]


def test_without_a_client_id_there_is_no_single_sign_on_and_nothing_to_check() -> None:
    reader = EnvReader({"FRONTDESK_OIDC_TOKEN_ENDPOINT": "nonsense"})
    assert single_sign_on(reader) is None
    assert reader.problems == []


def test_the_roles_groups_may_give_are_the_desks_roles() -> None:
    assert tuple(Role.values) == SSO_ROLES


@pytest.mark.parametrize(
    ("skips", "lands_on"), [(True, "routing:queue"), (False, "people:two_factor")]
)
def test_a_single_sign_on_session_skips_the_desks_second_factor_unless_told_not_to(
    sso: Provider, settings: Settings, skips: bool, lands_on: str
) -> None:
    settings.TWO_FACTOR_ROLES = ["agent"]
    settings.OIDC_SKIPS_2FA = skips
    sso.logs_in(sub="k-7007", groups=["support"], email="liis@example.com")
    client = Client()
    _sso_log_in(client, sso)
    assert client.session[SSO_SESSION_FLAG] is True
    queue = client.get(reverse("routing:queue"))
    assert (queue.status_code == 200) == skips
    assert reverse(lands_on) in (queue.get("Location") or reverse("routing:queue"))
