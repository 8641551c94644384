"""The log bar: a line typed on any agent page, saved when certain, confirmed when not."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from frontdesk.config.errors import Invalid
from frontdesk.config.http import request_agent
from frontdesk.journal.selectors import follow_ups_open, promises_unbacked
from frontdesk.journal.services import log_line_read, log_line_save


@login_required
@require_POST
def log_line_page(request: HttpRequest) -> HttpResponse:
    """Read the line; save it when it is certain or the agent has chosen; otherwise ask."""
    agent = request_agent(request)
    line = request.POST.get("line", "")
    customer_id = request.POST.get("customer_id", "")
    new_customer = request.POST.get("new_customer") == "1"
    parsed = log_line_read(line=line, writer=agent)
    chosen = customer_id.isdigit() or new_customer
    context: dict[str, object] = {"line": line, "parsed": parsed}
    if parsed.certain or chosen:
        try:
            context["saved"] = log_line_save(
                line=line,
                writer=agent,
                customer_id=int(customer_id) if customer_id.isdigit() else None,
                new_customer=new_customer,
            )
        except Invalid as error:
            context["error"] = str(error)
    return render(request, "journal/_log_result.html", context)


@login_required
def promises_page(request: HttpRequest) -> HttpResponse:
    """Every open promise of the team, and contacts that promised something with no follow-up."""
    now = timezone.now()
    return render(
        request,
        "journal/promises.html",
        {
            "follow_ups": follow_ups_open(),
            "unbacked": promises_unbacked(since=now - timedelta(days=14)),
            "now": now,
        },
    )
