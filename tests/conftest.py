from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client
from django.utils import translation

from frontdesk.accounts.models import User
from tests import factories


@pytest.fixture(autouse=True)
def fresh_memory() -> None:
    """Settings remembered for a few seconds in the process must not leak between tests."""
    from frontdesk.core.memo import forget_all

    forget_all()


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

    def get(self, path: str, **params: object):  # type: ignore[no-untyped-def]
        return self.client.get(path, params)

    def post(self, path: str, body: object):  # type: ignore[no-untyped-def]
        return self.client.post(path, body, content_type="application/json")

    def patch(self, path: str, body: object):  # type: ignore[no-untyped-def]
        return self.client.patch(path, body, content_type="application/json")
