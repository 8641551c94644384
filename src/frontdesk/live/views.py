"""The visitor kiosk on the desk's tablet, the visitor's number page on their phone, the
waiting-room screen, and the agent's buttons for a visit."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.clock import desk_today, span_text
from frontdesk.core.errors import Invalid
from frontdesk.core.http import HtmxHttpRequest, file_response_ranged
from frontdesk.core.ratelimit import kiosk_rate, post_rate_limited
from frontdesk.live.constants import (
    NUMBER_POLL_SECONDS,
    SCREEN_CALLED,
    SCREEN_NEXT,
    SCREEN_POLL_SECONDS,
)
from frontdesk.live.forms import KioskForm
from frontdesk.live.models import Recording, Visit
from frontdesk.live.recording_selectors import access_recording
from frontdesk.live.recording_services import SUFFIX_OF_TYPE
from frontdesk.live.selectors import (
    screen_language,
    visit_by_id,
    visit_by_token,
    visit_link_build,
    visits_called,
    visits_next,
)
from frontdesk.live.services import visit_create, visit_finish, visit_left, visit_serve
from frontdesk.schedules.selectors import desk_status
from frontdesk.tickets.views import ticket_for_page

# The number just taken, kept in the tablet's session until it goes back to the kiosk.
SLIP = "kiosk_slip"


@never_cache
@require_http_methods(["GET", "POST"])
@post_rate_limited(rate=kiosk_rate, group="kiosk")
def kiosk(request: HttpRequest) -> HttpResponse:
    """The tablet at the desk: a visitor takes a number, optionally giving a name and an
    address for the number's link. Coming back here forgets the last visitor's number."""
    if request.method == "POST":
        form = KioskForm(request.POST)
        if not form.is_valid():
            return render(request, "live/kiosk.html", {"form": form}, status=400)
        visit = visit_create(
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        until = timezone.now().timestamp() + settings.KIOSK_RETURN_SECONDS
        request.session[SLIP] = {"visit": visit.pk, "until": until}
        return redirect("live:taken")
    request.session.pop(SLIP, None)
    return render(request, "live/kiosk.html", {"form": KioskForm()})


@never_cache
@require_GET
def taken(request: HttpRequest) -> HttpResponse:
    """The number just taken, on the tablet for a short while, with a QR code to take it
    along; then, or on any later visit to this address, the kiosk again."""
    slip = request.session.get(SLIP)
    left = slip.get("until", 0) - timezone.now().timestamp() if isinstance(slip, dict) else 0
    visit = visit_by_id(visit_id=slip.get("visit")) if isinstance(slip, dict) else None
    if visit is None or left <= 0:
        request.session.pop(SLIP, None)
        return redirect("live:kiosk")
    status = desk_status(visit=visit)
    return render(
        request,
        "live/taken.html",
        {
            "visit": visit,
            "status": status,
            "wait": _wait(status.place.wait_minutes if status.place else None),
            "link": visit_link_build(visit=visit),
            "seconds": max(1, int(left)),
        },
    )


@never_cache
@require_GET
def number(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """The visitor's number page, on their phone: their place, the expected wait, and who
    calls them up; it asks for news by itself."""
    visit = visit_by_token(token=token)
    if visit is None:
        raise Http404("no such number")
    status = desk_status(visit=visit)
    context = {
        "visit": visit,
        "status": status,
        "wait": _wait(status.place.wait_minutes if status.place else None),
        "poll": NUMBER_POLL_SECONDS,
    }
    template = "live/_number.html" if request.htmx else "live/number.html"
    return render(request, template, context)


@never_cache
@require_GET
def screen(request: HtmxHttpRequest) -> HttpResponse:
    """The waiting-room screen: the numbers called up and by whom, the next ones, and the
    desk's notices, in the desk's language or in turn in those asked for."""
    now = timezone.now()
    day = desk_today(now)
    with translation.override(screen_language(asked=request.GET.get("lang", ""), now=now)):
        context = {
            "status": desk_status(now=now),
            "called": visits_called(day=day, limit=SCREEN_CALLED),
            "next": visits_next(day=day, limit=SCREEN_NEXT),
            "poll": SCREEN_POLL_SECONDS,
        }
        template = "live/_screen.html" if request.htmx else "live/screen.html"
        return render(request, template, context)


def _wait(minutes: int | None) -> str | None:
    return span_text(minutes) if minutes else None


def _visit(request: HttpRequest, ticket_id: int) -> Visit:
    ticket = ticket_for_page(request, ticket_id)
    visit = Visit.objects.filter(ticket=ticket).first()
    if visit is None:
        raise Http404("not a visit")
    return visit


@login_required
@require_POST
def visit_serve_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """Call the visitor up to the desk."""
    try:
        visit_serve(visit=_visit(request, ticket_id), agent=request_agent(request))
    except Invalid as error:
        messages.error(request, str(error))
    return redirect("tickets:detail", ticket_id=ticket_id)


@login_required
@require_POST
def visit_finish_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """The visitor has been served and left."""
    try:
        visit_finish(visit=_visit(request, ticket_id), agent=request_agent(request))
    except Invalid as error:
        messages.error(request, str(error))
        return redirect("tickets:detail", ticket_id=ticket_id)
    return redirect("routing:queue")


@login_required
@require_POST
def visit_left_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """The visitor is not here any more: called up and nobody came, or gone while waiting."""
    try:
        visit_left(visit=_visit(request, ticket_id), agent=request_agent(request))
    except Invalid as error:
        messages.error(request, str(error))
        return redirect("tickets:detail", ticket_id=ticket_id)
    return redirect("routing:queue")


@login_required
@require_GET
def recording_audio(request: HttpRequest, recording_id: int) -> HttpResponseBase:
    """A call's recording for the desk's player, in the part the player asks for."""
    return recording_response(
        request, access_recording(recording_id=recording_id, actor=request_agent(request))
    )


def recording_response(request: HttpRequest, recording: Recording) -> HttpResponseBase:
    """The stored audio, whole or the byte range asked for, never cached by a shared proxy."""
    response = file_response_ranged(
        request,
        recording.file.open("rb"),
        size=recording.file.size,
        content_type=recording.content_type,
    )
    response["Cache-Control"] = "private, max-age=3600"
    # Saved from the player's menu, the file is named after the call, not the desk's address.
    filename = f"call-{recording.call.call_id}{SUFFIX_OF_TYPE.get(recording.content_type, '')}"
    response["Content-Disposition"] = content_disposition_header(False, filename) or "inline"
    return response
