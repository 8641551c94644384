"""The API's ways in: an agent's bearer token, and a lead's for changing the desk's settings."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from frontdesk.accounts.models import User
from frontdesk.accounts.tokens import token_authenticate
from frontdesk.core.errors import Forbidden

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Operations tagged so are for leads and admins only, reading too (LeadOnlyToken); the role walk
# (tests/config/test_role_walk.py) finds and checks each.
LEADS_TAG = "leads"


class AgentToken(HttpBearer):
    """`Authorization: Bearer TOKEN`, from an agent's settings page or `frontdesk token create`."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = token_authenticate(raw=token)
        if user is not None:
            request.user = user
        return user


class LeadToken(AgentToken):
    """An agent's token that may also change the desk's settings when the agent is a lead or an
    admin; another agent may read (GET) and is refused (403) anything else, before the body is
    even read."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = super().authenticate(request, token)
        if user is not None and request.method in WRITE_METHODS and not user.is_lead:
            raise Forbidden("Only a lead or an admin may change the desk's settings.")
        return user


class LeadOnlyToken(AgentToken):
    """A lead's or an admin's token, for what only they may see (the reports); any other
    agent is refused (403), reading too."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = super().authenticate(request, token)
        if user is not None and not user.is_lead:
            raise Forbidden("Only a lead or an admin may see this.")
        return user
