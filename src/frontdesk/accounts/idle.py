"""Ending a desk session after idle time.

An agent who walks away from an open desk leaves a logged-in browser behind. A session that saw
no activity for FRONTDESK_SESSION_IDLE_MINUTES ends on its next request, which goes to the log-in
page saying why. Polls (the queue refreshing itself) carry `X-Frontdesk-Poll: 1` and are not
activity: an open queue on a screen nobody touches ends too, which is the point.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils import timezone
from django.utils.translation import ngettext
from django_htmx.http import HttpResponseClientRedirect

# The session's note of the agent's last activity, in seconds since the epoch.
LAST_SEEN = "frontdesk_last_seen"
# The header polling elements send (`hx-headers='{"X-Frontdesk-Poll": "1"}'`), as Django names it.
POLL_META = "HTTP_X_FRONTDESK_POLL"


def idle_clock_start(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """Note a log-in as activity (on `user_logged_in`), so the first page after it costs no
    session write of its own."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = timezone.now().timestamp()


def is_poll(request: HttpRequest) -> bool:
    """Whether the request is a page refreshing itself rather than the agent doing something."""
    return request.META.get(POLL_META) == "1"


class IdleSessionMiddleware:
    """Log out an agent whose session was idle longer than FRONTDESK_SESSION_IDLE_MINUTES
    (0: never), and send them to the log-in page (htmx requests by `HX-Redirect`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        minutes = settings.SESSION_IDLE_MINUTES
        if not minutes or not request.user.is_authenticated:
            return self.get_response(request)
        now = timezone.now().timestamp()
        last_seen = request.session.get(LAST_SEEN)
        if last_seen is not None and now - last_seen > minutes * 60:
            return self._ended(request, minutes)
        # Saving the session on every request would cost a database write for every page and
        # every fragment; refreshing the note once per sixtieth of the idle time is enough to
        # end a session within 2% of the setting.
        if not is_poll(request) and (last_seen is None or now - last_seen >= minutes):
            request.session[LAST_SEEN] = now
        return self.get_response(request)

    def _ended(self, request: HttpRequest, minutes: int) -> HttpResponse:
        logout(request)
        if request.path.startswith("/api/"):
            # The API answers an unauthenticated caller itself (401), in JSON.
            return self.get_response(request)
        messages.info(
            request,
            ngettext(
                "You were logged out after %(minutes)d minute without activity.",
                "You were logged out after %(minutes)d minutes without activity.",
                minutes,
            )
            % {"minutes": minutes},
        )
        if request.headers.get("HX-Request") == "true":
            return HttpResponseClientRedirect(resolve_url(settings.LOGIN_URL))
        return redirect_to_login(request.get_full_path())
