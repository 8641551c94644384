"""Single sign-on with OpenID Connect (mozilla-django-oidc), on when FRONTDESK_OIDC_CLIENT_ID is
set.

The identity provider says who someone is (the `sub` claim) and which groups they are in. The
desk keeps the subject on the agent (`User.sso_subject`): the first log-in finds the agent by
subject, else links the one agent with the same e-mail address, once, else makes a new agent.
Every log-in sets the role from the groups (FRONTDESK_OIDC_ROLE_GROUPS, the highest wins), so a
change at the provider reaches the desk at the next log-in; nobody without a mapped group, and
no deactivated agent, gets in. A session begun here is marked `frontdesk_sso`, for the second
factor to honour (FRONTDESK_OIDC_SKIPS_2FA).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.backends import ModelBackend
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from frontdesk.accounts.choices import Language, Role
from frontdesk.accounts.models import User
from frontdesk.accounts.services import agent_create, agent_set_role
from frontdesk.audit.services import audit_record

logger = logging.getLogger(__name__)

# The session's mark of a log-in through the identity provider.
SSO_SESSION_FLAG = "frontdesk_sso"
ROLE_RANK = {Role.AGENT: 1, Role.LEAD: 2, Role.ADMIN: 3}
# Where the backend leaves its reason for the log-in page (the view, not the backend, speaks).
_REFUSAL = "frontdesk_sso_refusal"


class SingleSignOnRefused(Exception):
    """The identity provider vouched for someone the desk does not let in; the message says why,
    in the reader's language."""


def sso_role(*, groups: object, role_groups: Mapping[str, str]) -> str | None:
    """The highest role any of these groups maps to; None when none does."""
    names = [groups] if isinstance(groups, str) else groups
    if not isinstance(names, list | tuple):
        return None
    roles = [role_groups[name] for name in names if isinstance(name, str) and name in role_groups]
    return max(roles, key=lambda role: ROLE_RANK[Role(role)], default=None)


def sso_agent_log_in(*, claims: Mapping[str, Any]) -> User:
    """The agent these verified claims name — found by subject, else linked once by e-mail,
    else made — holding the role their groups give now; SingleSignOnRefused says why not."""
    subject = str(claims.get("sub") or "")
    if not subject:
        raise SingleSignOnRefused(_("The identity provider did not say who you are."))
    agent = User.objects.filter(sso_subject=subject).first() or _agent_by_email(claims, subject)
    if agent is not None and not agent.is_active:
        raise SingleSignOnRefused(_("Your account at the desk is deactivated; ask a lead."))
    role = sso_role(
        groups=claims.get(settings.OIDC_GROUPS_CLAIM), role_groups=settings.OIDC_ROLE_GROUPS
    )
    if role is None:
        raise SingleSignOnRefused(
            _(
                "None of your groups at the identity provider gives you a role at the desk; "
                "ask an admin to add you to one."
            )
        )
    with transaction.atomic():
        if agent is None:
            return _agent_made(claims, subject=subject, role=role)
        if not agent.sso_subject:
            agent.sso_subject = subject
            agent.save(update_fields=["sso_subject"])
        if agent.role != role:
            before = agent.role
            # The provider is the authority on roles here, as an operator's command is.
            agent_set_role(agent=agent, role=role)
            _role_recorded(agent, before=before)
    return agent


def _agent_by_email(claims: Mapping[str, Any], subject: str) -> User | None:
    """The one agent with the claims' e-mail address (or it as user name, as invited agents
    have) who is not linked to another subject yet."""
    email = str(claims.get("email") or "").strip()
    if not email:
        return None
    found = list(User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email))[:2])
    if not found:
        return None
    if len(found) > 1:
        raise SingleSignOnRefused(
            _("Several agents have your e-mail address; ask an admin to tell them apart.")
        )
    # A provider that says the address is unverified may let anyone type it in.
    if claims.get("email_verified") is False:
        raise SingleSignOnRefused(
            _("Your identity provider has not verified your e-mail address; verify it there.")
        )
    if found[0].sso_subject and found[0].sso_subject != subject:
        raise SingleSignOnRefused(
            _(
                "An agent with your e-mail address is linked to another single sign-on "
                "account; ask an admin."
            )
        )
    return found[0]


def _agent_made(claims: Mapping[str, Any], *, subject: str, role: str) -> User:
    email = str(claims.get("email") or "").strip().lower()
    full_name = (
        str(claims.get("name") or "").strip()
        or " ".join(str(claims.get(part) or "") for part in ("given_name", "family_name")).strip()
    )
    locale = str(claims.get("locale") or "")[:2].lower()
    username = email or f"sso-{subject}"[:150]
    if User.objects.filter(username__iexact=username).exists():
        username = f"sso-{subject}"[:150]
    agent = agent_create(
        username=username,
        role=role,
        full_name=full_name,
        email=email,
        language=locale if locale in Language.values else Language.EN,
    )
    agent.sso_subject = subject
    agent.save(update_fields=["sso_subject"])
    _role_recorded(agent, before="")
    return agent


def _role_recorded(agent: User, *, before: str) -> None:
    audit_record(
        actor=None,
        action="role",
        obj=agent,
        detail={"from": before, "to": agent.role, "by": "single sign-on"},
    )


class DeskOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]  # untyped library
    """mozilla-django-oidc's code flow, with the desk's rules for who gets in as what."""

    def get_userinfo(self, access_token: str, id_token: str, payload: dict) -> dict:
        info = super().get_userinfo(access_token, id_token, payload)
        if info.get("sub", payload.get("sub")) != payload.get("sub"):
            # OpenID Connect Core 5.3.2: user info about someone else must not be used.
            raise SingleSignOnRefused(_("The identity provider did not say who you are."))
        # Some providers (Entra ID) put the groups in the ID token only; where both speak,
        # the user info endpoint's claims are the newer.
        return {**payload, **info}

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict) -> User | None:
        try:
            return sso_agent_log_in(claims=self.get_userinfo(access_token, id_token, payload))
        except SingleSignOnRefused as refused:
            logger.info("single sign-on refused (subject %r): %s", payload.get("sub"), refused)
            setattr(self.request, _REFUSAL, str(refused))
            return None

    def get_user(self, user_id: int) -> User | None:
        # mozilla-django-oidc's own skips the check Django's makes: a deactivated agent's
        # session must end whichever way they logged in.
        user = ModelBackend.get_user(self, user_id)
        return user if isinstance(user, User) else None


def _when_enabled(view: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    """The view on a desk with single sign-on, a 404 on one without."""

    @wraps(view)
    def page(request: HttpRequest) -> HttpResponse:
        if not settings.OIDC_ENABLED:
            raise Http404
        return view(request)

    return page


class DeskOIDCCallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """Back from the provider: log the agent in and mark the session, or say on the log-in
    page why not."""

    def login_success(self) -> HttpResponse:
        response: HttpResponse = super().login_success()
        self.request.session[SSO_SESSION_FLAG] = True
        return response

    def login_failure(self) -> HttpResponse:
        reason = getattr(self.request, _REFUSAL, "") or _(
            "Single sign-on did not log you in. Try again, or ask an admin."
        )
        messages.error(self.request, reason)
        return redirect(settings.LOGIN_URL)


sso_start = _when_enabled(OIDCAuthenticationRequestView.as_view())
sso_callback = _when_enabled(DeskOIDCCallbackView.as_view())
