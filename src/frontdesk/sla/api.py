"""Business hours and service levels over the API: anyone reads, leads and admins change."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from ninja import Router

from frontdesk.accounts.auth import LeadToken
from frontdesk.accounts.models import Team
from frontdesk.accounts.selectors import access_team_by_id, request_agent
from frontdesk.core.schemas import ErrorOut, RowId
from frontdesk.sla.schemas import BusinessHoursIn, BusinessHoursOut, SlaTargetOut, SlaTargetsIn
from frontdesk.sla.selectors import business_hours_of, sla_targets
from frontdesk.sla.services import business_hours_set, sla_target_set

router = Router(tags=["settings"], auth=LeadToken())


def _hours(team: Team | None) -> dict[str, object]:
    row = business_hours_of(team_id=team.pk if team else None)
    own = row.pk is not None
    if team is not None and not own:
        row = business_hours_of(team_id=None)
    return {
        "team_id": team.pk if team else None,
        "own": own,
        "time_zone": row.time_zone,
        "windows": row.windows,
        "holiday_country": row.holiday_country,
        "holiday_subdivision": row.holiday_subdivision,
    }


def _set(request: HttpRequest, team: Team | None, payload: BusinessHoursIn) -> dict[str, object]:
    business_hours_set(
        actor=request_agent(request),
        team=team,
        time_zone=payload.time_zone,
        windows=payload.windows,
        holiday_country=payload.holiday_country,
        holiday_subdivision=payload.holiday_subdivision,
    )
    return _hours(team)


@router.get("/business-hours", response=BusinessHoursOut)
def get_business_hours(request: HttpRequest) -> dict[str, object]:
    """The desk's business hours, time zone and public holidays."""
    return _hours(None)


@router.put("/business-hours", response={200: BusinessHoursOut, 400: ErrorOut})
def set_business_hours(request: HttpRequest, payload: BusinessHoursIn) -> dict[str, object]:
    """Set the desk's business hours, time zone and public holidays."""
    return _set(request, None, payload)


@router.get("/business-hours/teams/{team_id}", response={200: BusinessHoursOut, 404: ErrorOut})
def get_team_business_hours(request: HttpRequest, team_id: RowId) -> dict[str, object]:
    """A team's business hours (the desk's while it has none of its own)."""
    return _hours(access_team_by_id(team_id=team_id))


@router.put(
    "/business-hours/teams/{team_id}",
    response={200: BusinessHoursOut, 400: ErrorOut, 404: ErrorOut},
)
def set_team_business_hours(
    request: HttpRequest, team_id: RowId, payload: BusinessHoursIn
) -> dict[str, object]:
    """Give a team business hours of its own."""
    return _set(request, access_team_by_id(team_id=team_id), payload)


def _targets() -> list[dict[str, int]]:
    targets = sla_targets()
    return [
        {
            "level": level,
            "first_response_minutes": targets.first_response[level],
            "resolution_minutes": targets.resolution[level],
        }
        for level in sorted(targets.first_response)
    ]


@router.get("/sla-targets", response=list[SlaTargetOut])
def list_sla_targets(request: HttpRequest) -> list[dict[str, int]]:
    """The business minutes each level allows for the first answer and the solution."""
    return _targets()


@router.put("/sla-targets", response={200: list[SlaTargetOut], 400: ErrorOut})
def set_sla_targets(request: HttpRequest, payload: SlaTargetsIn) -> list[dict[str, int]]:
    """Set the targets of the levels given in `targets` (all or nothing); the others stay."""
    actor = request_agent(request)
    with transaction.atomic():
        for target in payload.targets:
            sla_target_set(
                actor=actor,
                level=target.level,
                first_response_minutes=target.first_response_minutes,
                resolution_minutes=target.resolution_minutes,
            )
    return _targets()
