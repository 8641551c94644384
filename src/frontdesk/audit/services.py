"""Writing and reading the audit trail. Every app may call `audit_record`; the audit app sits
just above `core`, below every app that has something to account for."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Model, QuerySet
from django.utils import timezone

from frontdesk.audit.models import AuditEvent


def audit_record(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    obj: Model | None = None,
    detail: dict[str, Any] | None = None,
    remote_addr: str | None = None,
) -> AuditEvent:
    """Write down that `actor` (None: the desk itself — a command, a periodic job) did `action`
    to `obj`. `detail` holds what a reader needs to see what happened (before → after)."""
    # The audit app sits below accounts, so the user model is known here only as Django's.
    user: Any = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent.objects.create(
        at=timezone.now(),
        actor=user,
        actor_label=user.get_username() if user is not None else "",
        action=action,
        object_type=(obj._meta.model_name or "") if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_label=str(obj)[:200] if obj is not None else "",
        detail=detail or {},
        remote_addr=remote_addr,
    )


def audit_list(*, actor: str | None = None, action: str | None = None) -> QuerySet[AuditEvent]:
    """The trail, newest first; `actor` is a user name, `action` an action's code."""
    events = AuditEvent.objects.select_related("actor")
    if actor:
        events = events.filter(actor_label=actor)
    if action:
        events = events.filter(action=action)
    return events
