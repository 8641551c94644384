"""Attachments past the desk's retention rule, deleted with their files."""

from __future__ import annotations

from datetime import datetime

from frontdesk.core.retention import file_rows_expire
from frontdesk.tickets.models import Attachment

# Attachments one run deletes; the next run takes the rest.
EXPIRE_BATCH = 1000


def attachments_expire(before: datetime) -> int:
    """Delete attachments that arrived before `before`, their files too; how many."""
    return file_rows_expire(Attachment.objects.all(), before=before, batch=EXPIRE_BATCH)
