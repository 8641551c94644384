"""The lead's reports over the API: leads and admins only, agents are refused (403)."""

from __future__ import annotations

from dataclasses import asdict

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from frontdesk.accounts.auth import LEADS_TAG, LeadOnlyToken
from frontdesk.core.schemas import ErrorOut
from frontdesk.reports.schemas import SummaryOut
from frontdesk.reports.selectors import (
    Group,
    ratings_of,
    report_figures,
    report_period,
    times_of,
)
from frontdesk.tickets.choices import Channel, Level

router = Router(tags=["reports", LEADS_TAG], auth=LeadOnlyToken())
NOTHING = Group(created=0, solved=0, first_response=times_of([]), resolution=times_of([]))
UNRATED = ratings_of([])


@router.get("/summary", response={200: SummaryOut, 400: ErrorOut, 403: ErrorOut})
def get_summary(
    request: HttpRequest, since: str | None = None, until: str | None = None
) -> dict[str, object]:
    """The desk's figures from `since` up to `until` (ISO 8601 dates or date-times with offsets;
    a date is its start on the desk's clock), by default the last seven days."""
    period = report_period(since=since, until=until, now=timezone.now())
    report = report_figures(period=period, now=timezone.now())
    return {
        "since": period.start,
        "until": period.end,
        "created": report.created,
        "solved": report.solved,
        "backlog": report.backlog,
        "first_response": asdict(report.first_response),
        "resolution": asdict(report.resolution),
        "sla": asdict(report.sla),
        "by_channel": {c: asdict(report.by_channel.get(c, NOTHING)) for c in Channel.values},
        "by_level": {str(v): asdict(report.by_level.get(v, NOTHING)) for v in Level.values},
        "satisfaction": {
            **asdict(report.satisfaction),
            "by_channel": {
                c: asdict(report.satisfaction_by_channel.get(c, UNRATED)) for c in Channel.values
            },
            "by_level": {
                str(v): asdict(report.satisfaction_by_level.get(v, UNRATED)) for v in Level.values
            },
            "by_agent": [
                {"agent": name, **asdict(ratings)}
                for name, ratings in report.satisfaction_by_agent.items()
            ],
        },
    }
