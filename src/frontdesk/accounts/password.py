"""An agent changing their own password."""

from __future__ import annotations

from django.db import transaction

from frontdesk.accounts.models import User
from frontdesk.accounts.tokens import token_revoke_all
from frontdesk.audit.services import audit_record


def agent_password_change(
    *, agent: User, password: str, revoke_tokens: bool, remote_addr: str | None = None
) -> int:
    """Give the agent a new password (already checked by the validators), revoke their API
    tokens if asked, and note it in the audit trail; how many tokens were revoked. Their other
    sessions end by themselves: each carries a hash of the old password."""
    with transaction.atomic():
        agent.set_password(password)
        agent.save(update_fields=["password"])
        revoked = token_revoke_all(user=agent, actor=agent) if revoke_tokens else 0
        # What changed, never the password itself.
        audit_record(
            actor=agent,
            action="password",
            obj=agent,
            detail={"tokens_revoked": revoked},
            remote_addr=remote_addr,
        )
    return revoked
