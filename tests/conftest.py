from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import translation
from django_tasks import task_backends
from django_tasks.backends.dummy import DummyBackend

from frontdesk.accounts.models import User
from tests import factories

if TYPE_CHECKING:
    # The test client's response, as the stubs name it (a class only the type checker knows).
    from django.test.client import _MonkeyPatchedWSGIResponse as Response


@pytest.fixture(autouse=True)
def fresh_memory() -> None:
    """Settings remembered for a few seconds in the process must not leak between tests."""
    from frontdesk.accounts.tokens import tokens_forget
    from frontdesk.core.memo import forget_all

    forget_all()
    tokens_forget()


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """A page shown in an agent's language leaves that language active in the thread (the
    locale middlewares activate and never deactivate); the next test starts in the default."""
    yield
    translation.deactivate()


@pytest.fixture
def agent(db: None) -> User:
    return factories.agent()


@pytest.fixture
def agent_client(agent: User) -> Client:
    client = Client()
    client.force_login(agent)
    return client


@pytest.fixture
def api(agent: User) -> ApiClient:
    return ApiClient(factories.api_token(agent))


class ApiClient:
    """The Django test client with an agent's bearer token on every request."""

    def __init__(self, token: str) -> None:
        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    def get(self, path: str, **params: str | int) -> Response:
        return self.client.get(path, params)

    def post(self, path: str, body: object) -> Response:
        return self.client.post(path, body, content_type="application/json")

    def patch(self, path: str, body: object) -> Response:
        return self.client.patch(path, body, content_type="application/json")

    def put(self, path: str, body: object) -> Response:
        return self.client.put(path, body, content_type="application/json")

    def delete(self, path: str) -> Response:
        return self.client.delete(path)


def kept_tasks() -> DummyBackend:
    """The task backend a test switched to `DummyBackend`, which keeps the tasks it is given."""
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    return backend


def signed_in(user: User) -> Client:
    """A browser session of this agent."""
    client = Client()
    client.force_login(user)
    return client


def token_client(user: User) -> Client:
    """The Django test client with this agent's bearer token on every request (every verb)."""
    return Client(HTTP_AUTHORIZATION=f"Bearer {factories.api_token(user)}")


@pytest.fixture
def lead(db: None) -> User:
    """A lead, named so a test can find them in the change record."""
    return factories.agent(role="lead", full_name="Lea Lead")


@pytest.fixture
def migrations_back_to_latest() -> Iterator[None]:
    # Later tests expect every migration applied; leave the database the way it was found.
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
