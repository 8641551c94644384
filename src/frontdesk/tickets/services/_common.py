"""What every concern of ticket writes builds on: checks of what people typed, the ticket
row's insert and lock, and adding messages (system notes included) with their attachments."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from datetime import datetime
from email.utils import make_msgid

import nh3
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.attachments import attachment_name_clean
from frontdesk.core.errors import Invalid, StorageUnavailable
from frontdesk.customers.choices import InteractionKind
from frontdesk.customers.models import Customer
from frontdesk.tickets.choices import Channel, MessageDirection
from frontdesk.tickets.constants import (
    BODY_LENGTH,
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    REFERENCE_PREFIX,
    SUBJECT_LENGTH,
)
from frontdesk.tickets.models import Attachment, Message, Ticket
from frontdesk.tickets.services.search import search_text_for, ticket_search_text_extend

INTERACTION_KIND = {
    Channel.EMAIL: InteractionKind.EMAIL,
    Channel.WEB: InteractionKind.WEB,
    Channel.PHONE: InteractionKind.CALL,
    Channel.VISIT: InteractionKind.VISIT,
    Channel.CHAT: InteractionKind.CHAT,
}

logger = logging.getLogger(__name__)


def reference_new() -> str:
    """A short random reference customers can read out: FD-7K3QX2."""
    return REFERENCE_PREFIX + "".join(
        secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH)
    )


def _attachments_store(message: Message, files: Sequence[UploadedFile]) -> None:
    """Store the files and their rows; a file the storage refuses (a full disk, an unreachable
    bucket) refuses the whole message, and the files stored before it are taken away again."""
    stored: list[str] = []
    for upload in files:
        attachment = Attachment(
            message=message,
            storage_key=secrets.token_hex(16),
            name=attachment_name_clean(upload.name or ""),
            content_type=(upload.content_type or "application/octet-stream")[:100],
            size=upload.size or 0,
        )
        try:
            attachment.file.save(attachment.name, upload, save=False)
        except OSError as error:
            logger.error("an attachment could not be stored: %s", error)
            for name in stored:
                default_storage.delete(name)
            raise StorageUnavailable(
                _(
                    "The desk could not store the attached files just now, so nothing was "
                    "saved. Please try again in a while."
                )
            ) from error
        stored.append(attachment.file.name or "")
        attachment.save()


def html_sanitise(html: str) -> str:
    """HTML that cannot run scripts or load anything remote when a page shows it."""
    return nh3.clean(
        html,
        url_schemes={"http", "https", "mailto", "cid"},
        link_rel="noopener noreferrer nofollow",
        tags=nh3.ALLOWED_TAGS - {"img"},
    )


def _check_subject(subject: str) -> None:
    if not subject.strip():
        raise Invalid(_("The subject cannot be empty."))
    if len(subject) > SUBJECT_LENGTH:
        raise Invalid(
            _("The subject is longer than %(count)d characters.") % {"count": SUBJECT_LENGTH}
        )


def _check_body(body: str) -> None:
    if not body.strip():
        raise Invalid(_("The message cannot be empty."))
    if len(body) > BODY_LENGTH:
        raise Invalid(
            _("The message is longer than %(count)d characters.") % {"count": BODY_LENGTH}
        )


def _message_add(
    *,
    ticket: Ticket,
    direction: str,
    channel: str,
    text: str,
    html: str = "",
    subject: str = "",
    agent: User | None = None,
    customer: Customer | None = None,
    headers: dict[str, str] | None = None,
    message_id: str = "",
    files: Sequence[UploadedFile] = (),
    created_at: datetime | None = None,
    flags: Sequence[str] = (),
    from_address: str = "",
) -> Message:
    message = Message.objects.create(
        ticket=ticket,
        direction=direction,
        channel=channel,
        author_agent=agent,
        author_customer=customer,
        subject=subject[:SUBJECT_LENGTH],
        text=text,
        html=html_sanitise(html) if html else "",
        headers=headers or {},
        message_id=message_id or make_msgid(domain=settings.MESSAGE_ID_DOMAIN),
        from_address=from_address,
        created_at=created_at or timezone.now(),
        flags=list(flags),
    )
    _attachments_store(message, files)
    ticket_search_text_extend(ticket=ticket, text=text)
    return message


def _ticket_insert(ticket: Ticket, *, text: str = "", savepoint: bool = True) -> None:
    """Insert a new ticket under a fresh reference. `savepoint=False`: the caller undoes its
    transaction and tries again whole on a clash (intake's flow does), sparing a savepoint."""
    # A reference clash is rare but grows with the desk (one in ~900 at a million tickets):
    # try another rather than fail the customer.
    for _attempt in range(5 if savepoint else 1):
        ticket.reference = reference_new()
        # The first message's words go in with the row, saving a write per new ticket.
        ticket.search_text = search_text_for(ticket, text)
        if not savepoint:
            ticket.save(force_insert=True)
            return
        try:
            with transaction.atomic():
                ticket.save(force_insert=True)
                return
        except IntegrityError:
            ticket.pk = None
            continue
    raise IntegrityError("could not find a free ticket reference")


def _ticket_lock(ticket: Ticket) -> None:
    # Read the row again, locked until the transaction ends, before deciding anything on it: a
    # page loaded the ticket a moment ago, and a colleague may have solved, answered or taken
    # it since. Deciding on the loaded copy would reopen it, misstate the change, or take it
    # from them. Writers of the same row wait their turn (on SQLite they do anyway).
    ticket.refresh_from_db(from_queryset=Ticket.objects.select_for_update())


def ticket_note_system(
    *,
    ticket: Ticket,
    actor: User | None,
    text: str,
    at: datetime | None = None,
    event: dict[str, object] | None = None,
) -> Message:
    """A one-line internal record of who changed what (`text` in English, `event` for pages)."""
    return Message.objects.create(
        ticket=ticket,
        direction=MessageDirection.NOTE,
        channel=ticket.channel,
        author_agent=actor,
        text=text,
        event=event or {},
        flags=["system"],
        message_id=make_msgid(domain=settings.MESSAGE_ID_DOMAIN),
        created_at=at or timezone.now(),
    )
