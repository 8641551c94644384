"""Log-in, log-out, the agent's own preferences, and the settings pages for teams, agents and
API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.choices import Language
from frontdesk.accounts.forms import AgentForm, InviteForm, TeamForm, TokenForm
from frontdesk.accounts.lockout import lockout_state
from frontdesk.accounts.models import Team, User
from frontdesk.accounts.selectors import (
    access_agent_by_id,
    access_team_by_id,
    agent_list_all,
    request_agent,
    team_list,
    tokens_of,
)
from frontdesk.accounts.services import (
    agent_deactivate,
    agent_invite,
    agent_invite_send,
    agent_reactivate,
    agent_set_language,
    agent_set_language_by,
    agent_set_role,
    team_delete,
    team_save,
)
from frontdesk.accounts.tokens import token_create, token_revoke, token_scopes_allowed
from frontdesk.accounts.two_factor import (
    recovery_codes_left,
    two_factor_active,
    two_factor_required,
)
from frontdesk.core.errors import Invalid, NotFound
from frontdesk.core.http import safe_next
from frontdesk.core.settings_menu import read_only, settings_page


@login_required
@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """Switch the agent's page language and go back where they were."""
    language = request.POST.get("language", "")
    assert isinstance(request.user, User)
    if language in Language.values:
        agent_set_language(agent=request.user, language=language)
    return redirect(safe_next(request) or "/desk/")


class InviteAcceptView(auth_views.PasswordResetConfirmView):
    """The page an invited agent sets a password on (Django's reset link: it works once, and
    expires); then they log in."""

    template_name = "accounts/invite.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        messages.success(self.request, _("Your password is set. Log in with it."))
        return super().form_valid(form)


def _team(team_id: int) -> Team:
    return access_team_by_id(team_id=team_id)


def _agent(agent_id: int) -> User:
    return access_agent_by_id(agent_id=agent_id)


def _editable(request: HttpRequest, *forms_: object) -> None:
    if not request.settings_can_edit:  # type: ignore[attr-defined]
        for form in forms_:
            read_only(form)  # type: ignore[arg-type]


def _team_saved(request: HttpRequest, form: TeamForm, team: Team | None) -> Team | None:
    """The team added (no `team`) or changed from a valid form; None, with the error next to
    the name, when the service refuses."""
    if request.method != "POST" or not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        return team_save(
            actor=request_agent(request),
            team=team,
            name=data["name"],
            email=data["email"],
            assignment=data["assignment"],
            members=data["members"],
        )
    except Invalid as error:
        form.add_error("name", str(error))
        return None


@settings_page("teams")
def teams_page(request: HttpRequest) -> HttpResponse:
    """Every team with its member count, and a form to add one."""
    form = TeamForm(request.POST or None)
    _editable(request, form)
    added = _team_saved(request, form, None)
    if added is not None:
        messages.success(request, _("Team %(name)s added.") % {"name": added.name})
        return redirect("people:teams")
    status = 400 if form.is_bound else 200
    return render(
        request, "accounts/teams.html", {"teams": team_list(), "form": form}, status=status
    )


@settings_page("teams")
def team_page(request: HttpRequest, team_id: int) -> HttpResponse:
    """One team: its name, address, assignment and members, to change."""
    team = _team(team_id)
    initial = {
        "name": team.name,
        "email": team.email,
        "assignment": team.assignment,
        "members": list(team.members.all()),
    }
    form = TeamForm(request.POST or None, initial=initial)
    _editable(request, form)
    if _team_saved(request, form, team) is not None:
        messages.success(request, _("Team %(name)s saved.") % {"name": team.name})
        return redirect("people:teams")
    status = 400 if form.is_bound else 200
    return render(request, "accounts/team.html", {"team": team, "form": form}, status=status)


@settings_page("teams")
@require_POST
def team_delete_page(request: HttpRequest, team_id: int) -> HttpResponse:
    """Delete a team; its tickets stay, without a team."""
    team = _team(team_id)
    team_delete(actor=request_agent(request), team=team)
    messages.success(request, _("Team %(name)s deleted.") % {"name": team.name})
    return redirect("people:teams")


@settings_page("agents")
def agents_page(request: HttpRequest) -> HttpResponse:
    """Every agent, active or not, and the invitation form."""
    form = InviteForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    _editable(request, form)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agent = agent_invite(
                actor=request_agent(request),
                full_name=data["full_name"],
                email=data["email"],
                role=data["role"],
                language=data["language"],
                teams=data["teams"],
            )
        except Invalid as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request,
                _("%(name)s is invited: the link to set a password is on its way to %(email)s.")
                % {"name": agent.display_name, "email": agent.email},
            )
            return redirect("people:agents")
    status = 400 if form.is_bound else 200
    return render(
        request, "accounts/agents.html", {"agents": agent_list_all(), "form": form}, status=status
    )


@settings_page("agents")
def agent_page(request: HttpRequest, agent_id: int) -> HttpResponse:
    """One agent: role and language to change; deactivate, reactivate, invite again; whether
    log-in is locked out and two-factor on (views_security unlocks and resets)."""
    agent = _agent(agent_id)
    form = AgentForm(request.POST or None, initial={"role": agent.role, "language": agent.language})
    _editable(request, form)
    if request.method == "POST" and form.is_valid():
        actor = request_agent(request)
        try:
            agent_set_role(agent=agent, role=form.cleaned_data["role"], actor=actor)
            agent_set_language_by(actor=actor, agent=agent, language=form.cleaned_data["language"])
        except Invalid as error:
            form.add_error("role", str(error))
        else:
            messages.success(request, _("%(name)s saved.") % {"name": agent.display_name})
            return redirect("people:agent", agent_id=agent.pk)
    status = 400 if form.is_bound else 200
    context = {
        "agent": agent,
        "form": form,
        "lockout": lockout_state(username=agent.get_username()),
        "two_factor_on": two_factor_active(agent=agent),
        "two_factor_required": two_factor_required(agent=agent),
        "recovery_left": recovery_codes_left(agent=agent),
    }
    return render(request, "accounts/agent.html", context, status=status)


@settings_page("agents")
@require_POST
def agent_deactivate_page(request: HttpRequest, agent_id: int) -> HttpResponse:
    """Deactivate an agent and say what of theirs was handed back."""
    agent = _agent(agent_id)
    try:
        released = agent_deactivate(actor=request_agent(request), agent=agent)
    except Invalid as error:
        messages.error(request, str(error))
    else:
        said = " ".join(released) or _("They held no work.")
        messages.success(
            request,
            _("%(name)s is deactivated. %(released)s")
            % {"name": agent.display_name, "released": said},
        )
    return redirect("people:agent", agent_id=agent.pk)


@settings_page("agents")
@require_POST
def agent_reactivate_page(request: HttpRequest, agent_id: int) -> HttpResponse:
    """Let a deactivated agent log in again."""
    agent = _agent(agent_id)
    agent_reactivate(actor=request_agent(request), agent=agent)
    messages.success(request, _("%(name)s can log in again.") % {"name": agent.display_name})
    return redirect("people:agent", agent_id=agent.pk)


@settings_page("agents")
@require_POST
def agent_invite_page(request: HttpRequest, agent_id: int) -> HttpResponse:
    """Mail an invited agent the link to set a password again."""
    agent = _agent(agent_id)
    try:
        agent_invite_send(actor=request_agent(request), agent=agent)
    except Invalid as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The invitation went again to %(email)s.") % {"email": agent.email}
        )
    return redirect("people:agent", agent_id=agent.pk)


@settings_page("tokens")
def tokens_page(request: HttpRequest) -> HttpResponse:
    """The agent's own API tokens; a new one is shown once, right after it is made."""
    agent = request_agent(request)
    scopes = token_scopes_allowed(role=agent.role)
    form = TokenForm(request.POST or None, scopes=scopes)
    made = ""
    if request.method == "POST" and form.is_valid():
        try:
            made = token_create(
                user=agent,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                days=form.cleaned_data["days"],
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            form = TokenForm(scopes=scopes)
    status = 400 if form.is_bound and not made else 200
    tokens = list(tokens_of(agent=agent))
    before_scopes = any(token.made_before_scopes and not token.revoked_at for token in tokens)
    context = {
        "tokens": tokens,
        "form": form,
        "made": made,
        "now": timezone.now(),
        "before_scopes": before_scopes,
    }
    return render(request, "accounts/tokens.html", context, status=status)


@settings_page("tokens")
@require_POST
def token_revoke_page(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of the agent's own tokens."""
    try:
        token = token_revoke(actor=request_agent(request), token_id=token_id)
    except NotFound as error:
        raise Http404(str(error)) from error
    messages.success(request, _("Token %(prefix)s… revoked.") % {"prefix": token.prefix})
    return redirect("people:tokens")
