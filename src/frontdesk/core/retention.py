"""How long the desk keeps the files customers send and the recordings their calls leave: one
rule (`FILE_RETENTION_DAYS` after a file arrived), one clock and one periodic job, whichever
app holds the files. Each app registers the function that deletes its files older than a moment,
rows and bytes on disk alike, and answers how many it deleted (`file_rows_expire` does it for a
model with a `file` and a `created_at`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet

from frontdesk.core.attachments import stored_files_delete

FilesExpire = Callable[[datetime], int]

_EXPIRERS: dict[str, FilesExpire] = {}


def files_expirer_register(kind: str, expire: FilesExpire) -> None:
    """Have the retention job delete `kind` of files (attachments, recordings) with `expire`."""
    _EXPIRERS[kind] = expire


def files_expire(*, now: datetime) -> dict[str, int]:
    """Delete every registered kind of file older than the retention rule allows; how many of
    each. Nothing when the rule keeps files for ever (0 days)."""
    if not settings.FILE_RETENTION_DAYS:
        return {}
    before = now - timedelta(days=settings.FILE_RETENTION_DAYS)
    return {kind: expire(before) for kind, expire in _EXPIRERS.items()}


def file_rows_expire(rows: QuerySet[Any], *, before: datetime, batch: int) -> int:
    """Delete the oldest `batch` of the rows that arrived before `before`, and the files they
    name once that commits; how many (the next run takes the rest)."""
    with transaction.atomic():
        doomed = list(
            rows.filter(created_at__lt=before).order_by("id").values_list("id", "file")[:batch]
        )
        rows.filter(id__in=[pk for pk, _name in doomed]).delete()
        stored_files_delete(name for _pk, name in doomed)
    return len(doomed)
