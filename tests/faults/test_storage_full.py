"""The attachments' storage full: a contact with files is refused whole with words that say so,
nothing half-written, and what was typed stays on the form; incoming mail stays stored and is
filed, files and all, once there is room again.

A full disk cannot be made portably here, so the storage below fails its writes exactly as the
operating system does when the disk is full (ENOSPC); everything else is the desk's own code."""

from __future__ import annotations

import errno
import os
from datetime import timedelta
from email.message import EmailMessage
from typing import IO, Any

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django import Settings

from frontdesk.customers.models import Customer
from frontdesk.demo.audio import tone_wav
from frontdesk.live.models import Recording
from frontdesk.live.services import call_event_record
from frontdesk.mail.choices import MailState
from frontdesk.mail.inbound import mail_receive, mail_reprocess_failed
from frontdesk.tickets.models import Attachment, Ticket
from tests import factories

pytestmark = pytest.mark.django_db


class FullDisk(FileSystemStorage):
    """A folder on a disk with room for `room` more files: past them every write fails."""

    room = 0

    def save(self, name: str | None, content: IO[Any], max_length: int | None = None) -> str:
        if FullDisk.room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)
        FullDisk.room -= 1
        return super().save(name, content, max_length)


@pytest.fixture
def full_disk(settings: Settings) -> type[FullDisk]:
    FullDisk.room = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.FullDisk"},
    }
    return FullDisk


def stored_files() -> list[str]:
    root = default_storage.path("")
    return [os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names]


def test_the_form_says_the_files_could_not_be_stored_and_keeps_what_was_typed(
    full_disk: type[FullDisk],
) -> None:
    full_disk.room = 1  # the first file fits, the second does not
    before = stored_files()
    response = Client().post(
        "/",
        {
            "name": "Anna Kovács",
            "email": "anna@example.hu",
            "subject": "Számla",
            "body": "Kérem a számlát újra, mellékelve a két fotó.",
            "attachments": [
                SimpleUploadedFile("one.png", b"\x89PNG\r\n\x1a\n" + b"1" * 500, "image/png"),
                SimpleUploadedFile("two.png", b"\x89PNG\r\n\x1a\n" + b"2" * 500, "image/png"),
            ],
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "could not store the attached files" in page
    assert "Kérem a számlát újra, mellékelve a két fotó." in page
    assert 'value="Számla"' in page
    assert not Ticket.objects.exists()
    assert not Attachment.objects.exists()
    assert not Customer.objects.filter(identities__value="anna@example.hu").exists()
    assert stored_files() == before  # the file that fit was taken away again


def test_the_api_answers_503_with_retry_after(full_disk: type[FullDisk]) -> None:
    number = "+372 5555 0177"
    factories.customer(name="Mari Maasikas", phone=number)
    call_event_record(call_id="c-1", event="ringing", from_number=number)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {factories.api_token(factories.agent())}")
    audio = SimpleUploadedFile("call.wav", tone_wav(seconds=1), content_type="audio/wav")
    answer = api.post("/api/v1/calls/c-1/recordings", {"file": audio})
    assert answer.status_code == 503, answer.content
    assert answer["Retry-After"] == "300"
    assert "could not store the recording" in answer.json()["detail"]
    assert not Recording.objects.exists()


def test_mail_stays_stored_and_is_filed_when_there_is_room(full_disk: type[FullDisk]) -> None:
    message = EmailMessage()
    message["From"] = "Mari Tamm <mari@example.ee>"
    message["To"] = "help@example.com"
    message["Subject"] = "Arve"
    message["Message-ID"] = "<disk-full-1@example.ee>"
    message.set_content("Arve on lisatud.")
    message.add_attachment(
        b"%PDF-1.4 " * 100, maintype="application", subtype="pdf", filename="arve.pdf"
    )

    inbound = mail_receive(raw=message.as_bytes(), source="smtp")
    assert inbound.state == MailState.FAILED
    assert not Ticket.objects.exists()

    full_disk.room = 10
    assert mail_reprocess_failed(older_than=timedelta(0)) == 1
    ticket = Ticket.objects.get()
    assert ticket.subject == "Arve"
    assert [a.name for a in Attachment.objects.filter(message__ticket=ticket)] == ["arve.pdf"]
