"""The lead's reports as charts, each with the table behind it (core/charts.py), by key: the
page shows them all, and `?format=csv&report=<key>` downloads one's table."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from frontdesk.core.charts import Chart, Series
from frontdesk.reports.selectors import Group, Ratings, Report
from frontdesk.tickets.choices import Channel, Level

MINUTES = gettext_lazy("minutes")


def _times(
    key: str,
    title: str | Promise,
    category_label: str | Promise,
    groups: Mapping[str, Group],
    *,
    resolution: bool,
) -> Chart:
    times = [group.resolution if resolution else group.first_response for group in groups.values()]
    return Chart(
        key=key,
        title=title,
        kind="bars",
        category_label=category_label,
        categories=tuple(groups),
        series=(
            Series(_("Median"), tuple(t.median_minutes for t in times)),
            Series(_("90th percentile"), tuple(t.p90_minutes for t in times)),
        ),
        table_only=(Series(_("Tickets"), tuple(float(t.count) for t in times)),),
        unit=MINUTES,
        decimals=1,
    )


def _labelled(report: Report) -> dict[str, tuple[str | Promise, dict[str, Group]]]:
    return {
        "channel": (
            _("Channel"),
            {str(Channel(c).label): group for c, group in report.by_channel.items()},
        ),
        "level": (
            _("Level"),
            {str(Level(v).label): group for v, group in report.by_level.items()},
        ),
        "team": (
            _("Team"),
            {name or _("No team"): group for name, group in report.by_team.items()},
        ),
        "agent": (
            _("Agent"),
            {name or _("Nobody"): group for name, group in report.by_agent.items()},
        ),
    }


def _ratings(
    key: str, title: str | Promise, category_label: str | Promise, groups: Mapping[str, Ratings]
) -> Chart:
    return Chart(
        key=key,
        title=title,
        kind="stacked",
        category_label=category_label,
        categories=tuple(groups),
        series=(
            Series(_("Good"), tuple(float(r.good) for r in groups.values())),
            Series(_("Bad"), tuple(float(r.bad) for r in groups.values())),
        ),
        table_only=(Series(_("Good (%)"), tuple(r.good_percent for r in groups.values())),),
    )


def _rating_charts(report: Report) -> dict[str, Chart]:
    by_channel = {str(Channel(c).label): r for c, r in report.satisfaction_by_channel.items()}
    by_level = {str(Level(v).label): r for v, r in report.satisfaction_by_level.items()}
    by_agent = {name or _("Nobody"): r for name, r in report.satisfaction_by_agent.items()}
    return {
        "satisfaction-agent": _ratings(
            "satisfaction-agent", _("Customers' ratings by agent"), _("Agent"), by_agent
        ),
        "satisfaction-channel": _ratings(
            "satisfaction-channel", _("Customers' ratings by channel"), _("Channel"), by_channel
        ),
        "satisfaction-level": _ratings(
            "satisfaction-level", _("Customers' ratings by level"), _("Level"), by_level
        ),
    }


def report_charts(report: Report) -> dict[str, Chart]:
    """Every chart of the report, by key, in the page's order."""
    labelled = _labelled(report)
    titles = {
        "first-response": {
            "channel": _("First response by channel"),
            "level": _("First response by level"),
            "team": _("First response by team"),
            "agent": _("First response by agent"),
        },
        "resolution": {
            "channel": _("Resolution by channel"),
            "level": _("Resolution by level"),
            "team": _("Resolution by team"),
            "agent": _("Resolution by agent"),
        },
    }
    charts: dict[str, Chart] = {}
    for kind, by_dimension in titles.items():
        for dimension, title in by_dimension.items():
            label, groups = labelled[dimension]
            key = f"{kind}-{dimension}"
            charts[key] = _times(key, title, label, groups, resolution=kind == "resolution")
    agents = labelled["agent"][1]
    charts["load-agent"] = Chart(
        key="load-agent",
        title=_("Tickets per agent"),
        kind="bars",
        category_label=_("Agent"),
        categories=tuple(agents),
        series=(
            Series(_("Created"), tuple(float(g.created) for g in agents.values())),
            Series(_("Solved"), tuple(float(g.solved) for g in agents.values())),
        ),
    )
    levels = [str(label) for _value, label in Level.choices]
    sla = list(report.sla_by_level.values())
    charts["sla-level"] = Chart(
        key="sla-level",
        title=_("Service levels per level"),
        kind="stacked",
        category_label=_("Level"),
        categories=tuple(levels),
        series=(
            Series(_("Attained"), tuple(float(s.attained) for s in sla)),
            Series(_("Breached"), tuple(float(s.breached) for s in sla)),
            Series(_("Still running"), tuple(float(s.running) for s in sla)),
        ),
    )
    charts["per-day"] = Chart(
        key="per-day",
        title=_("Created and solved per day"),
        kind="lines",
        category_label=_("Day"),
        categories=tuple(date_format(d.day, "SHORT_DATE_FORMAT") for d in report.per_day),
        series=(
            Series(_("Created"), tuple(float(d.created) for d in report.per_day)),
            Series(_("Solved"), tuple(float(d.solved) for d in report.per_day)),
        ),
    )
    charts["per-hour"] = Chart(
        key="per-hour",
        title=_("Contacts per hour of the day, against the agents they need"),
        kind="lines",
        category_label=_("Hour"),
        categories=tuple(f"{h.hour:02d}:00" for h in report.per_hour),
        series=(
            Series(_("Contacts per day"), tuple(h.contacts_per_day for h in report.per_hour)),
            Series(
                _("Agents needed (Erlang C)"),
                tuple(float(h.agents_needed) for h in report.per_hour),
            ),
        ),
        decimals=2,
    )
    charts["backlog-age"] = Chart(
        key="backlog-age",
        title=_("Open tickets now, by age"),
        kind="bars",
        category_label=_("Age"),
        categories=(
            _("under 1 hour"),
            _("1–8 hours"),
            _("8–24 hours"),
            _("1–3 days"),
            _("3–7 days"),
            _("over 7 days"),
        ),
        series=(Series(_("Open tickets"), tuple(float(n) for n in report.backlog_ages)),),
    )
    charts["segments"] = Chart(
        key="segments",
        title=_("Contacts per customer segment"),
        kind="bars",
        category_label=_("Segment"),
        categories=(_("Key customers"), _("New customers"), _("Returning customers")),
        series=(Series(_("Contacts"), tuple(float(n) for n in report.segments.values())),),
    )
    by_agents, by_desk = report.holding_replies
    charts["holding-replies"] = Chart(
        key="holding-replies",
        title=_("Holding replies sent"),
        kind="bars",
        category_label=_("Sent by"),
        categories=(_("Agents"), _("The desk, by itself")),
        series=(Series(_("Holding replies"), (float(by_agents), float(by_desk))),),
    )
    promises = report.promises
    charts["promises"] = Chart(
        key="promises",
        title=_("Promises due in these days"),
        kind="bars",
        category_label=_("Outcome"),
        categories=(_("Kept in time"), _("Kept late"), _("Overdue"), _("Not due yet")),
        series=(
            Series(
                _("Follow-ups"),
                tuple(
                    float(n)
                    for n in (
                        promises.kept,
                        promises.kept_late,
                        promises.overdue,
                        promises.pending,
                    )
                ),
            ),
        ),
    )
    charts |= _rating_charts(report)
    return charts
