"""The request's address, for every event recorded while the request is answered."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from frontdesk.audit.services import request_address


class AuditAddressMiddleware:
    """Keep the request's address (REMOTE_ADDR, which config/proxy.py sets from a trusted proxy's
    header) for `audit_record`, so services record it without being handed the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_address(request.META.get("REMOTE_ADDR") or None):
            return self.get_response(request)
