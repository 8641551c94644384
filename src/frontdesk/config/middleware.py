"""What every request passes through on its way in and every answer on its way out."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from frontdesk.config.constants import API_PATH

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
