"""API tokens: made, checked and revoked. A token is shown once and kept only as a hash.

Each token has a scope (read, write, admin) and an end. The scope a token acts with is the
lesser of its own and what its owner's role allows today, so a lead made an agent again cannot
keep changing the desk's settings through an old token.

A token found is remembered by the process for TOKEN_REMEMBER_SECONDS, its owner with it, so a
call costs no query for it; its end is checked on every call. A change to a token or an agent
made in this process forgets every remembered token at once; one made in another process is
seen when the remembered copy runs out.
"""

import copy
import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from frontdesk.accounts.choices import TOKEN_SCOPE_ORDER, Role, TokenScope
from frontdesk.accounts.constants import (
    TOKEN_EXPIRY_WARNING_DAYS,
    TOKEN_MAX_DAYS,
    TOKEN_REMEMBER_SECONDS,
    TOKEN_TOUCH_SECONDS,
    TOKENS_REMEMBERED,
)
from frontdesk.accounts.models import ApiToken, User
from frontdesk.audit.services import audit_record
from frontdesk.core.errors import Invalid, NotFound
from frontdesk.core.memo import remembered_for
from frontdesk.mail.outbound import mail_send

TOKEN_PREFIX = "fd_"  # noqa: S105 (a prefix, not a secret)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def token_scope_cap(*, role: str) -> TokenScope:
    """The most a token of an agent with this role may do: agents read and write, leads and
    admins may also give a token their own powers."""
    return TokenScope.ADMIN if role in {Role.LEAD, Role.ADMIN} else TokenScope.WRITE


def token_scopes_allowed(*, role: str) -> list[TokenScope]:
    """The scopes an agent with this role may give a token, least first."""
    cap = token_scope_cap(role=role)
    return list(TOKEN_SCOPE_ORDER[: TOKEN_SCOPE_ORDER.index(cap) + 1])


def token_scope_allows(*, scope: str, needed: str) -> bool:
    """Whether a token of `scope` may do what needs `needed`."""
    return TOKEN_SCOPE_ORDER.index(TokenScope(scope)) >= TOKEN_SCOPE_ORDER.index(TokenScope(needed))


def token_scope_effective(*, token: ApiToken) -> TokenScope:
    """The scope a token acts with: its own, or less if its owner's role allows less today."""
    cap = token_scope_cap(role=token.user.role)
    own = TokenScope(token.scope)
    return own if token_scope_allows(scope=cap, needed=own) else cap


def token_create(*, user: User, scope: str, name: str = "", days: int | None = None) -> str:
    """Create an API token and return it; it is shown once and stored only as a hash. It works
    `days` days (FRONTDESK_TOKEN_DAYS unless given, at most a year) with at most the scope the
    owner's role allows."""
    if not user.is_active:
        raise Invalid(_("%(name)s is deactivated.") % {"name": user.display_name})
    if scope not in TokenScope.values:
        raise Invalid(
            _("Unknown scope %(scope)s; use one of: %(scopes)s.")
            % {"scope": repr(scope), "scopes": ", ".join(TokenScope.values)}
        )
    cap = token_scope_cap(role=user.role)
    if not token_scope_allows(scope=cap, needed=scope):
        raise Invalid(
            _("%(name)s's role allows a token at most the scope “%(scope)s”.")
            % {"name": user.display_name, "scope": cap.label}
        )
    days = settings.TOKEN_DAYS if days is None else days
    if not 1 <= days <= TOKEN_MAX_DAYS:
        raise Invalid(
            _("A token works from 1 to %(most)d days; %(days)d is outside that.")
            % {"most": TOKEN_MAX_DAYS, "days": days}
        )
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires_at = timezone.now() + timedelta(days=days)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=raw[:10],
        digest=_digest(raw),
        scope=scope,
        expires_at=expires_at,
    )
    audit_record(
        actor=user,
        action="token_create",
        obj=token,
        detail={"name": name, "scope": scope, "expires_at": expires_at.isoformat()},
    )
    return raw


@remembered_for(TOKEN_REMEMBER_SECONDS, most=TOKENS_REMEMBERED, keep_none=False)
def _token_read(digest: str) -> ApiToken | None:
    """The live token with this digest, with its owner; remembered, but never handed out (only
    copies are), and a wrong token is not remembered, so it cannot fill the memory."""
    return (
        ApiToken.objects.select_related("user")
        .filter(digest=digest, revoked_at__isnull=True, user__is_active=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        .first()
    )


def tokens_forget(**_signal: Any) -> None:
    """Forget every token this process remembers (a token or an agent changed); also a
    receiver of their saves and deletions."""
    _token_read.forget()
    # Until the change commits, another thread still reads the row as it was and may remember
    # it again (a revoked token, a deactivated agent): forget once more when it commits.
    if transaction.get_connection(_signal.get("using")).in_atomic_block:
        transaction.on_commit(_token_read.forget, using=_signal.get("using"))


def token_authenticate(*, raw: str) -> ApiToken | None:
    """The token, with its active owner, that `raw` is, if it is neither revoked nor past its
    end; None otherwise. A copy of its own for each call: a request may change its user."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    token = _token_read(_digest(raw))
    # Checked on every call, the token remembered or not: its end is fixed when it is made.
    if token is None or (token.expires_at is not None and token.expires_at <= now):
        return None
    last_used = token.last_used_at
    if last_used is None or (now - last_used).total_seconds() > TOKEN_TOUCH_SECONDS:
        token.last_used_at = now  # the remembered token: touched once a minute, not per call
        # Conditional, so that several processes remembering the token write it once a minute.
        ApiToken.objects.filter(
            Q(last_used_at__isnull=True)
            | Q(last_used_at__lt=now - timedelta(seconds=TOKEN_TOUCH_SECONDS)),
            pk=token.pk,
        ).update(last_used_at=now)
    handed = copy.copy(token)
    handed.user = copy.copy(token.user)
    return handed


def token_revoke(*, actor: User, token_id: int) -> ApiToken:
    """Revoke one of the actor's own tokens (nobody revokes another's: deactivating does)."""
    token = ApiToken.objects.filter(pk=token_id, user=actor).first()
    if token is None:
        raise NotFound(_("Token not found."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])  # forgotten by this process at once (ready())
        audit_record(actor=actor, action="token_revoke", obj=token, detail={"name": token.name})
    return token


@transaction.atomic
def token_revoke_all(*, user: User, actor: User | None = None) -> int:
    """Revoke every token of an agent (`actor`: who asked, None for the desk itself); returns
    how many were active."""
    revoked = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    tokens_forget()  # an UPDATE sends no signal
    if revoked:
        audit_record(actor=actor, action="token_revoke_all", obj=user, detail={"count": revoked})
    return revoked


def token_expiry_warnings_send(*, now: datetime) -> int:
    """Mail each owner of a token that ends within a week that it does, once per token; how
    many mails were queued."""
    soon = now + timedelta(days=TOKEN_EXPIRY_WARNING_DAYS)
    ending = ApiToken.objects.select_related("user").filter(
        revoked_at__isnull=True,
        expiry_warned_at__isnull=True,
        expires_at__gt=now,
        expires_at__lte=soon,
        user__is_active=True,
    )
    queued = 0
    for token in ending:
        # One conditional UPDATE claims the warning, so two workers never both send it.
        with transaction.atomic():
            claimed = ApiToken.objects.filter(pk=token.pk, expiry_warned_at__isnull=True).update(
                expiry_warned_at=now
            )
            if not claimed or not token.user.email:
                continue
            subject, text = _expiry_warning(token=token)
            mail_send(
                to=token.user.email,
                subject=subject,
                text=text,
                about="api-token",
                about_id=token.pk,
            )
            queued += 1
    return queued


def _expiry_warning(*, token: ApiToken) -> tuple[str, str]:
    assert token.expires_at is not None  # only tokens with an end are warned of it
    link = settings.PUBLIC_URL + reverse("people:tokens")
    with translation.override(token.user.language):
        name = token.name or token.prefix + "…"
        subject = _("Your API token “%(name)s” stops working soon") % {"name": name}
        text = _(
            "Your API token “%(name)s” (it starts with %(prefix)s) stops working on %(end)s.\n\n"
            "Whatever uses it will then be refused. Make a new token and put it in place of the "
            "old one here:\n%(link)s\n"
        ) % {
            "name": name,
            "prefix": token.prefix,
            "end": timezone.localtime(token.expires_at).strftime("%Y-%m-%d %H:%M %Z"),
            "link": link,
        }
    return subject, text
