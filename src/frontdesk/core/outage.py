"""When the database does not answer: 503 "try again", never a 500, and nothing lost.

A database that is restarting, failing over or unreachable for a few seconds raises
`OperationalError` or `InterfaceError` wherever the request first needs it — in a view, or in
the session and log-in middleware before any view. Django hands every uncaught exception to the
500 handler; this one answers those two with 503 and `Retry-After`: JSON `{"detail": …}` on the
API, and on pages a short page in the reader's language that, for a form, carries what was sent
back in a "Send again" button (the request's transaction was rolled back, so nothing of it was
written). Any other error keeps Django's own 500.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views import defaults

from frontdesk.core.constants import API_PATH

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's `handler500`: called inside the `except` that caught the request's error."""
    error = sys.exc_info()[1]
    if not isinstance(error, DATABASE_ERRORS):
        return defaults.server_error(request)
    logger.warning("the database did not answer %s %s: %s", request.method, request.path, error)
    if request.path_info.startswith(API_PATH):
        response: HttpResponse = JsonResponse(
            {"detail": _("The desk's database is not answering; nothing was saved. Try again.")},
            status=503,
        )
    else:
        # Rendered without the request: context processors would ask the database again.
        sent = [
            (name, value)
            for name, values in (request.POST.lists() if request.method == "POST" else [])
            for value in values
        ]
        response = HttpResponse(
            render_to_string(
                "core/outage.html",
                {
                    "sent": sent,
                    "action": request.get_full_path(),
                    "had_files": bool(request.method == "POST" and request.FILES),
                    "seconds": RETRY_AFTER_SECONDS,
                    "rtl": get_language_bidi(),
                },
            ),
            status=503,
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
