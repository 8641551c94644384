"""Teams and agents over the API: anyone reads, leads and admins change (tagged `settings`)."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from ninja import Router
from ninja import Status as Answer

from frontdesk.accounts.auth import LeadToken
from frontdesk.accounts.models import Team, User
from frontdesk.accounts.schemas import (
    AgentInviteIn,
    AgentOut,
    AgentPatchIn,
    TeamIn,
    TeamMembersIn,
    TeamOut,
    TeamPatchIn,
)
from frontdesk.accounts.selectors import (
    access_agent_by_id,
    access_team_by_id,
    agent_list_all,
    agents_by_ids,
    request_agent,
    team_list,
    teams_by_ids,
)
from frontdesk.accounts.services import (
    agent_deactivate,
    agent_invite,
    agent_reactivate,
    agent_set_language_by,
    agent_set_role,
    team_delete,
    team_members_change,
    team_save,
)
from frontdesk.core.schemas import ErrorOut, RowId

router = Router(tags=["settings"], auth=LeadToken())


def _team(team: Team) -> dict[str, object]:
    return {
        "id": team.pk,
        "name": team.name,
        "email": team.email,
        "assignment": team.assignment,
        "members": [{"id": m.pk, "name": m.display_name} for m in team.members.all()],
    }


def _agent(agent: User, released: Iterable[str] = ()) -> dict[str, object]:
    return {
        "id": agent.pk,
        "username": agent.username,
        "name": agent.display_name,
        "email": agent.email,
        "role": agent.role,
        "language": agent.language,
        "teams": [{"id": t.pk, "name": t.name} for t in agent.teams.all()],
        "active": agent.is_active,
        "invited": not agent.has_usable_password(),
        "last_login": agent.last_login,
        "released": list(released),
    }


@router.get("/teams", response=list[TeamOut])
def list_teams(request: HttpRequest) -> list[dict[str, object]]:
    """Every team by name, with its active members."""
    return [_team(team) for team in team_list().order_by("name")]


@router.post("/teams", response={201: TeamOut, 400: ErrorOut})
def create_team(request: HttpRequest, payload: TeamIn) -> Answer[object]:
    """Add a team (leads and admins)."""
    team = team_save(
        actor=request_agent(request),
        team=None,
        name=payload.name,
        email=payload.email or "",
        assignment=payload.assignment,
        members=agents_by_ids(agent_ids=payload.member_ids),
    )
    return Answer(201, _team(access_team_by_id(team_id=team.pk)))


@router.get("/teams/{team_id}", response={200: TeamOut, 404: ErrorOut})
def get_team(request: HttpRequest, team_id: RowId) -> dict[str, object]:
    """One team with its members."""
    return _team(access_team_by_id(team_id=team_id))


@router.patch("/teams/{team_id}", response={200: TeamOut, 400: ErrorOut, 404: ErrorOut})
def update_team(request: HttpRequest, team_id: RowId, payload: TeamPatchIn) -> dict[str, object]:
    """Change a team's name, address, assignment or (all of its) members."""
    team = access_team_by_id(team_id=team_id)
    members = None
    if payload.member_ids is not None:
        members = agents_by_ids(agent_ids=payload.member_ids)
    team_save(
        actor=request_agent(request),
        team=team,
        name=payload.name if payload.name is not None else team.name,
        email=payload.email if payload.email is not None else team.email,
        assignment=payload.assignment or team.assignment,
        members=members,
    )
    return _team(access_team_by_id(team_id=team_id))


@router.delete("/teams/{team_id}", response={204: None, 404: ErrorOut})
def delete_team(request: HttpRequest, team_id: RowId) -> HttpResponse:
    """Delete a team; its tickets stay, without a team."""
    team_delete(actor=request_agent(request), team=access_team_by_id(team_id=team_id))
    return HttpResponse(status=204)


@router.post("/teams/{team_id}/members", response={200: TeamOut, 400: ErrorOut, 404: ErrorOut})
def add_team_members(
    request: HttpRequest, team_id: RowId, payload: TeamMembersIn
) -> dict[str, object]:
    """Add agents to a team."""
    team = access_team_by_id(team_id=team_id)
    team_members_change(
        actor=request_agent(request), team=team, add=agents_by_ids(agent_ids=payload.agent_ids)
    )
    return _team(access_team_by_id(team_id=team_id))


@router.delete("/teams/{team_id}/members/{agent_id}", response={200: TeamOut, 404: ErrorOut})
def remove_team_member(request: HttpRequest, team_id: RowId, agent_id: RowId) -> dict[str, object]:
    """Take an agent off a team."""
    team = access_team_by_id(team_id=team_id)
    agent = access_agent_by_id(agent_id=agent_id)
    team_members_change(actor=request_agent(request), team=team, remove=[agent])
    return _team(access_team_by_id(team_id=team_id))


@router.get("/agents", response=list[AgentOut])
def list_agents(request: HttpRequest) -> list[dict[str, object]]:
    """Every agent, the active ones first, by name."""
    return [_agent(agent) for agent in agent_list_all()]


@router.get("/agents/{agent_id}", response={200: AgentOut, 404: ErrorOut})
def get_agent(request: HttpRequest, agent_id: RowId) -> dict[str, object]:
    """One agent."""
    return _agent(access_agent_by_id(agent_id=agent_id))


@router.post("/agents", response={201: AgentOut, 400: ErrorOut})
def invite_agent(request: HttpRequest, payload: AgentInviteIn) -> Answer[object]:
    """Invite an agent: they get an e-mail with a link to set their password."""
    agent = agent_invite(
        actor=request_agent(request),
        full_name=payload.name,
        email=str(payload.email),
        role=payload.role,
        language=payload.language,
        teams=teams_by_ids(team_ids=payload.team_ids),
    )
    return Answer(201, _agent(access_agent_by_id(agent_id=agent.pk)))


@router.patch("/agents/{agent_id}", response={200: AgentOut, 400: ErrorOut, 404: ErrorOut})
def update_agent(request: HttpRequest, agent_id: RowId, payload: AgentPatchIn) -> dict[str, object]:
    """Change an agent's role or language, or deactivate (`"active": false`, which hands back
    their work, listed in `released`) or reactivate them."""
    actor = request_agent(request)
    agent = access_agent_by_id(agent_id=agent_id)
    released: list[str] = []
    if payload.role is not None:
        agent_set_role(agent=agent, role=payload.role, actor=actor)
    if payload.language is not None:
        agent_set_language_by(actor=actor, agent=agent, language=payload.language)
    if payload.active is False:
        released = agent_deactivate(actor=actor, agent=agent)
    elif payload.active is True and not agent.is_active:
        agent_reactivate(actor=actor, agent=agent)
    return _agent(access_agent_by_id(agent_id=agent_id), released)
