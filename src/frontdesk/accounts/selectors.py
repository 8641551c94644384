"""Reads for agents, teams and where agents are."""

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from frontdesk.accounts.choices import Presence, Role
from frontdesk.accounts.models import AgentPresence, ApiToken, Team, User
from frontdesk.core.errors import Invalid, NotFound


def agent_list() -> QuerySet[User]:
    """Active agents, by name."""
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")


def agent_list_all() -> QuerySet[User]:
    """Every agent, active or not, by name, with their teams."""
    return User.objects.order_by(
        "-is_active", "first_name", "last_name", "username"
    ).prefetch_related(Prefetch("teams", queryset=Team.objects.order_by("name")))


def access_agent_by_id(*, agent_id: int) -> User:
    """The agent with this id; NotFound otherwise."""
    found = agent_list_all().filter(pk=agent_id).first()
    if found is None:
        raise NotFound(_("Agent not found."))
    return found


def agents_by_ids(*, agent_ids: list[int]) -> list[User]:
    """The active agents with these ids; NotFound names an id that is none."""
    found = {agent.pk: agent for agent in agent_list().filter(pk__in=agent_ids)}
    missing = [pk for pk in agent_ids if pk not in found]
    if missing:
        raise Invalid(_("No active agent %(id)s.") % {"id": missing[0]})
    return [found[pk] for pk in dict.fromkeys(agent_ids)]


def teams_by_ids(*, team_ids: list[int]) -> list[Team]:
    """The teams with these ids; NotFound names an id that is none."""
    found = {team.pk: team for team in Team.objects.filter(pk__in=team_ids)}
    missing = [pk for pk in team_ids if pk not in found]
    if missing:
        raise Invalid(_("No team %(id)s.") % {"id": missing[0]})
    return [found[pk] for pk in dict.fromkeys(team_ids)]


def agent_email_taken(*, email: str) -> bool:
    """Whether an agent has this e-mail address, or it as their user name."""
    return User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists()


def team_list() -> QuerySet[Team]:
    """Every team by name, with how many active members it has, and its members."""
    return Team.objects.annotate(
        member_count=Count("members", filter=Q(members__is_active=True))
    ).prefetch_related(Prefetch("members", queryset=agent_list()))


def access_team_by_id(*, team_id: int) -> Team:
    """The team with this id; NotFound otherwise."""
    found = team_list().filter(pk=team_id).first()
    if found is None:
        raise NotFound(_("Team not found."))
    return found


def tokens_of(*, agent: User) -> QuerySet[ApiToken]:
    """The agent's own API tokens, the ones in use first, newest first."""
    return ApiToken.objects.filter(user=agent).order_by(
        F("revoked_at").asc(nulls_first=True), "-created_at"
    )


def token_of(*, agent: User, id_or_prefix: str) -> ApiToken | None:
    """One of the agent's tokens, by its id or its first characters (as listed); None if the
    agent has no such token."""
    tokens = tokens_of(agent=agent)
    if id_or_prefix.isdigit():
        return tokens.filter(pk=int(id_or_prefix)).first()
    return tokens.filter(prefix=id_or_prefix.rstrip("…")).first()


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


def names_of(*, agent_ids: list[int], team_ids: list[int]) -> tuple[dict[int, str], dict[int, str]]:
    """The names of these agents (active or not) and teams, by id, for reports: two queries."""
    agents = {
        agent.pk: agent.display_name
        for agent in User.objects.filter(pk__in=agent_ids).only(
            "username", "first_name", "last_name"
        )
    }
    teams = dict(Team.objects.filter(pk__in=team_ids).values_list("pk", "name"))
    return agents, teams
