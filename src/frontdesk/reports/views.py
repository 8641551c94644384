"""The lead's reports page: figures for a span of days as charts with their tables, and each
table as CSV."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from frontdesk.accounts.selectors import request_agent
from frontdesk.audit.services import audit_record
from frontdesk.core.charts import chart_csv_response
from frontdesk.core.clock import desk_today
from frontdesk.reports.charts import report_charts
from frontdesk.reports.forms import SpanForm
from frontdesk.reports.selectors import report_figures

# The page's sections, each a heading and the keys of its charts (reports/charts.py).
SECTIONS = (
    (
        _("First response"),
        (
            "first-response-channel",
            "first-response-level",
            "first-response-team",
            "first-response-agent",
        ),
    ),
    (
        _("Resolution"),
        ("resolution-channel", "resolution-level", "resolution-team", "resolution-agent"),
    ),
    (_("Load and staffing"), ("per-day", "per-hour", "load-agent")),
    (_("Service levels and backlog"), ("sla-level", "backlog-age")),
    (_("Customers, holding replies and promises"), ("segments", "holding-replies", "promises")),
    (
        _("Customer satisfaction"),
        ("satisfaction-agent", "satisfaction-channel", "satisfaction-level"),
    ),
)


@login_required
@require_safe
def reports_page(request: HttpRequest) -> HttpResponse:
    """The lead's reports for the days asked (the last week by default); `format=csv` with
    `report=<key>` downloads one report's table instead. Leads and admins only."""
    if not request_agent(request).is_lead:
        raise PermissionDenied
    form = SpanForm(request.GET, today=desk_today())
    if not form.is_valid():
        return render(request, "reports/index.html", {"form": form}, status=400)
    span = form.span
    report = report_figures(period=span.period, now=timezone.now())
    charts = report_charts(report)
    days = {"first": span.first.isoformat(), "last": span.last.isoformat()}
    if request.GET.get("format") == "csv":
        chart = charts.get(request.GET.get("report", ""))
        if chart is None:
            raise Http404
        audit_record(
            actor=request.user,
            action="export",
            detail={"report": chart.key, "first": days["first"], "last": days["last"]},
        )
        return chart_csv_response(
            chart, filename=f"frontdesk-{chart.key}-{days['first']}-{days['last']}.csv"
        )
    context = {
        "form": form,
        "report": report,
        "span": span,
        "sections": [
            (
                title,
                [
                    (charts[key], "?" + urlencode({**days, "format": "csv", "report": key}))
                    for key in keys
                ],
            )
            for title, keys in SECTIONS
        ],
    }
    return render(request, "reports/index.html", context)
