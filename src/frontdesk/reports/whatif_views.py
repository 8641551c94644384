"""The what-if page: a lead replays the desk's days as they were and with a change, side by side."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.charts import Chart, Series, value_text
from frontdesk.core.clock import desk_today
from frontdesk.core.errors import Invalid
from frontdesk.engine.simulation import Summary
from frontdesk.reports.whatif import (
    DEFAULT_MINUTES,
    MAX_CONTACTS,
    MAX_SPAN_DAYS,
    Source,
    WhatIf,
    whatif_compare,
    whatif_history,
)
from frontdesk.reports.whatif_forms import WhatIfForm
from frontdesk.tickets.selectors import queue_weights

LEVELS = (1, 2, 3, 4)
AS_IT_WAS = gettext_lazy("As it was")
WITH_THE_CHANGE = gettext_lazy("With the change")


@dataclass(frozen=True)
class Row:
    """A line of the side-by-side table: a figure as it was, with the change, and the change."""

    label: str | Promise
    before: float | None
    after: float | None
    decimals: int = 1
    percent: bool = False

    @property
    def difference(self) -> float | None:
        """With the change less as it was; None when either has no figure."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    def _text(self, value: float | None, *, signed: bool = False) -> str:
        text = value_text(None if value is None else abs(value) if signed else value, self.decimals)
        if value is not None and signed and round(value, self.decimals):
            text = ("+" if value > 0 else "−") + text
        return f"{text}\u00a0%" if self.percent and value is not None else text

    @property
    def before_text(self) -> str:
        """The figure as it was, in the reader's number format."""
        return self._text(self.before)

    @property
    def after_text(self) -> str:
        """The figure with the change, in the reader's number format."""
        return self._text(self.after)

    @property
    def difference_text(self) -> str:
        """The change, signed (a minus sign when it went down)."""
        return self._text(self.difference, signed=True)


def whatif_rows(before: Summary, after: Summary) -> list[Row]:
    """The figures a lead compares, in the order the page shows them."""
    rows = [
        Row(_("Mean wait"), before.mean_wait_minutes, after.mean_wait_minutes),
        Row(_("Median wait"), before.median_wait_minutes, after.median_wait_minutes),
        Row(_("90th percentile wait"), before.p90_wait_minutes, after.p90_wait_minutes),
        Row(_("Longest wait"), before.max_wait_minutes, after.max_wait_minutes),
        Row(
            _("Level 1, 90th percentile wait"),
            before.level1_p90_wait_minutes,
            after.level1_p90_wait_minutes,
        ),
        Row(
            _("Key customers, mean wait"), before.key_mean_wait_minutes, after.key_mean_wait_minutes
        ),
    ]
    rows += [
        Row(
            _("SLA breaches, level %(level)d") % {"level": level},
            before.sla_breaches[str(level)],
            after.sla_breaches[str(level)],
            decimals=0,
        )
        for level in LEVELS
    ]
    rows += [
        Row(_("Left unanswered at the end"), before.unserved, after.unserved, decimals=0),
        Row(_("Utilisation"), before.utilisation * 100, after.utilisation * 100, percent=True),
    ]
    return rows


def whatif_charts(found: WhatIf) -> list[Chart]:
    """The charts of a replay: waits by the hour of arrival, and SLA breaches per level."""
    before, after = found.baseline, found.changed
    hours = sorted(set(before.wait_by_hour) | set(after.wait_by_hour))
    return [
        Chart(
            key="whatif-hours",
            title=_("Mean wait by hour of arrival"),
            kind="lines",
            category_label=_("Hour"),
            categories=tuple(f"{hour:02d}:00" for hour in hours),
            series=(
                Series(AS_IT_WAS, tuple(before.wait_by_hour.get(hour) for hour in hours)),
                Series(WITH_THE_CHANGE, tuple(after.wait_by_hour.get(hour) for hour in hours)),
            ),
            unit=_("business minutes"),
            decimals=1,
        ),
        Chart(
            key="whatif-breaches",
            title=_("SLA breaches per level"),
            kind="bars",
            category_label=_("Level"),
            categories=tuple(_("Level %(level)d") % {"level": level} for level in LEVELS),
            series=(
                Series(
                    AS_IT_WAS,
                    tuple(float(before.summary.sla_breaches[str(level)]) for level in LEVELS),
                ),
                Series(
                    WITH_THE_CHANGE,
                    tuple(float(after.summary.sla_breaches[str(level)]) for level in LEVELS),
                ),
            ),
            unit=_("contacts"),
        ),
    ]


@login_required
@require_safe
def whatif_page(request: HttpRequest) -> HttpResponse:
    """Replay the chosen days as they were and with the lead's change (leads and admins)."""
    agent = request_agent(request)
    if not agent.is_lead:
        raise PermissionDenied
    form = WhatIfForm(request.GET or None, weights=queue_weights(), today=desk_today())
    found = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            history = whatif_history(
                since=data["since"], until=data["until"], agents_without_roster=data["agents"]
            )
            found = whatif_compare(history=history, variation=form.variation())
        except Invalid as error:
            form.add_error(None, str(error))
    context: dict[str, object] = {
        "form": form,
        "found": found,
        "max_days": MAX_SPAN_DAYS,
        "max_contacts": MAX_CONTACTS,
        "default_minutes": int(DEFAULT_MINUTES),
    }
    if found is not None:
        sources = found.history.contacts.sources
        context |= {
            "rows": whatif_rows(found.baseline.summary, found.changed.summary),
            "charts": whatif_charts(found),
            "sources": {source.value: sources[source] for source in Source},
        }
    return render(request, "reports/whatif.html", context)
