"""The audit trail's page in the desk's settings, for admins."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from frontdesk.audit.constants import PAGE_SIZE
from frontdesk.audit.forms import AuditFilterForm, actor_names
from frontdesk.audit.services import audit_actions, audit_list
from frontdesk.audit.wording import events_read
from frontdesk.core.clock import desk_midnight
from frontdesk.core.http import page_of
from frontdesk.core.settings_menu import settings_page


@settings_page("audit")
def audit_page(request: HttpRequest) -> HttpResponse:
    """Who viewed or changed what, newest first, narrowed by agent, action and days."""
    form = AuditFilterForm(request.GET or None, actions=audit_actions(), actors=actor_names())
    events = audit_list()
    status = 200
    if form.is_bound:
        if form.is_valid():
            first, last = form.cleaned_data["first"], form.cleaned_data["last"]
            events = audit_list(
                actor=form.cleaned_data["actor"],
                action=form.cleaned_data["action"],
                since=desk_midnight(first) if first else None,
                before=desk_midnight(last + timedelta(days=1)) if last else None,
            )
        else:
            status = 400
    page, others = page_of(request, events, PAGE_SIZE)
    context = {"form": form, "page": page, "lines": events_read(page.object_list), "query": others}
    return render(request, "audit/list.html", context, status=status)
