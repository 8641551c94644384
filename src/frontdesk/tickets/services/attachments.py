"""Attachments past the desk's retention rule, deleted with their files."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from frontdesk.core.attachments import stored_files_delete
from frontdesk.tickets.models import Attachment

# Attachments one run deletes; the next run takes the rest.
EXPIRE_BATCH = 1000


def attachments_expire(before: datetime) -> int:
    """Delete attachments that arrived before `before`, their files too; how many."""
    with transaction.atomic():
        doomed = list(
            Attachment.objects.filter(created_at__lt=before)
            .order_by("id")
            .values_list("id", "file")[:EXPIRE_BATCH]
        )
        Attachment.objects.filter(id__in=[pk for pk, _name in doomed]).delete()
        stored_files_delete(name for _pk, name in doomed)
    return len(doomed)
