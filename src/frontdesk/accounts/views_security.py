"""Log-in protection's pages: the log-in and its second step, the lockout page, setting up
two-factor log-in, and on an agent's page a lead's unlock and an admin's two-factor reset."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.models import Device

from frontdesk.accounts.forms import SecondFactorCodeForm, TwoFactorConfirmForm
from frontdesk.accounts.lockout import (
    lockout_ends_at,
    lockout_failure_record,
    lockout_is_locked,
)
from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import access_agent_by_id, request_agent
from frontdesk.accounts.services import agent_login_unlock, agent_two_factor_reset
from frontdesk.accounts.two_factor import (
    key_qr_svg,
    key_text,
    recovery_codes_left,
    recovery_codes_renew,
    two_factor_active,
    two_factor_check,
    two_factor_confirm,
    two_factor_key_new,
    two_factor_required,
)
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.core.settings_menu import settings_page

# Who passed the password step and still owes a code: the user's id, the backend that
# checked the password, and when. Nobody is logged in until the code matches.
PENDING = "frontdesk_login_pending"
PENDING_SECONDS = 5 * 60
# The key shown on the set-up page, kept until the agent confirms it with a code.
SETUP_KEY = "frontdesk_two_factor_key"


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page for a log-in refused after too many failures (axes' AXES_LOCKOUT_CALLABLE)."""
    username = str((credentials or {}).get("username") or request.POST.get("username", ""))
    until = lockout_ends_at(request=request, username=username)
    return render(request, "accounts/locked_out.html", {"until": until}, status=429)


def _next_url(request: HttpRequest, raw: str) -> str:
    if raw and url_has_allowed_host_and_scheme(
        raw, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return raw
    return ""


class DeskLoginView(auth_views.LoginView):
    """Log-in, step one: the password. An agent with two-factor log-in goes on to the code;
    every failure counts towards the lockout (axes)."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        if not two_factor_active(agent=user):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[-1]),
            "at": time.time(),
        }
        target = reverse("accounts:login_code")
        next_url = self.get_redirect_url()
        return redirect(f"{target}?{urlencode({'next': next_url})}" if next_url else target)


def _pending_agent(request: HttpRequest) -> User | None:
    """Who owes a second factor: a logged-in agent not yet verified, or one who just passed
    the password step."""
    user = request.user
    if user.is_authenticated:
        assert isinstance(user, User)
        return None if user.is_verified() else user  # type: ignore[attr-defined]
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=pending["user"], is_active=True).first()


def _logged_in(request: HttpRequest, agent: User, device: Device, next_url: str) -> HttpResponse:
    if not request.user.is_authenticated:
        auth_login(request, agent, backend=request.session[PENDING]["backend"])
    otp_login(request, device)
    request.session.pop(PENDING, None)
    return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))


def _refused(request: HttpRequest, username: str) -> HttpResponse:
    request.session.pop(PENDING, None)
    return locked_out(request, credentials={"username": username})


@never_cache
@require_http_methods(["GET", "POST"])
def login_code_page(request: HttpRequest) -> HttpResponse:
    """Log-in, step two: a code from the app or a recovery code. A wrong code counts as a
    failed log-in, so codes cannot be guessed past the lockout."""
    agent = _pending_agent(request)
    if agent is None:
        return redirect("accounts:login")
    form = SecondFactorCodeForm(request.POST or None)
    next_url = _next_url(request, request.POST.get("next") or request.GET.get("next", ""))
    status = 200
    if request.method == "POST":
        username = agent.get_username()
        if lockout_is_locked(request=request, username=username):
            return _refused(request, username)
        if form.is_valid():
            device = two_factor_check(agent=agent, code=form.cleaned_data["code"])
            if device is not None:
                return _logged_in(request, agent, device, next_url)
            if lockout_failure_record(request=request, username=username):
                return _refused(request, username)
            form.add_error("code", _("That code does not match. Try the app's next code."))
        status = 400
    return render(
        request, "accounts/login_code.html", {"form": form, "next": next_url}, status=status
    )


def _two_factor_render(
    request: HttpRequest, agent: User, *, form: TwoFactorConfirmForm | None, codes: list[str]
) -> HttpResponse:
    context: dict[str, Any] = {
        "active": two_factor_active(agent=agent),
        "required": two_factor_required(agent=agent),
        "codes": codes,
        "form": form,
        "codes_left": recovery_codes_left(agent=agent),
    }
    if not context["active"]:
        key = request.session.get(SETUP_KEY) or two_factor_key_new()
        request.session[SETUP_KEY] = key
        context.update(key_text=key_text(key), qr=key_qr_svg(agent=agent, key=key))
    status = 400 if form is not None and form.errors else 200
    return render(request, "accounts/two_factor.html", context, status=status)


@settings_page("two_factor")
def two_factor_page(request: HttpRequest) -> HttpResponse:
    """The agent's own two-factor log-in: set it up (a key as QR code and text, confirmed with
    a code; then ten recovery codes shown once), or see it is on."""
    agent = request_agent(request)
    form = TwoFactorConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not two_factor_active(agent=agent):
        key = request.session.get(SETUP_KEY, "")
        try:
            device, codes = two_factor_confirm(agent=agent, key=key, code=form.cleaned_data["code"])
        except Invalid as error:
            form.add_error("code", str(error))
        else:
            request.session.pop(SETUP_KEY, None)
            otp_login(request, device)
            return _two_factor_render(request, agent, form=None, codes=codes)
    return _two_factor_render(request, agent, form=form, codes=[])


@settings_page("two_factor")
@require_POST
def two_factor_recovery_page(request: HttpRequest) -> HttpResponse:
    """Ten new recovery codes for the agent, shown once; the old ones stop working."""
    agent = request_agent(request)
    if not two_factor_active(agent=agent):
        return redirect("people:two_factor")
    codes = recovery_codes_renew(agent=agent)
    return _two_factor_render(request, agent, form=None, codes=codes)


@settings_page("agents")
@require_POST
def agent_unlock_page(request: HttpRequest, agent_id: int) -> HttpResponse:
    """Let an agent locked out by failed log-ins try again at once."""
    agent = access_agent_by_id(agent_id=agent_id)
    agent_login_unlock(actor=request_agent(request), agent=agent)
    messages.success(request, _("%(name)s can log in again.") % {"name": agent.display_name})
    return redirect("people:agent", agent_id=agent.pk)


@settings_page("agents")
@require_POST
def agent_two_factor_reset_page(request: HttpRequest, agent_id: int) -> HttpResponse:
    """Take away an agent's second factor, so they can set it up again."""
    agent = access_agent_by_id(agent_id=agent_id)
    try:
        agent_two_factor_reset(actor=request_agent(request), agent=agent)
    except Forbidden as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s logs in with the password alone now, until they set up two-factor again.")
            % {"name": agent.display_name},
        )
    return redirect("people:agent", agent_id=agent.pk)
