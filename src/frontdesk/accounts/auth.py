"""The API's ways in: an agent's bearer token, and a lead's for changing the desk's settings.

Every way in sets `request.auth_scope` (a `TokenScope`: the lesser of the token's scope and what
its owner's role allows) and refuses a read token any write (403). What only leads and admins
may do needs the admin scope: `LeadToken` for its writes, `LeadOnlyToken` and `AdminToken` for
everything, or `token_scope_required(request, TokenScope.ADMIN)` inside an operation or a view.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from frontdesk.accounts.choices import TokenScope
from frontdesk.accounts.models import User
from frontdesk.accounts.tokens import (
    token_authenticate,
    token_scope_allows,
    token_scope_effective,
)
from frontdesk.core.errors import Forbidden

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Operations tagged so are for leads and admins only, reading too (LeadOnlyToken); the role walk
# (tests/config/test_role_walk.py) finds and checks each.
LEADS_TAG = "leads"
# Operations tagged so need a token of the admin scope, reading too (AdminToken).
ADMIN_TAG = "admin scope"

READ_ONLY = "This token may only read."
NEEDS_ADMIN_SCOPE = "This token's scope is not admin; make a token with the admin scope for this."


def request_auth_scope(request: HttpRequest) -> TokenScope | None:
    """The scope the request's token acts with; None when no token let it in."""
    scope = getattr(request, "auth_scope", None)
    return TokenScope(scope) if scope is not None else None


def token_scope_required(request: HttpRequest, needed: str) -> None:
    """Refuse (403) a request whose token's scope is less than `needed` (or that no token let
    in)."""
    scope = request_auth_scope(request)
    if scope is None or not token_scope_allows(scope=scope, needed=needed):
        raise Forbidden(READ_ONLY if needed == TokenScope.WRITE else NEEDS_ADMIN_SCOPE)


def bearer_authenticate(request: HttpRequest, raw: str) -> User | None:
    """The active agent a live token belongs to, or None; on success the request's `user` and
    `auth_scope` are set (for views outside the API too, such as /metrics)."""
    token = token_authenticate(raw=raw)
    if token is None:
        return None
    request.user = token.user
    request.auth_scope = token_scope_effective(token=token)  # type: ignore[attr-defined]
    return token.user


class AgentToken(HttpBearer):
    """`Authorization: Bearer TOKEN`, from an agent's tokens page or `frontdesk token create`; a
    read token is refused (403) any write, before the body is even read."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = bearer_authenticate(request, token)
        if user is not None and request.method in WRITE_METHODS:
            token_scope_required(request, TokenScope.WRITE)
        return user


class LeadToken(AgentToken):
    """An agent's token that may also change the desk's settings when the agent is a lead or an
    admin and the token's scope is admin; anyone's token may read (GET), and anything else is
    refused (403), before the body is even read."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = super().authenticate(request, token)
        if user is not None and request.method in WRITE_METHODS:
            if not user.is_lead:
                raise Forbidden("Only a lead or an admin may change the desk's settings.")
            token_scope_required(request, TokenScope.ADMIN)
        return user


class LeadOnlyToken(AgentToken):
    """A lead's or an admin's token of the admin scope, for what only they may see (the
    reports); anything else is refused (403), reading too."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = super().authenticate(request, token)
        if user is not None:
            if not user.is_lead:
                raise Forbidden("Only a lead or an admin may see this.")
            token_scope_required(request, TokenScope.ADMIN)
        return user


class AdminToken(AgentToken):
    """A token of the admin scope (only a lead's or an admin's can have it), for the audit trail
    and the like; anything else is refused (403), reading too. Tag its operations ADMIN_TAG so
    the OpenAPI document declares the 403."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = super().authenticate(request, token)
        if user is not None:
            token_scope_required(request, TokenScope.ADMIN)
        return user
