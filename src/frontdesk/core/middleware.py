"""What every request passes through on its way in and every answer on its way out."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict

from frontdesk.core.constants import API_PATH

if TYPE_CHECKING:
    from django.http.request import _ImmutableQueryDict

T = TypeVar("T")
NUL = "\x00"

# Headers of an error answer that a client needs to act on it.
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


class ApiErrorsMiddleware:
    """Every error the API answers is JSON `{"detail": ...}`, also those made outside its
    operations: an unknown path (Django's 404 page), a wrong method (ninja's plain text 405),
    a crash (Django's 500 page)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path_info.startswith(API_PATH)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        answer = JsonResponse({"detail": response.reason_phrase}, status=response.status_code)
        for header in KEPT_HEADERS:
            if header in response:
                answer[header] = response[header]
        return answer


def without_nul(value: T) -> T:
    """`value` with the NUL characters taken out of its strings, through lists and dicts."""
    if isinstance(value, str):
        return value.replace(NUL, "")  # type: ignore[return-value]
    if isinstance(value, list):
        return [without_nul(item) for item in value]  # type: ignore[return-value]
    if isinstance(value, dict):
        return {key: without_nul(item) for key, item in value.items()}  # type: ignore[return-value]
    return value


def _query_without_nul(query: _ImmutableQueryDict) -> _ImmutableQueryDict:
    if not any(NUL in key or NUL in "".join(values) for key, values in query.lists()):
        return query
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        cleaned.setlist(without_nul(key), without_nul(values))
    cleaned._mutable = False
    return cleaned  # type: ignore[return-value]  # made immutable the line above


class NulMiddleware:
    """Take NUL characters out of query strings, form fields and cookies before any view reads
    them; an address with one names nothing (404). JSON bodies get the same from the API's
    parser.

    PostgreSQL cannot store a NUL in text, and nobody means one: it comes from text pasted out
    of a binary file or from a broken client. Refusing it would bounce a message over a
    character its writer cannot see, so it is dropped and nothing that can be read is lost."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if NUL in request.path_info:
            raise Http404("An address with a NUL character names nothing.")
        request.GET = _query_without_nul(request.GET)
        if request.method == "POST" and not request.path_info.startswith(API_PATH):
            # Files keep their bytes; Django already drops unprintable characters from their names.
            # The API reads JSON bodies only, and reading a body as a form here would use it up.
            request.POST = _query_without_nul(request.POST)
        request.COOKIES = without_nul(request.COOKIES)
        return self.get_response(request)
