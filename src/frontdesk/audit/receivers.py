"""One table answers everything: each change django-auditlog records to a settings row (and
to an agent's account) is mirrored into the trail, as `role` when an agent's role changed and
as `setting` otherwise."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from auditlog.signals import post_log
from django.contrib.auth import get_user_model
from django.dispatch import receiver

from frontdesk.audit.services import ObjectRef, audit_record

CHANGE_WORDS = {
    LogEntry.Action.CREATE: "create",
    LogEntry.Action.UPDATE: "update",
    LogEntry.Action.DELETE: "delete",
}


@receiver(post_log, dispatch_uid="audit_mirror_change")
def change_mirror(sender: type[Any], log_entry: LogEntry | None = None, **kwargs: Any) -> None:
    """Mirror one recorded change into the trail (looks at rows, and failures, are not)."""
    if log_entry is None or log_entry.action not in CHANGE_WORDS:
        return
    changes = log_entry.changes_dict or {}
    account = sender is get_user_model()
    # An account changed by no one signed in (single sign-on at log-in, a command) is put on
    # record by the code that changed it, with why; mirroring it too would say it twice.
    if account and log_entry.actor is None:
        return
    role = account and "role" in changes
    audit_record(
        actor=log_entry.actor,
        action="role" if role else "setting",
        obj=ObjectRef(
            log_entry.content_type.model, str(log_entry.object_pk), log_entry.object_repr
        ),
        detail={"change": CHANGE_WORDS[log_entry.action], "fields": changes},
        remote_addr=log_entry.remote_addr,
        at=log_entry.timestamp,
    )
