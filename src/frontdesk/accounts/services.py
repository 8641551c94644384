"""Writes for agents, teams, API tokens and where agents are."""

import hashlib
import secrets
from collections.abc import Callable, Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from frontdesk.accounts.choices import Presence, Role
from frontdesk.accounts.models import AgentPresence, ApiToken, Team, User
from frontdesk.core.errors import Invalid
from frontdesk.mail.outbound import mail_send

TOKEN_PREFIX = "fd_"  # noqa: S105 (a prefix, not a secret)


def agent_create(
    *,
    username: str,
    role: str = Role.AGENT,
    password: str | None = None,
    full_name: str = "",
    email: str = "",
    language: str = "en",
) -> User:
    """Create an agent with a role; without a password the agent cannot log in to pages."""
    if role not in Role.values:
        raise Invalid(f"unknown role {role!r}; use one of {', '.join(Role.values)}")
    if User.objects.filter(username=username).exists():
        raise Invalid(f"an agent named {username!r} already exists")
    first, _space, last = full_name.partition(" ")
    user = User(
        username=username,
        role=role,
        first_name=first,
        last_name=last,
        email=email,
        language=language,
    )
    user.access_follow_role()
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def agent_set_role(*, agent: User, role: str) -> User:
    """Give an agent another role: the access that comes with it follows, both ways."""
    if role not in Role.values:
        raise Invalid(f"unknown role {role!r}; use one of {', '.join(Role.values)}")
    agent.role = role
    agent.access_follow_role()
    agent.save(update_fields=["role", "is_staff", "is_superuser"])
    return agent


def agent_set_language(*, agent: User, language: str) -> None:
    """Remember the language an agent wants pages in."""
    agent.language = language
    agent.full_clean(validate_unique=False)
    agent.save(update_fields=["language"])


def team_create(*, name: str, members: list[User]) -> Team:
    """Create a team with its members."""
    team = Team.objects.create(name=name)
    team.members.set(members)
    return team


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def token_create(*, user: User, name: str = "") -> str:
    """Create an API token and return it; it is shown once and stored only as a hash."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, prefix=raw[:10], digest=_digest(raw))
    return raw


def token_authenticate(*, raw: str) -> User | None:
    """The active agent a bearer token belongs to, or None."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Touch at most once a minute so a busy integration does not write on every call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def token_revoke_all(*, user: User) -> int:
    """Revoke every token of an agent; returns how many were active."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def agents_mail(*, agents: Iterable[User], compose: Callable[[User], tuple[str, str]]) -> int:
    """Queue for each agent with an address a subject and text composed in their own page
    language; how many were queued."""
    queued = 0
    for agent in agents:
        if not agent.email:
            continue
        with translation.override(agent.language):
            subject, body = compose(agent)
        mail_send(to=agent.email, subject=subject, text=body)
        queued += 1
    return queued


def presence_set(*, agent: User, state: str) -> AgentPresence:
    """Put the agent in a presence state (one click, or an event such as a call answered)."""
    if state not in Presence.values:
        raise Invalid(
            _("Unknown presence %(state)s; use one of: %(states)s.")
            % {"state": repr(state), "states": ", ".join(Presence.values)}
        )
    presence, created = AgentPresence.objects.get_or_create(
        agent=agent, defaults={"state": state, "since": timezone.now()}
    )
    if not created and presence.state != state:
        presence.state = state
        presence.since = timezone.now()
        presence.save(update_fields=["state", "since"])
    return presence


def presence_end(*, agent: User, state: str) -> bool:
    """Make the agent available again if they are still in `state`, which the desk put them in
    (a call ended, a visitor left); a presence they chose since, a break, stays. Whether it
    changed."""
    # One conditional update: reading the state first and then saving would put an agent who
    # went on a break in between back to work.
    return bool(
        AgentPresence.objects.filter(agent=agent, state=state).update(
            state=Presence.AVAILABLE, since=timezone.now()
        )
    )


def presence_handed_work(*, presence: AgentPresence, at: datetime) -> None:
    """Note when the desk last handed this agent an item (round robin takes the longest ago)."""
    presence.last_assigned_at = at
    presence.save(update_fields=["last_assigned_at"])
