"""Collecting mail from an existing IMAP mailbox, idempotently: a message is imported once, even
when a fetch is cut short."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from typing import Protocol, cast

from django.conf import settings
from django.db import transaction
from imap_tools import MailBox, MailBoxUnencrypted, MailMessage
from imap_tools.errors import MailboxLoginError

from frontdesk.engine.mail import mail_message_id
from frontdesk.mail.choices import MailSource
from frontdesk.mail.inbound import mail_process, mail_store
from frontdesk.mail.models import ImapCursor, InboundMail

logger = logging.getLogger(__name__)
BATCH = 100


class _Folders(Protocol):
    def status(self, folder: str, options: list[str], /) -> dict[str, int]: ...


class _Box(Protocol):
    """What the fetch uses of an imap-tools mailbox (tests hand it a fake one)."""

    email_message_class: type[MailMessage]

    @property
    def folder(self) -> _Folders: ...

    def fetch(
        self, criteria: str, /, *, mark_seen: bool, bulk: int, headers_only: bool
    ) -> Iterator[MailMessage]: ...


class MailFetchError(RuntimeError):
    """The mailbox cannot be read; the message says why."""


class RawMessage(MailMessage):
    """A fetched message as the server sent it. imap-tools parses every message as it builds
    it; the desk keeps the raw bytes instead (the stored original must be exact) and parses
    them itself, so a message Python's parser cannot read is stored, not a fetch that fails
    on it every minute for ever."""

    def __init__(self, fetch_data: list) -> None:
        self.raw, self._raw_uid_data, self._raw_flag_data = self._get_message_data_parts(fetch_data)


def mail_fetch() -> int:
    """Store and file every message not seen before; how many were new."""
    if not settings.IMAP_HOST:
        raise MailFetchError("no mailbox is configured (FRONTDESK_IMAP_HOST)")
    box_class = MailBox if settings.IMAP_SSL else MailBoxUnencrypted
    account = f"{settings.IMAP_USER}@{settings.IMAP_HOST}/{settings.IMAP_MAILBOX}"
    try:
        with box_class(settings.IMAP_HOST, port=settings.IMAP_PORT).login(
            settings.IMAP_USER, settings.IMAP_PASSWORD, initial_folder=settings.IMAP_MAILBOX
        ) as box:
            return _fetch_new(box, account)
    except MailboxLoginError as error:
        raise MailFetchError(f"cannot log in to {account}: {error}") from error
    except OSError as error:
        raise MailFetchError(f"cannot reach {settings.IMAP_HOST}: {error}") from error


def _fetch_new(box: _Box, account: str) -> int:
    status = box.folder.status(settings.IMAP_MAILBOX, ["UIDVALIDITY"])
    validity = int(status.get("UIDVALIDITY", 0))
    cursor, _created = ImapCursor.objects.get_or_create(account=account)
    if cursor.uid_validity != validity:
        # The server renumbered the mailbox: read it all again; Message-IDs and digests keep
        # what is already in from coming in twice.
        cursor.uid_validity, cursor.next_uid = validity, 1
        cursor.save(update_fields=["uid_validity", "next_uid"])
    new = 0
    box.email_message_class = RawMessage
    for message in box.fetch(
        f"UID {cursor.next_uid}:*", mark_seen=False, bulk=BATCH, headers_only=False
    ):
        uid = int(message.uid or 0)
        if uid < cursor.next_uid:
            continue  # "N:*" always returns the last message, even when it is older than N
        raw = bytes(cast(RawMessage, message).raw)  # the box builds email_message_class
        message_id = mail_message_id(raw)
        stored: InboundMail | None = None
        with transaction.atomic():
            if not _seen(raw, message_id):
                stored = mail_store(raw=raw, source=MailSource.IMAP, envelope_to=[account])
                new += 1
            # The cursor moves in the same transaction as the message is stored: a fetch cut
            # short here starts again at the first message it did not finish.
            ImapCursor.objects.filter(pk=cursor.pk).update(next_uid=uid + 1)
            cursor.next_uid = uid + 1
        if stored is not None:
            mail_process(inbound=stored)
    return new


def _seen(raw: bytes, message_id: str) -> bool:
    digest = hashlib.sha256(raw).hexdigest()
    if InboundMail.objects.filter(digest=digest).exists():
        return True
    return bool(message_id) and InboundMail.objects.filter(header_message_id=message_id).exists()
