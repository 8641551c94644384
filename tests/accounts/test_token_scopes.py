"""API tokens' scopes and ends, over the real API: what each scope may read, write and do as a
lead; expired and revoked tokens; the cap by role; the page, the command and the reminder mail."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from django.db import connections as databases
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from frontdesk.accounts.choices import Role
from frontdesk.accounts.constants import TOKEN_REMEMBER_SECONDS, TOKEN_TOUCH_SECONDS
from frontdesk.accounts.models import ApiToken, User
from frontdesk.accounts.services import agent_deactivate, agent_set_role
from frontdesk.accounts.tokens import (
    token_authenticate,
    token_create,
    token_expiry_warnings_send,
    token_revoke,
)
from frontdesk.audit.services import audit_list
from frontdesk.cli import main
from frontdesk.config.api import api
from frontdesk.core.errors import Invalid
from frontdesk.mail.models import OutboundMail
from tests import factories

pytestmark = pytest.mark.django_db

NEW_TICKET = {
    "customer": {"name": "Mari Tamm", "email": "mari@posti.ee"},
    "channel": "email",
    "subject": "Arve puudub",
    "body": "Tere! Ma ei leia oktoobri arvet.",
}
WEIGHTS = "/api/v1/queue-weights"


def client_of(token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def operations(client: Client) -> dict[str, int]:
    """The status of a read, a write, a lead-only read and a settings write, one each."""
    weights = Client(HTTP_AUTHORIZATION=f"Bearer {factories.api_token(factories.agent())}")
    current = weights.get(WEIGHTS).json()
    return {
        "read": client.get("/api/v1/tickets").status_code,
        "write": client.post(
            "/api/v1/tickets", NEW_TICKET, content_type="application/json"
        ).status_code,
        "lead read": client.get("/api/v1/reports/summary").status_code,
        "settings write": client.put(WEIGHTS, current, content_type="application/json").status_code,
    }


@pytest.mark.parametrize(
    ("role", "scope", "expected"),
    [
        (Role.LEAD, "read", {"read": 200, "write": 403, "lead read": 403, "settings write": 403}),
        (Role.LEAD, "write", {"read": 200, "write": 201, "lead read": 403, "settings write": 403}),
        (Role.LEAD, "admin", {"read": 200, "write": 201, "lead read": 200, "settings write": 200}),
        (Role.ADMIN, "admin", {"read": 200, "write": 201, "lead read": 200, "settings write": 200}),
        (Role.AGENT, "read", {"read": 200, "write": 403, "lead read": 403, "settings write": 403}),
        (Role.AGENT, "write", {"read": 200, "write": 201, "lead read": 403, "settings write": 403}),
    ],
)
def test_each_scope_does_what_it_says_and_no_more(
    role: str, scope: str, expected: dict[str, int]
) -> None:
    token = factories.api_token(factories.agent(role=role), scope=scope)
    assert operations(client_of(token)) == expected


def test_a_read_token_is_told_why_it_may_not_write() -> None:
    client = client_of(factories.api_token(factories.agent(), scope="read"))
    writes = [
        ("post", "/api/v1/tickets"),
        ("patch", "/api/v1/views/1"),
        ("put", WEIGHTS),
        ("delete", "/api/v1/views/1"),
    ]
    for method, path in writes:
        response = getattr(client, method)(path, {}, content_type="application/json")
        assert (method, response.status_code, response.json()) == (
            method,
            403,
            {"detail": "This token may only read."},
        )


def test_a_leads_write_token_may_not_change_settings_and_says_which_scope_would() -> None:
    client = client_of(factories.api_token(factories.agent(role=Role.LEAD), scope="write"))
    response = client.put(WEIGHTS, {}, content_type="application/json")
    assert response.status_code == 403
    assert "admin scope" in response.json()["detail"]
    assert Client().get(WEIGHTS).status_code == 401


def test_the_request_is_told_its_scope() -> None:
    lead = factories.agent(role=Role.LEAD)
    for scope in ("read", "write", "admin"):
        token = token_authenticate(raw=factories.api_token(lead, scope=scope))
        assert token is not None
        assert (token.user, token.scope) == (lead, scope)


def clock_moved(monkeypatch: pytest.MonkeyPatch, *, seconds: float, memory: float = 0) -> None:
    """Move the wall clock on by `seconds`, and the clock the process's memory of tokens runs
    by (the monotonic clock) by `memory` seconds, for the rest of the test."""
    later = timezone.now() + timedelta(seconds=seconds)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monotonic_later = time.monotonic() + memory
    monkeypatch.setattr(time, "monotonic", lambda: monotonic_later)


def test_an_expired_token_answers_401_though_the_process_remembers_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = factories.api_token(factories.agent(), scope="write", days=1)
    client = client_of(raw)
    assert client.get("/api/v1/tickets").status_code == 200
    # A second past its end, and still remembered: its end is checked on every call.
    clock_moved(monkeypatch, seconds=24 * 3600 + 1)
    with CaptureQueriesContext(connection) as remembered:
        token = token_authenticate(raw=raw)
    assert token is None
    assert not [q for q in remembered.captured_queries if "accounts_apitoken" in q["sql"]]
    response = client.get("/api/v1/tickets")
    assert (response.status_code, response.json()) == (401, {"detail": "Unauthorized"})


def test_a_token_is_read_once_and_then_remembered() -> None:
    raw = factories.api_token(factories.agent(), scope="write")
    with CaptureQueriesContext(connection) as first:
        assert token_authenticate(raw=raw) is not None
    with CaptureQueriesContext(connection) as second:
        assert token_authenticate(raw=raw) is not None
    assert len(first.captured_queries) >= 1
    assert second.captured_queries == []


def test_a_remembered_token_revoked_in_this_process_answers_401_at_once() -> None:
    agent = factories.agent()
    client = client_of(factories.api_token(agent, scope="write"))
    assert client.get("/api/v1/tickets").status_code == 200
    token_revoke(actor=agent, token_id=ApiToken.objects.get(user=agent).pk)
    assert client.get("/api/v1/tickets").status_code == 401


def test_a_remembered_token_of_an_agent_deactivated_in_this_process_answers_401_at_once(
    lead: User,
) -> None:
    agent = factories.agent()
    client = client_of(factories.api_token(agent, scope="write"))
    assert client.get("/api/v1/tickets").status_code == 200
    agent_deactivate(agent=agent, actor=lead)
    assert client.get("/api/v1/tickets").status_code == 401


@pytest.mark.django_db(transaction=True)
def test_a_token_remembered_by_another_thread_while_its_revocation_commits_is_forgotten() -> None:
    agent = factories.agent()
    raw = factories.api_token(agent, scope="write")
    assert token_authenticate(raw=raw) is not None  # used just now: the next read writes nothing
    with transaction.atomic():
        token_revoke(actor=agent, token_id=ApiToken.objects.get(user=agent).pk)

        # Another request's thread reads the token as last committed, still live, and
        # remembers it after the revocation's save forgot every token.
        def read_elsewhere() -> None:
            token_authenticate(raw=raw)
            databases.close_all()

        other = threading.Thread(target=read_elsewhere)
        other.start()
        other.join()
    assert token_authenticate(raw=raw) is None


def test_a_token_revoked_by_another_process_answers_401_once_its_memory_runs_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = client_of(factories.api_token(factories.agent(), scope="write"))
    assert client.get("/api/v1/tickets").status_code == 200
    # Another process revokes it: this one hears nothing of it.
    ApiToken.objects.update(revoked_at=timezone.now())
    assert client.get("/api/v1/tickets").status_code == 200
    clock_moved(monkeypatch, seconds=TOKEN_REMEMBER_SECONDS + 1, memory=TOKEN_REMEMBER_SECONDS + 1)
    assert client.get("/api/v1/tickets").status_code == 401


def test_a_revoked_token_answers_401() -> None:
    agent = factories.agent()
    raw = factories.api_token(agent, scope="write")
    token_revoke(actor=agent, token_id=ApiToken.objects.get(user=agent).pk)
    assert client_of(raw).get("/api/v1/tickets").status_code == 401
    assert [event.action for event in audit_list(action="token_revoke")] == ["token_revoke"]


def test_a_tokens_scope_is_capped_by_its_owners_role() -> None:
    agent = factories.agent()
    with pytest.raises(Invalid, match="at most the scope “Read and write”"):
        token_create(user=agent, scope="admin", name="too much")
    assert not ApiToken.objects.exists()
    lead = factories.agent(role=Role.LEAD)
    assert token_create(user=lead, scope="admin", name="settings sync").startswith("fd_")


def test_a_lead_made_an_agent_again_keeps_their_admin_token_only_as_a_write_token() -> None:
    admin = factories.agent(role=Role.ADMIN)
    lead = factories.agent(role=Role.LEAD)
    client = client_of(factories.api_token(lead, scope="admin"))
    assert operations(client)["settings write"] == 200
    agent_set_role(agent=lead, role=Role.AGENT, actor=admin)
    assert operations(client) == {
        "read": 200,
        "write": 201,
        "lead read": 403,
        "settings write": 403,
    }


@pytest.mark.parametrize("days", [0, 366, -3])
def test_a_token_works_from_one_day_to_a_year(days: int) -> None:
    with pytest.raises(Invalid, match="from 1 to 365 days"):
        token_create(user=factories.agent(), scope="read", days=days)


def test_a_token_ends_after_the_desks_days_unless_told(settings: object) -> None:
    agent = factories.agent()
    token_create(user=agent, scope="read", name="default")
    token_create(user=agent, scope="read", name="short", days=7)
    lasts = {
        token.name: round((token.expires_at - token.created_at) / timedelta(days=1))
        for token in ApiToken.objects.filter(user=agent)
        if token.expires_at is not None
    }
    assert lasts == {"default": 90, "short": 7}


def test_last_use_is_written_at_most_once_a_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = factories.api_token(factories.agent(), scope="read")
    token_authenticate(raw=raw)
    first = ApiToken.objects.get().last_used_at
    assert first is not None
    with CaptureQueriesContext(connection) as again:
        token_authenticate(raw=raw)
    assert again.captured_queries == []
    assert ApiToken.objects.get().last_used_at == first
    clock_moved(monkeypatch, seconds=TOKEN_TOUCH_SECONDS + 1, memory=TOKEN_TOUCH_SECONDS + 1)
    token_authenticate(raw=raw)
    touched = ApiToken.objects.get().last_used_at
    assert touched is not None
    assert touched > first


def test_the_openapi_document_declares_403_where_a_scope_can_refuse() -> None:
    paths = api.get_openapi_schema()["paths"]
    refusing = {
        (method.upper(), path)
        for path, operations_ in paths.items()
        for method, operation in operations_.items()
        if 403 in operation["responses"]
    }
    writes = {
        (method.upper(), path)
        for path, operations_ in paths.items()
        for method in operations_
        if method.upper() in {"POST", "PUT", "PATCH", "DELETE"}
    }
    assert writes
    assert writes <= refusing
    assert ("GET", "/api/v1/reports/summary") in refusing
    assert ("GET", "/api/v1/tickets") not in refusing
    read_only = paths["/api/v1/tickets"]["post"]["responses"][403]["description"]
    assert "scope is read" in read_only


def test_the_tokens_page_offers_an_agent_read_and_write_and_refuses_admin(
    agent: User, agent_client: Client
) -> None:
    page = agent_client.get(reverse("people:tokens")).content.decode()
    assert 'value="read"' in page
    assert 'value="write"' in page
    assert 'value="admin"' not in page
    refused = agent_client.post(
        reverse("people:tokens"), {"name": "CRM", "scope": "admin", "days": "30"}
    )
    assert refused.status_code == 400
    assert not ApiToken.objects.exists()


def test_the_tokens_page_makes_a_token_and_lists_its_scope_and_end(
    agent: User, agent_client: Client
) -> None:
    made = agent_client.post(
        reverse("people:tokens"), {"name": "CRM sync", "scope": "write", "days": "30"}
    )
    assert made.status_code == 200
    page = made.content.decode()
    raw = page.split('id="token-made" value="', 1)[1].split('"', 1)[0]
    token = token_authenticate(raw=raw)
    assert token is not None
    assert (token.scope, token.name) == ("write", "CRM sync")
    assert token.expires_at is not None
    again = agent_client.get(reverse("people:tokens")).content.decode()
    assert "Read and write" in again
    assert token.expires_at.date().isoformat() in again


def test_a_token_from_before_scopes_is_flagged_for_replacing(
    agent: User, agent_client: Client
) -> None:
    factories.api_token(agent, scope="write")
    page = agent_client.get(reverse("people:tokens")).content.decode()
    assert "made before scopes" not in page
    ApiToken.objects.update(made_before_scopes=True, scope="admin", expires_at=None)
    page = agent_client.get(reverse("people:tokens")).content.decode()
    assert "made before scopes: replace" in page
    assert "no end" in page


def test_the_command_makes_lists_and_revokes_tokens(capsys: pytest.CaptureFixture[str]) -> None:
    factories.agent(username="kati", role=Role.LEAD)
    assert (
        main(["token", "create", "kati", "--name", "sync", "--scope", "admin", "--days", "30"]) == 0
    )
    raw = capsys.readouterr().out.strip()
    token = token_authenticate(raw=raw)
    assert token is not None
    assert (token.scope, token.name) == ("admin", "sync")
    assert main(["token", "list", "kati"]) == 0
    listed = capsys.readouterr().out
    assert f"{token.pk}\t{token.prefix}…\tadmin\t" in listed
    assert "\tactive\tsync" in listed
    assert main(["token", "revoke", "kati", token.prefix]) == 0
    assert capsys.readouterr().out == f"revoked {token.prefix}… of kati\n"
    assert token_authenticate(raw=raw) is None
    assert main(["token", "revoke", "kati", "999999"]) == 2
    assert "has no token '999999'" in capsys.readouterr().err


def test_the_command_refuses_an_agent_the_admin_scope(capsys: pytest.CaptureFixture[str]) -> None:
    factories.agent(username="mari")
    assert main(["token", "create", "mari", "--scope", "admin"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "at most the scope" in captured.err
    assert main(["token", "create", "mari", "--days", "400"]) == 2
    assert "from 1 to 365 days" in capsys.readouterr().err
    assert not ApiToken.objects.exists()


def test_the_owner_is_mailed_once_a_week_before_a_token_ends() -> None:
    owner = factories.agent(email="kati@desk.example")
    factories.api_token(owner, scope="read", days=30)
    soon = factories.api_token(owner, scope="read", days=6)
    now = timezone.now()
    assert token_expiry_warnings_send(now=now) == 1
    assert token_expiry_warnings_send(now=now) == 0
    assert token_expiry_warnings_send(now=now + timedelta(days=1)) == 0
    warned = OutboundMail.objects.get()
    assert warned.to == ["kati@desk.example"]
    assert soon[:10] in warned.text
    assert reverse("people:tokens") in warned.text
    # Three weeks on, the longer one is due its own warning, once.
    assert token_expiry_warnings_send(now=now + timedelta(days=24)) == 1
    assert OutboundMail.objects.count() == 2
    assert mail.outbox == []  # queued, handed to the relay by the mail task


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrations_back_to_latest")
def test_tokens_made_before_scopes_keep_their_power_and_are_flagged() -> None:
    before = [("accounts", "0004_agentpresence_from_routing")]
    after = [("accounts", "0005_token_scopes_and_expiry")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    kati = old_apps.get_model("accounts", "User").objects.create(username="kati", role="agent")
    old_apps.get_model("accounts", "ApiToken").objects.create(
        user=kati, name="phone system", prefix="fd_old", digest="0" * 64
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)

    new_token = executor.loader.project_state(after).apps.get_model("accounts", "ApiToken")
    token = new_token.objects.get()
    assert (token.scope, token.expires_at, token.made_before_scopes) == ("admin", None, True)
