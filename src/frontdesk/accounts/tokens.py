"""API tokens: made, checked and revoked. A token is shown once and kept only as a hash."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import ApiToken, User
from frontdesk.core.errors import Invalid, NotFound

TOKEN_PREFIX = "fd_"  # noqa: S105 (a prefix, not a secret)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def token_create(*, user: User, name: str = "") -> str:
    """Create an API token and return it; it is shown once and stored only as a hash."""
    if not user.is_active:
        raise Invalid(_("%(name)s is deactivated.") % {"name": user.display_name})
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


def token_revoke(*, actor: User, token_id: int) -> ApiToken:
    """Revoke one of the actor's own tokens (nobody revokes another's: deactivating does)."""
    token = ApiToken.objects.filter(pk=token_id, user=actor).first()
    if token is None:
        raise NotFound(_("Token not found."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


@transaction.atomic
def token_revoke_all(*, user: User) -> int:
    """Revoke every token of an agent; returns how many were active."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
