"""The visitor kiosk ("take a number") and the agent's buttons for a visit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from frontdesk.config.errors import Invalid
from frontdesk.config.http import request_agent
from frontdesk.live.models import Visit
from frontdesk.live.services import visit_create, visit_finish, visit_serve
from frontdesk.portal.views import intake_rate
from frontdesk.routing.wording import span_text
from frontdesk.schedules.selectors import desk_status
from frontdesk.tickets.views import ticket_for_page

SALT = "frontdesk.live.visit"


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=intake_rate, method="POST", block=True, group="kiosk")  # type: ignore[untyped-decorator]
def kiosk(request: HttpRequest) -> HttpResponse:
    """A tablet at the desk: a visitor takes a number, optionally giving a name."""
    if request.method == "POST":
        visit = visit_create(name=request.POST.get("name", ""))
        return redirect("live:number", token=signing.dumps(visit.pk, salt=SALT))
    return render(request, "live/kiosk.html")


def number(request: HttpRequest, token: str) -> HttpResponse:
    """The visitor's number and expected wait; it refreshes itself."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=24 * 3600)
    except signing.BadSignature as error:
        raise Http404("no such number") from error
    visit = Visit.objects.filter(pk=pk).first()
    if visit is None:
        raise Http404("no such number")
    status = desk_status(visit=visit)
    wait = status.place.wait_minutes if status.place else None
    return render(
        request,
        "live/number.html",
        {
            "visit": visit,
            "status": status,
            "wait": span_text(wait) if wait else None,
        },
    )


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
    visit_finish(visit=_visit(request, ticket_id), agent=request_agent(request))
    return redirect("routing:queue")
