"""IMAP collection, against a stand-in for the mail server (no IMAP server runs here)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from imap_tools import MailMessage

from frontdesk.mail.fetch import _fetch_new
from frontdesk.mail.models import ImapCursor, InboundMail
from frontdesk.tickets.models import Ticket
from tests.mail import corpus

pytestmark = pytest.mark.django_db


class FakeFolder:
    def __init__(self, validity: int) -> None:
        self.validity = validity

    def status(self, folder: str, items: list[str]) -> dict[str, int]:
        return {"UIDVALIDITY": self.validity}


class FakeMailBox:
    """What imap-tools' MailBox offers the fetch: a folder status, and messages from a UID on,
    each built from the server's FETCH answer by `email_message_class` as imap-tools does."""

    email_message_class = MailMessage

    def __init__(self, messages: list[bytes], validity: int = 7, fail_after: int | None = None):
        self.messages = messages
        self.folder = FakeFolder(validity)
        self.fail_after = fail_after

    def fetch(self, criteria: str, **kwargs: object) -> Iterator[MailMessage]:
        start = int(criteria.split()[1].split(":")[0])
        chosen = [(uid, raw) for uid, raw in enumerate(self.messages, 1) if uid >= start]
        # Like a real server, "N:*" with N past the end still returns the last message.
        chosen = chosen or [(len(self.messages), self.messages[-1])]
        for count, (uid, raw) in enumerate(chosen):
            if self.fail_after is not None and count == self.fail_after:
                raise ConnectionResetError("the server went away")
            answer = f"{uid} (UID {uid} FLAGS () RFC822 {{{len(raw)}}}".encode()
            yield self.email_message_class([(answer, raw), b")"])


MESSAGES = [corpus.estonian_cp1257(), corpus.hungarian_latin2(), corpus.hebrew()]


def test_new_messages_come_in_once_however_often_the_mailbox_is_read() -> None:
    assert _fetch_new(FakeMailBox(MESSAGES), "desk@imap/INBOX") == 3
    assert _fetch_new(FakeMailBox(MESSAGES), "desk@imap/INBOX") == 0
    assert Ticket.objects.count() == 3
    assert ImapCursor.objects.get().next_uid == 4


def test_a_fetch_cut_short_goes_on_where_it_stopped() -> None:
    with pytest.raises(ConnectionResetError):
        _fetch_new(FakeMailBox(MESSAGES, fail_after=2), "desk@imap/INBOX")
    assert InboundMail.objects.count() == 2
    assert _fetch_new(FakeMailBox(MESSAGES), "desk@imap/INBOX") == 1
    assert Ticket.objects.count() == 3


def test_a_renumbered_mailbox_does_not_bring_anything_in_twice() -> None:
    _fetch_new(FakeMailBox(MESSAGES, validity=7), "desk@imap/INBOX")
    assert _fetch_new(FakeMailBox(MESSAGES, validity=8), "desk@imap/INBOX") == 0
    assert InboundMail.objects.count() == 3


def test_the_raw_message_is_kept_as_the_server_sent_it() -> None:
    _fetch_new(FakeMailBox(MESSAGES), "desk@imap/INBOX")
    kept = {bytes(raw) for raw in InboundMail.objects.values_list("raw", flat=True)}
    assert kept == set(MESSAGES)


def test_a_message_the_mail_library_cannot_read_does_not_stop_the_mailbox() -> None:
    messages = [corpus.estonian_cp1257(), corpus.nested(3000), corpus.hebrew()]
    assert _fetch_new(FakeMailBox(messages), "desk@imap/INBOX") == 3
    assert ImapCursor.objects.get().next_uid == 4
    deep = InboundMail.objects.get(header_message_id="<deep-3000@sender.example>")
    assert (deep.state, bytes(deep.raw)) == ("processed", corpus.nested(3000))
    assert "too-deep" in deep.flags
    assert Ticket.objects.count() == 3
