"""Writes for calls' recordings: an address from the phone system, or a file it uploads, kept
and deleted as attachments are (the retention rule; the customer's erasure)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from urllib.parse import urlsplit

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from frontdesk.core.attachments import recording_validate, stored_files_delete
from frontdesk.core.errors import Invalid, NotFound, StorageUnavailable
from frontdesk.core.retention import file_rows_expire
from frontdesk.customers.models import Customer
from frontdesk.live.models import Call, Recording

# The file's suffix on disk, by the type its content showed.
SUFFIX_OF_TYPE = {
    "audio/mpeg": ".mp3",
    "audio/wav": ".wav",
    "audio/ogg": ".ogg",
    "audio/flac": ".flac",
    "audio/aac": ".aac",
    "audio/mp4": ".m4a",
    "audio/webm": ".webm",
}
# Recordings one run of the retention job deletes; the next run takes the rest.
EXPIRE_BATCH = 500
_HASH_CHUNK_BYTES = 64 * 1024


def recording_url_check(url: str) -> str:
    """The address of a recording the phone system keeps, if it is an https address with a
    host: anything else could not play in a desk served over https, or is no address at all."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise Invalid(_("A recording's address must start with https:// and name a host."))
    return url


def recording_url_attach(*, call: Call, url: str, duration_seconds: int | None = None) -> Recording:
    """Attach the address of the call's recording; the same address twice is one recording."""
    url = recording_url_check(url)
    existing = Recording.objects.filter(call=call, url=url).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Recording.objects.create(
                call=call,
                url=url,
                storage_key=secrets.token_hex(16),
                duration_seconds=duration_seconds,
            )
    except IntegrityError:
        # The phone system sent the same event twice at once: the other one stored it.
        return Recording.objects.get(call=call, url=url)


def recording_upload(
    *, call_id: str, upload: UploadedFile, duration_seconds: int | None = None
) -> Recording:
    """Store an audio file the phone system uploads for a call it told the desk about; the
    type is what the file's first bytes show, and its sha256 is kept to prove it unchanged.
    The same file twice for a call is one recording, as the same address twice is."""
    call = Call.objects.filter(call_id=call_id.strip()).first()
    if call is None:
        raise NotFound("Call not found.")
    content_type = recording_validate(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks(_HASH_CHUNK_BYTES):
        digest.update(chunk)
    upload.seek(0)
    # A phone system whose upload timed out sends it again: the call keeps one copy.
    same = Recording.objects.filter(call=call, sha256=digest.hexdigest()).exclude(file="").first()
    if same is not None:
        return same
    recording = Recording(
        call=call,
        storage_key=secrets.token_hex(16),
        content_type=content_type,
        size=upload.size,
        duration_seconds=duration_seconds,
        sha256=digest.hexdigest(),
    )
    try:
        recording.file.save("recording" + SUFFIX_OF_TYPE[content_type], upload, save=False)
    except OSError as error:  # a full disk, an unreachable bucket: the phone system retries
        raise StorageUnavailable(
            _("The desk could not store the recording just now. Please try again in a while.")
        ) from error
    try:
        recording.save()
    except BaseException:
        # No row names the file: it would stay on disk for ever.
        default_storage.delete(recording.file.name or "")
        raise
    return recording


def recordings_expire(before: datetime) -> int:
    """Delete the recordings that arrived before `before`, their files too; how many."""
    return file_rows_expire(Recording.objects.all(), before=before, batch=EXPIRE_BATCH)


def recordings_erase(*, customer: Customer) -> int:
    """Delete every recording of the customer's calls, their files too (the customer is being
    erased); how many."""
    recordings = Recording.objects.filter(
        Q(call__customer=customer) | Q(call__ticket__customer=customer)
    )
    with transaction.atomic():
        names = list(recordings.values_list("file", flat=True))
        deleted, _by_model = recordings.delete()
        stored_files_delete(names)
    return deleted
