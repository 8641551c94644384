"""Writes for agents, teams and where agents are (API tokens: `accounts/tokens.py`)."""

from collections.abc import Callable, Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from frontdesk.accounts.choices import Assignment, Language, Presence, Role
from frontdesk.accounts.lockout import lockout_clear
from frontdesk.accounts.models import AgentPresence, Team, User
from frontdesk.accounts.selectors import agent_email_taken
from frontdesk.accounts.signals import agent_deactivating
from frontdesk.accounts.tokens import token_revoke_all
from frontdesk.accounts.two_factor import two_factor_remove
from frontdesk.audit.services import audit_record
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.mail.outbound import mail_send


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
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as error:  # a user name with spaces or symbols, an e-mail address, …
        raise Invalid(
            " ".join(message for messages in error.message_dict.values() for message in messages)
        ) from error
    user.save()
    return user


def agent_set_role(*, agent: User, role: str, actor: User | None = None) -> User:
    """Give an agent another role: the access that comes with it follows, both ways. With an
    actor (a page or the API), only a lead may, only an admin grants or takes the admin role,
    and nobody demotes themselves or the desk's last active admin (an operator's command may)."""
    if role not in Role.values:
        raise Invalid(f"unknown role {role!r}; use one of {', '.join(Role.values)}")
    if actor is not None and role != agent.role:
        _lead_only(actor)
        if Role.ADMIN in (role, agent.role) and actor.role != Role.ADMIN:
            raise Forbidden(_("Only an admin gives or takes the admin role."))
        if actor.pk == agent.pk:
            raise Invalid(_("You cannot change your own role; ask another lead."))
    if actor is not None and agent.role == Role.ADMIN and role != Role.ADMIN:
        _keep_an_admin(agent)
    agent.role = role
    agent.access_follow_role()
    agent.save(update_fields=["role", "is_staff", "is_superuser"])
    return agent


def agent_set_language(*, agent: User, language: str) -> None:
    """Remember the language an agent wants pages in."""
    agent.language = language
    agent.full_clean(validate_unique=False)
    agent.save(update_fields=["language"])


def _lead_only(actor: User) -> None:
    if not actor.is_lead:
        raise Forbidden(_("Only a lead or an admin may change this."))


def _keep_an_admin(agent: User) -> None:
    # The desk must always have an active admin, or nobody could reach the operators' pages.
    others = User.objects.filter(role=Role.ADMIN, is_active=True).exclude(pk=agent.pk)
    if agent.is_active and agent.role == Role.ADMIN and not others.exists():
        raise Invalid(_("%(name)s is the desk's last admin.") % {"name": agent.display_name})


def agent_set_language_by(*, actor: User, agent: User, language: str) -> None:
    """A lead sets the language an agent gets pages and mail in."""
    if actor.pk != agent.pk:
        _lead_only(actor)
    if language not in Language.values:
        raise Invalid(_("Unknown language %(language)s.") % {"language": repr(language)})
    agent_set_language(agent=agent, language=language)


def agent_invite(
    *,
    actor: User,
    full_name: str,
    email: str,
    role: str = Role.AGENT,
    language: str = Language.EN,
    teams: Iterable[Team] = (),
) -> User:
    """Make an agent who logs in once they set a password through the link mailed to them."""
    _lead_only(actor)
    email = email.strip().lower()
    if role == Role.ADMIN and actor.role != Role.ADMIN:
        raise Forbidden(_("Only an admin gives or takes the admin role."))
    if agent_email_taken(email=email):
        raise Invalid(_("An agent with this e-mail address exists already."))
    if language not in Language.values:
        raise Invalid(_("Unknown language %(language)s.") % {"language": repr(language)})
    with transaction.atomic():
        agent = agent_create(
            username=email, role=role, full_name=full_name.strip(), email=email, language=language
        )
        agent.teams.set(list(teams))
        agent_invite_send(actor=actor, agent=agent)
    return agent


def agent_invite_link(*, agent: User) -> str:
    """The address where an invited agent sets a password; it stops working once they have,
    or after PASSWORD_RESET_TIMEOUT (three days)."""
    uid = urlsafe_base64_encode(force_bytes(agent.pk))
    token = default_token_generator.make_token(agent)
    return settings.PUBLIC_URL + reverse("accounts:invite", args=[uid, token])


def agent_invite_send(*, actor: User, agent: User) -> None:
    """Mail (again) the link where an agent who has no password yet sets one."""
    _lead_only(actor)
    if agent.has_usable_password():
        raise Invalid(_("%(name)s has set a password already.") % {"name": agent.display_name})
    if not agent.is_active:
        raise Invalid(_("%(name)s is deactivated.") % {"name": agent.display_name})

    def compose(invited: User) -> tuple[str, str]:
        subject = _("You are invited to the help desk")
        body = _(
            "Hello %(name)s,\n\n%(lead)s has invited you to the help desk. Set your "
            "password here (the link works for %(days)d days):\n\n%(link)s\n\nYour user "
            "name is %(username)s."
        ) % {
            "name": invited.display_name,
            "lead": actor.display_name,
            "days": settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
            "link": agent_invite_link(agent=invited),
            "username": invited.username,
        }
        return subject, body

    if not agents_mail(agents=[agent], compose=compose):
        raise Invalid(_("%(name)s has no e-mail address.") % {"name": agent.display_name})


def agent_deactivate(*, actor: User, agent: User) -> list[str]:
    """Stop an agent: no more log-in, their tokens revoked, and their work handed back (the
    apps above say what they released, one sentence each)."""
    _lead_only(actor)
    if actor.pk == agent.pk:
        raise Invalid(_("You cannot deactivate yourself; ask another lead."))
    if agent.role == Role.ADMIN and actor.role != Role.ADMIN:
        raise Forbidden(_("Only an admin deactivates an admin."))
    if not agent.is_active:
        return []
    _keep_an_admin(agent)
    now = timezone.now()
    with transaction.atomic():
        agent.is_active = False
        agent.save(update_fields=["is_active"])
        revoked = token_revoke_all(user=agent, actor=actor)
        AgentPresence.objects.filter(agent=agent).update(state=Presence.OFF, since=now)
        answers = agent_deactivating.send(sender=User, agent=agent, actor=actor, at=now)
    released = [str(said) for _receiver, said in answers if said]
    if revoked:
        released.append(
            translation.ngettext(
                "%(count)d API token revoked.", "%(count)d API tokens revoked.", revoked
            )
            % {"count": revoked}
        )
    return released


def agent_reactivate(*, actor: User, agent: User) -> User:
    """Let a deactivated agent log in again (their old tokens stay revoked)."""
    _lead_only(actor)
    if agent.role == Role.ADMIN and actor.role != Role.ADMIN:
        raise Forbidden(_("Only an admin deactivates an admin."))
    agent.is_active = True
    agent.save(update_fields=["is_active"])
    return agent


def agent_login_unlock(*, actor: User, agent: User) -> int:
    """Let an agent locked out by failed log-ins try again now (a lead's or admin's call, kept in
    the audit trail); how many records of failures went."""
    _lead_only(actor)
    cleared = lockout_clear(username=agent.get_username())
    audit_record(actor=actor, action="unlock", obj=agent, detail={"cleared": cleared})
    return cleared


def agent_two_factor_reset(*, actor: User, agent: User) -> int:
    """Take away an agent's second factor (a lost phone and no recovery codes): they log in with
    their password and set it up again. An admin's call, kept in the audit trail."""
    if actor.role != Role.ADMIN:
        raise Forbidden(_("Only an admin resets an agent's two-factor log-in."))
    removed = two_factor_remove(agent=agent)
    audit_record(actor=actor, action="2fa_reset", obj=agent, detail={"devices": removed})
    return removed


def team_create(*, name: str, members: list[User]) -> Team:
    """Create a team with its members."""
    team = Team.objects.create(name=name)
    team.members.set(members)
    return team


def team_save(
    *,
    actor: User,
    team: Team | None,
    name: str,
    email: str = "",
    assignment: str = Assignment.PULL,
    members: Iterable[User] | None = None,
) -> Team:
    """Add a team (no `team`) or change one: name, address, how work reaches its members, and
    with `members` who they are."""
    _lead_only(actor)
    name = name.strip()
    if not name:
        raise Invalid(_("A team needs a name."))
    same_name = Team.objects.filter(name__iexact=name)
    if team is not None:
        same_name = same_name.exclude(pk=team.pk)
    if same_name.exists():
        raise Invalid(_("A team named %(name)s exists already.") % {"name": name})
    if assignment not in Assignment.values:
        raise Invalid(_("Unknown assignment %(value)s.") % {"value": repr(assignment)})
    row = team or Team()
    row.name, row.email, row.assignment = name, email.strip().lower(), assignment
    try:
        with transaction.atomic():
            if row.pk is None:
                row.save()
            else:
                row.save(update_fields=["name", "email", "assignment"])
            if members is not None:
                row.members.set(list(members))
    except IntegrityError as error:
        raise Invalid(_("A team named %(name)s exists already.") % {"name": name}) from error
    return row


def team_members_change(
    *, actor: User, team: Team, add: Iterable[User] = (), remove: Iterable[User] = ()
) -> Team:
    """Add agents to a team and take others off it."""
    _lead_only(actor)
    team.members.add(*add)
    team.members.remove(*remove)
    return team


def team_delete(*, actor: User, team: Team) -> None:
    """Delete a team: its tickets stay, without a team, and its own business hours go."""
    _lead_only(actor)
    team.delete()


def agents_mail(
    *,
    agents: Iterable[User],
    compose: Callable[[User], tuple[str, str]],
    about: str = "",
    about_id: int | None = None,
) -> int:
    """Queue for each agent with an address a subject and text composed in their own page
    language; how many were queued. `about`, `about_id`: what the mails are about, as
    `mail_send` records it (a task sending them once checks it first)."""
    queued = 0
    for agent in agents:
        if not agent.email:
            continue
        with translation.override(agent.language):
            subject, body = compose(agent)
        mail_send(to=agent.email, subject=subject, text=body, about=about, about_id=about_id)
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
