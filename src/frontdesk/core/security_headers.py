"""Headers that keep a page's data where it was shown: no copy in a cache, no powerful features.

Every dynamic answer is sent with `Cache-Control: no-store` unless it is one of the few public
pages named in `CACHEABLE_PAGES` (the request form, the status page), holds nothing of anyone's,
and is asked for by someone not signed in. So a new page with customer data on it is kept out of
the browser's disk, its back-forward cache and any proxy without anyone remembering to say so.
A view that chose its own Cache-Control (a recording's audio, which the player fetches in parts)
keeps it. Static files never pass here: WhiteNoise answers for them first.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers


def keeps_no_copy(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether the answer must not be stored by a browser or a proxy."""
    if response.has_header("Cache-Control"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    match = request.resolver_match
    return match is None or match.view_name not in settings.CACHEABLE_PAGES


class SecurityHeadersMiddleware:
    """Adds `Cache-Control: no-store` where `keeps_no_copy` says, and the Permissions-Policy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if keeps_no_copy(request, response):
            add_never_cache_headers(response)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
