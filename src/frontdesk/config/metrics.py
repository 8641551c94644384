"""/metrics: the desk's figures for Prometheus. Never anonymous: a token of the admin scope, or a
scraper at one of FRONTDESK_METRICS_ALLOW's addresses; anyone else is told nothing is here."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from prometheus_client import CONTENT_TYPE_LATEST

from frontdesk.accounts.auth import bearer_authenticate, request_auth_scope
from frontdesk.accounts.choices import TokenScope
from frontdesk.accounts.tokens import token_scope_allows
from frontdesk.core.metrics import metrics_text


def address_allowed(address: str, networks: list[str]) -> bool:
    """Whether the client's address is in one of the allowed networks."""
    try:
        client = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(client in ipaddress.ip_network(network) for network in networks)


def _refused(status: int, detail: str, error: str) -> JsonResponse:
    response = JsonResponse({"detail": detail}, status=status)
    response["WWW-Authenticate"] = f'Bearer error="{error}"'
    return response


def metrics(request: HttpRequest) -> HttpResponse:
    """The Prometheus scrape, for a bearer token of the admin scope or an allowed address; 401
    for a token that is not one (unknown, revoked, past its end), 403 for a lesser scope, else
    404."""
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, raw = header.partition(" ")
        user = bearer_authenticate(request, raw.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            return _refused(401, "This token is unknown, revoked or expired.", "invalid_token")
        scope = request_auth_scope(request)
        if scope is None or not token_scope_allows(scope=scope, needed=TokenScope.ADMIN):
            return _refused(
                403, "Only a token of the admin scope may read the metrics.", "insufficient_scope"
            )
    elif not address_allowed(request.META.get("REMOTE_ADDR", ""), settings.METRICS_ALLOW):
        raise Http404
    return HttpResponse(metrics_text(), content_type=CONTENT_TYPE_LATEST)
