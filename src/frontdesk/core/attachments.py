"""The desk's limits on attached files, checked the same way by forms, the API and mail."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import PurePath, PurePosixPath, PureWindowsPath

import filetype
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.core.constants import ATTACHMENT_NAME_LENGTH, RECORDING_TYPES, SNIFF_BYTES
from frontdesk.core.errors import Invalid, TooLarge, UnsupportedType


def attachment_name_clean(raw: str) -> str:
    """A file name safe to show: no folders, no control characters, bounded length."""
    name = PureWindowsPath(PurePosixPath(raw).name).name
    name = "".join(
        ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C"
    )
    name = name.strip().lstrip(".") or "attachment"
    return name[-ATTACHMENT_NAME_LENGTH:]


def stored_file_name(*, storage_key: str, filename: str) -> str:
    """Where an uploaded file is stored: a dated folder and its random key, with the upload's
    suffix if it is a plain one; the sender's file name never reaches disk."""
    suffix = PurePath(filename).suffix.lower()
    safe_suffix = suffix if suffix[1:].isalnum() and len(suffix) <= 10 else ""
    return timezone.now().strftime("%Y/%m/") + storage_key + safe_suffix


def attachments_validate(files: Sequence[UploadedFile]) -> None:
    """Refuse empty, oversized or too many files, saying which and why."""
    if len(files) > settings.MAX_ATTACHMENTS_PER_MESSAGE:
        raise Invalid(
            _("At most %(count)d files can be attached.")
            % {"count": settings.MAX_ATTACHMENTS_PER_MESSAGE}
        )
    for upload in files:
        name = attachment_name_clean(upload.name or "")
        if not upload.size:
            raise Invalid(_("The file %(name)s is empty.") % {"name": name})
        if upload.size > settings.MAX_ATTACHMENT_BYTES:
            limit = settings.MAX_ATTACHMENT_BYTES // 1_000_000 or 1
            raise Invalid(
                _("The file %(name)s is larger than the limit of %(limit)d MB.")
                % {"name": name, "limit": limit}
            )


def recording_validate(upload: UploadedFile) -> str:
    """The audio type of a call's recording, read from its first bytes; refuse an empty or
    oversized file, or one whose content is no audio the desk plays, whatever its header says."""
    if not upload.size:
        raise Invalid(_("The recording is empty."))
    if upload.size > settings.RECORDING_MAX_BYTES:
        limit = settings.RECORDING_MAX_BYTES // 1_000_000 or 1
        raise TooLarge(
            _("The recording is larger than the limit of %(limit)d MB.") % {"limit": limit}
        )
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    return recording_type_sniff(head)


def recording_type_sniff(head: bytes) -> str:
    """The audio type the first bytes of a file show, or UnsupportedType naming what they are."""
    kind = filetype.guess(head)
    if kind is not None and kind.mime in RECORDING_TYPES:
        return RECORDING_TYPES[kind.mime]
    found = kind.mime if kind is not None else _("unknown")
    allowed = ", ".join(sorted(set(RECORDING_TYPES.values())))
    raise UnsupportedType(
        _(
            "The recording is no audio file the desk takes (its content is %(found)s); "
            "send one of %(allowed)s."
        )
        % {"found": found, "allowed": allowed}
    )


def stored_files_delete(names: Iterable[str]) -> None:
    """Delete stored files once the transaction that dropped their rows commits, so that a
    deletion rolled back keeps its files."""
    doomed = [name for name in names if name]

    def delete() -> None:
        for name in doomed:
            default_storage.delete(name)

    transaction.on_commit(delete)
