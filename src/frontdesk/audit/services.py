"""Writing and reading the audit trail. Every app may call `audit_record`; the audit app sits
just above `core`, below every app that has something to account for."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Model, QuerySet
from django.utils import timezone

from frontdesk.audit.models import AuditEvent

# Set for the length of one request (AuditAddressMiddleware) and of one bulk action, so the
# services deep below record them without being handed the request or the bulk.
_address: ContextVar[str | None] = ContextVar("audit_address", default=None)
_bulk: ContextVar[str | None] = ContextVar("audit_bulk", default=None)


class ObjectRef(NamedTuple):
    """An object named without its row: one deleted already, or another library's record."""

    type: str
    id: str
    label: str


@contextmanager
def request_address(address: str | None) -> Iterator[None]:
    """Record `address` with every event written inside the block (one request)."""
    token = _address.set(address)
    try:
        yield
    finally:
        _address.reset(token)


@contextmanager
def audit_batch() -> Iterator[str]:
    """Mark every event written inside the block with one new bulk id (`detail["bulk"]`),
    which the block receives, so one bulk action's events are found together."""
    bulk = secrets.token_hex(6)
    token = _bulk.set(bulk)
    try:
        yield bulk
    finally:
        _bulk.reset(token)


def audit_record(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    obj: Model | ObjectRef | None = None,
    detail: dict[str, Any] | None = None,
    remote_addr: str | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Write down that `actor` (None: the desk itself — a command, a periodic job) did `action`
    to `obj`. `detail` holds what a reader needs to see what happened (before → after), never
    a secret; the request's address and a bulk's id are added when there are any."""
    # The audit app sits below accounts, so the user model is known here only as Django's.
    user: Any = actor if actor is not None and actor.is_authenticated else None
    if isinstance(obj, Model):
        # A model may name itself for the trail without personal data (`audit_label`).
        label = str(getattr(obj, "audit_label", None) or obj)
        ref = ObjectRef(obj._meta.model_name or "", str(obj.pk), label)
    else:
        ref = obj or ObjectRef("", "", "")
    detail = dict(detail or {})
    if (bulk := _bulk.get()) is not None:
        detail.setdefault("bulk", bulk)
    return AuditEvent.objects.create(
        at=at or timezone.now(),
        actor=user,
        actor_label=user.get_username() if user is not None else "",
        action=action,
        object_type=ref.type[:40],
        object_id=ref.id[:64],
        object_label=ref.label[:200],
        detail=detail,
        remote_addr=remote_addr or _address.get(),
    )


def audit_changes(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """Each key whose value differs, as {"key", "from", "to"}, in key order."""
    return [
        {"key": key, "from": before.get(key), "to": after.get(key)}
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    ]


def audit_record_once(
    *,
    actor: AbstractBaseUser | AnonymousUser,
    action: str,
    obj: Model,
    within: timedelta,
) -> AuditEvent | None:
    """Record that `actor` did `action` to `obj` (a look at a customer) unless they did so
    within `within`; None when that earlier event stands for this one."""
    if not actor.is_authenticated:
        return None
    recent = AuditEvent.objects.filter(
        actor_id=actor.pk,
        action=action,
        object_type=obj._meta.model_name or "",
        object_id=str(obj.pk),
        at__gte=timezone.now() - within,
    )
    if recent.exists():
        return None
    return audit_record(actor=actor, action=action, obj=obj)


def audit_readable_by(user: object) -> bool:
    """Whether this user may read the trail: an active admin (whose role makes them Django's
    superuser; the audit app sits below accounts and knows roles only so)."""
    return bool(getattr(user, "is_active", False) and getattr(user, "is_superuser", False))


def audit_list(
    *,
    actor: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    before: datetime | None = None,
) -> QuerySet[AuditEvent]:
    """The trail, newest first; `actor` is a user name, `action` an action's code, `since`
    and `before` bound the moment."""
    events = AuditEvent.objects.all()
    if actor:
        events = events.filter(actor_label=actor)
    if action:
        events = events.filter(action=action)
    if since is not None:
        events = events.filter(at__gte=since)
    if before is not None:
        events = events.filter(at__lt=before)
    return events.order_by("-at", "-id")


def audit_actions() -> list[str]:
    """The action codes the trail holds, for narrowing it to one."""
    return sorted(AuditEvent.objects.values_list("action", flat=True).distinct())


def audit_expire(*, now: datetime, days: int) -> int:
    """Delete the events older than `days` (0: keep every one); how many went."""
    if days <= 0:
        return 0
    deleted, _ = AuditEvent.objects.filter(at__lt=now - timedelta(days=days)).delete()
    return deleted
