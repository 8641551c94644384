"""The trail after a customer's erasure: their events stay (who looked, who erased), but the
labels that named them or quoted their tickets' subjects read as the erased rows now do."""

from __future__ import annotations

from collections.abc import Mapping

from frontdesk.audit.models import AuditEvent


def audit_labels_replace(*, object_type: str, labels: Mapping[int, str]) -> int:
    """Give the events about these rows of `object_type` their new labels, {id: label}; how many
    events changed."""
    changed = 0
    for object_id, label in labels.items():
        changed += AuditEvent.objects.filter(
            object_type=object_type, object_id=str(object_id)
        ).update(object_label=label[:200])
    return changed
