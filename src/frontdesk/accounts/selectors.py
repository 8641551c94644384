"""Reads for agents, teams and where agents are."""

from django.db.models import QuerySet
from django.http import HttpRequest

from frontdesk.accounts.choices import Presence, Role
from frontdesk.accounts.models import AgentPresence, Team, User


def agent_list() -> QuerySet[User]:
    """Active agents, by name."""
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")


def agent_by_username(*, username: str) -> User | None:
    """The agent with this username, or None."""
    return User.objects.filter(username=username).first()


def team_exists(*, name: str) -> bool:
    """Whether a team of this name exists."""
    return Team.objects.filter(name=name).exists()


def leads_reachable() -> QuerySet[User]:
    """Active leads and admins with an e-mail address: whom escalations are mailed to."""
    return User.objects.filter(is_active=True, role__in=[Role.LEAD, Role.ADMIN]).exclude(email="")


def request_agent(request: HttpRequest) -> User:
    """The agent behind a request that passed log-in or token authentication."""
    assert isinstance(request.user, User)
    return request.user


def presence_of(*, agent: User) -> AgentPresence:
    """The agent's presence; an agent who never set one is off shift."""
    found = AgentPresence.objects.filter(agent=agent).first()
    return found or AgentPresence(agent=agent, state=Presence.OFF)


def presence_states(*, active_only: bool = True) -> dict[int, str]:
    """Where every (active) agent who has set a presence is, by agent id."""
    presences = AgentPresence.objects.all()
    if active_only:
        presences = presences.filter(agent__is_active=True)
    return dict(presences.values_list("agent_id", "state"))


def presences_available(*, team: Team) -> list[AgentPresence]:
    """The presences, with their agents, of the team's active members who are available."""
    return list(
        AgentPresence.objects.filter(
            agent__in=team.members.filter(is_active=True), state=Presence.AVAILABLE
        ).select_related("agent")
    )


def team_addresses() -> set[str]:
    """The teams' own e-mail addresses, lower-cased."""
    return {a.lower() for a in Team.objects.exclude(email="").values_list("email", flat=True)}


def team_by_id(*, team_id: int) -> Team | None:
    """The team with this id, or None."""
    return Team.objects.filter(pk=team_id).first()
