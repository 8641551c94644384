"""The desk's limits on attached files, checked the same way by forms, the API and mail."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import PurePosixPath, PureWindowsPath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from frontdesk.core.constants import ATTACHMENT_NAME_LENGTH
from frontdesk.core.errors import Invalid


def attachment_name_clean(raw: str) -> str:
    """A file name safe to show: no folders, no control characters, bounded length."""
    name = PureWindowsPath(PurePosixPath(raw).name).name
    name = "".join(
        ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C"
    )
    name = name.strip().lstrip(".") or "attachment"
    return name[-ATTACHMENT_NAME_LENGTH:]


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
