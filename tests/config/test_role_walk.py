"""The role walk: every settings page and every settings operation of the API, as a lead, an
agent and a stranger. Sections and operations are found, not listed: a new one is walked."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.auth import LEADS_TAG
from frontdesk.accounts.choices import Role
from frontdesk.accounts.models import User
from frontdesk.config.api import SETTINGS_TAG, api
from frontdesk.core.settings_menu import sections
from tests import factories

READ_ONLY_NOTE = "You can read these settings"
WRITES = ("post", "put", "patch", "delete")


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _settings_urls() -> list[tuple[str, bool]]:
    return [(reverse("core:settings"), False)] + [
        (reverse(section.url_name), section.agents_write)
        for section in sections()
        if not section.admins_only
    ]


@pytest.mark.django_db
def test_an_admins_only_settings_page_is_refused_to_leads_and_agents_and_hidden_from_them() -> None:
    lead = _signed_in(factories.agent(role=Role.LEAD))
    admin = _signed_in(factories.agent(role=Role.ADMIN))
    agent = _signed_in(factories.agent(role=Role.AGENT))
    walked = [section for section in sections() if section.admins_only]
    for section in walked:
        url = reverse(section.url_name)
        assert admin.get(url).status_code == 200, url
        assert url in admin.get(reverse("core:settings")).content.decode(), url
        for client in (lead, agent):
            assert client.get(url).status_code == 403, url
            assert client.post(url, {}).status_code == 403, url
            assert url not in client.get(reverse("core:settings")).content.decode(), url
        assert Client().get(url)["Location"].startswith(reverse("accounts:login")), url
    # The audit trail, at least.
    assert walked


@pytest.mark.django_db
def test_every_settings_page_is_a_leads_to_change_an_agents_to_read_and_nobody_elses() -> None:
    lead = _signed_in(factories.agent(role=Role.LEAD))
    admin = _signed_in(factories.agent(role=Role.ADMIN))
    agent = _signed_in(factories.agent(role=Role.AGENT))
    stranger = Client()
    walked = []
    for url, agents_write in _settings_urls():
        for client in (lead, admin):
            page = client.get(url)
            assert page.status_code == 200, url
            assert READ_ONLY_NOTE not in page.content.decode(), url
        page = agent.get(url)
        assert page.status_code == 200, url
        if not agents_write:
            assert READ_ONLY_NOTE in page.content.decode(), url
            assert agent.post(url, {}).status_code == 403, url
        assert stranger.get(url)["Location"].startswith(reverse("accounts:login")), url
        assert stranger.post(url, {}).status_code == 302, url
        walked.append(url)
    # The settings' home, the change record, and each app's sections.
    assert len(walked) >= 3


def _settings_operations() -> list[tuple[str, str]]:
    document = api.get_openapi_schema()
    found = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if SETTINGS_TAG in operation.get("tags", ()):
                found.append((method, re.sub(r"\{[^}]+\}", "1", path)))
    return found


@pytest.mark.django_db
def test_every_settings_operation_of_the_api_is_a_leads_to_change_and_an_agents_to_read() -> None:
    lead_token = factories.api_token(factories.agent(role=Role.LEAD))
    agent_token = factories.api_token(factories.agent(role=Role.AGENT))
    lead = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {lead_token}")
    agent = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {agent_token}")
    stranger = Client(raise_request_exception=False)
    operations = _settings_operations()
    # The issue's own list is among them, reading and writing.
    walked = {(method, path.removeprefix("/api/v1/").split("/")[0]) for method, path in operations}
    for resource in ("macros", "log-codes", "teams", "business-hours", "agents"):
        assert {
            ("get", resource),
            ("post" if resource != "business-hours" else "put", resource),
        } <= walked
    for method, path in operations:
        send = {"get": "get", **{write: write for write in WRITES}}[method]
        assert getattr(stranger, send)(path).status_code == 401, (method, path)
        if method in WRITES:
            refused = getattr(agent, send)(path, "{}", content_type="application/json")
            assert refused.status_code == 403, (method, path)
            assert "lead" in refused.json()["detail"], (method, path)
            tried = getattr(lead, send)(path, "{}", content_type="application/json")
            assert tried.status_code not in {401, 403, 500}, (method, path, tried.content)
        else:
            for client in (agent, lead):
                assert getattr(client, send)(path).status_code in {200, 404}, (method, path)


@pytest.mark.django_db  # the document lists the custom fields the desk has defined
def test_the_api_document_declares_403_on_every_settings_write() -> None:
    document = api.get_openapi_schema()
    for operations in document["paths"].values():
        for method, operation in operations.items():
            if SETTINGS_TAG in operation.get("tags", ()) and method in WRITES:
                assert "403" in {str(status) for status in operation["responses"]}


def _lead_only_operations() -> list[tuple[str, str]]:
    document = api.get_openapi_schema()
    return [
        (method, re.sub(r"\{[^}]+\}", "1", path))
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if LEADS_TAG in operation.get("tags", ())
    ]


@pytest.mark.django_db
def test_every_lead_only_operation_of_the_api_is_refused_to_agents_reading_too() -> None:
    lead = Client(
        HTTP_AUTHORIZATION=f"Bearer {factories.api_token(factories.agent(role=Role.LEAD))}"
    )
    agent = Client(HTTP_AUTHORIZATION=f"Bearer {factories.api_token(factories.agent())}")
    operations = _lead_only_operations()
    assert ("get", "/api/v1/reports/summary") in operations
    for method, path in operations:
        assert getattr(Client(), method)(path).status_code == 401, (method, path)
        refused = getattr(agent, method)(path)
        assert refused.status_code == 403, (method, path)
        assert "lead" in refused.json()["detail"], (method, path)
        assert getattr(lead, method)(path).status_code in {200, 404}, (method, path)
    for operations in api.get_openapi_schema()["paths"].values():
        for operation in operations.values():
            if LEADS_TAG in operation.get("tags", ()):
                assert "403" in {str(status) for status in operation["responses"]}
