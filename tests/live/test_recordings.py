from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from frontdesk.accounts.models import User
from frontdesk.customers.models import Customer
from frontdesk.customers.services import customer_merge
from frontdesk.customers.signals import customer_erasing
from frontdesk.demo.audio import tone_wav
from frontdesk.live.models import Call, Recording
from frontdesk.live.recording_services import recording_upload
from frontdesk.live.services import call_event_record
from frontdesk.periodic.tasks import files_retention
from frontdesk.tickets.models import Attachment
from tests import factories
from tests.conftest import ApiClient
from tests.portal.test_views import portal_client

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db

NUMBER = "+372 5555 0177"
WAV = tone_wav(seconds=1)
PBX_URL = "https://pbx.example.com/rec/c-1.mp3"


@pytest.fixture
def caller() -> Customer:
    return factories.customer(name="Mari Maasikas", phone=NUMBER)


@pytest.fixture
def call(caller: Customer) -> Call:
    return call_event_record(call_id="c-1", event="ringing", from_number=NUMBER)


def upload(api: ApiClient, call_id: str, content: bytes, **fields: object) -> Response:
    audio = SimpleUploadedFile("call.wav", content, content_type="audio/wav")
    return api.client.post(f"/api/v1/calls/{call_id}/recordings", {"file": audio, **fields})


def stored(call: Call, content: bytes = WAV) -> Recording:
    return recording_upload(
        call_id=call.call_id,
        upload=SimpleUploadedFile("call.wav", content, content_type="audio/wav"),
        duration_seconds=1,
    )


def reference_of(call: Call) -> str:
    assert call.ticket is not None
    return call.ticket.reference


def on_disk(recording: Recording) -> Path:
    return Path(recording.file.path)


def test_a_call_event_can_say_where_the_phone_system_keeps_the_recording(
    api: ApiClient, caller: Customer
) -> None:
    body = {"call_id": "c-9", "event": "ended", "recording_url": PBX_URL, "recording_seconds": 95}
    first = api.post("/api/v1/calls/events", body)
    again = api.post("/api/v1/calls/events", body)
    assert first.status_code == again.status_code == 200
    assert [(r["url"], r["duration_seconds"]) for r in again.json()["recordings"]] == [
        (PBX_URL, 95)
    ]
    assert Recording.objects.count() == 1


@pytest.mark.parametrize(
    "address", ["http://pbx.example.com/rec.mp3", "javascript:alert(1)", "https://", "rec.mp3"]
)
def test_a_recording_address_must_be_https_with_a_host(api: ApiClient, address: str) -> None:
    answer = api.post(
        "/api/v1/calls/events", {"call_id": "c-8", "event": "ended", "recording_url": address}
    )
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["type"] == "https_url"
    assert not Call.objects.filter(call_id="c-8").exists()


def test_an_uploaded_recording_is_stored_with_its_sniffed_type_size_and_hash(
    api: ApiClient, call: Call
) -> None:
    answer = upload(api, "c-1", WAV, duration_seconds=1)
    assert answer.status_code == 201
    out = answer.json()
    assert (out["call_id"], out["content_type"], out["size"]) == ("c-1", "audio/wav", len(WAV))
    assert out["sha256"] == hashlib.sha256(WAV).hexdigest()
    assert out["duration_seconds"] == 1
    recording = Recording.objects.get()
    assert on_disk(recording).read_bytes() == WAV
    assert out["audio"] == reverse("recordings:audio", args=[recording.pk])


def test_the_same_file_uploaded_again_is_one_recording(api: ApiClient, call: Call) -> None:
    files_before = len(list(Path(django_settings.MEDIA_ROOT).rglob("*.wav")))
    first = upload(api, "c-1", WAV, duration_seconds=1)
    again = upload(api, "c-1", WAV, duration_seconds=1)
    other = upload(api, "c-1", tone_wav(seconds=2), duration_seconds=2)
    assert again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert other.json()["id"] != first.json()["id"]
    assert Recording.objects.count() == 2
    assert len(list(Path(django_settings.MEDIA_ROOT).rglob("*.wav"))) == files_before + 2


def test_a_recording_for_an_unknown_call_is_not_found(api: ApiClient) -> None:
    answer = upload(api, "no-such-call", WAV)
    assert answer.status_code == 404
    assert answer.json() == {"detail": "Call not found."}


def test_a_recording_over_the_limit_is_refused_with_413(
    api: ApiClient, call: Call, settings: Settings
) -> None:
    settings.RECORDING_MAX_BYTES = len(WAV) - 1
    answer = upload(api, "c-1", WAV)
    assert answer.status_code == 413
    assert "larger than the limit" in answer.json()["detail"]
    assert not Recording.objects.exists()


def test_a_file_that_only_claims_to_be_audio_is_refused_with_415(
    api: ApiClient, call: Call
) -> None:
    files_before = list(Path(django_settings.MEDIA_ROOT).glob("recordings/**/*.*"))
    pdf = b"%PDF-1.7\n" + b"x" * 200
    answer = upload(api, "c-1", pdf)
    assert answer.status_code == 415
    assert "application/pdf" in answer.json()["detail"]
    assert not Recording.objects.exists()
    assert list(Path(django_settings.MEDIA_ROOT).glob("recordings/**/*.*")) == files_before


def test_an_empty_recording_is_refused(api: ApiClient, call: Call) -> None:
    answer = upload(api, "c-1", b"")
    assert answer.status_code == 400


def test_an_upload_without_a_token_is_refused(call: Call) -> None:
    audio = SimpleUploadedFile("call.wav", WAV, content_type="audio/wav")
    answer = Client().post("/api/v1/calls/c-1/recordings", {"file": audio})
    assert answer.status_code == 401
    assert not Recording.objects.exists()


def test_an_agent_hears_the_recording_and_can_seek_in_it(agent_client: Client, call: Call) -> None:
    recording = stored(call)
    url = reverse("recordings:audio", args=[recording.pk])
    whole = agent_client.get(url)
    assert whole.status_code == 200
    assert whole["Content-Type"] == "audio/wav"
    assert whole["Accept-Ranges"] == "bytes"
    assert whole["Content-Disposition"] == 'inline; filename="call-c-1.wav"'
    assert whole.getvalue() == WAV
    part = agent_client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-199/{len(WAV)}"
    assert part.getvalue() == WAV[100:200]
    tail = agent_client.get(url, HTTP_RANGE="bytes=-10")
    assert tail.getvalue() == WAV[-10:]
    beyond = agent_client.get(url, HTTP_RANGE=f"bytes={len(WAV)}-")
    assert beyond.status_code == 416
    assert beyond["Content-Range"] == f"bytes */{len(WAV)}"


def test_the_ticket_and_the_timeline_play_the_recording(agent_client: Client, call: Call) -> None:
    recording = stored(call)
    call_event_record(call_id="c-2", event="ended", from_number=NUMBER)
    Recording.objects.create(call=Call.objects.get(call_id="c-2"), url=PBX_URL, storage_key="k2")
    audio = reverse("recordings:audio", args=[recording.pk])
    ticket_page = agent_client.get(reverse("tickets:detail", args=[call.ticket_id])).content
    assert f'<audio controls preload="metadata" src="{audio}"'.encode() in ticket_page
    # Once: the side panel's recent contacts leave this ticket's own call to the card.
    assert ticket_page.count(f'src="{audio}"'.encode()) == 1
    customer_page = agent_client.get(reverse("customers:detail", args=[call.customer_id])).content
    assert f'src="{audio}"'.encode() in customer_page
    assert f'src="{PBX_URL}"'.encode() in customer_page


def test_only_agents_and_the_caller_hear_a_recording(call: Call, caller: Customer) -> None:
    recording = stored(call)
    stranger = factories.customer(name="Someone Else")
    assert Client().get(reverse("recordings:audio", args=[recording.pk])).status_code == 302
    portal_url = reverse("portal:recording", args=[recording.pk])
    assert Client().get(portal_url).status_code == 403
    assert portal_client(stranger).get(portal_url).status_code == 404
    theirs = portal_client(caller)
    assert theirs.get(portal_url).status_code == 200
    page = theirs.get(reverse("portal:ticket", args=[reference_of(call)])).content
    assert f'src="{portal_url}"'.encode() in page


def test_the_portal_never_shows_the_phone_systems_own_address(call: Call, caller: Customer) -> None:
    Recording.objects.create(call=call, url=PBX_URL, storage_key="k1")
    page = portal_client(caller).get(reverse("portal:ticket", args=[reference_of(call)]))
    assert PBX_URL.encode() not in page.content


def test_the_retention_job_deletes_old_recordings_and_attachments_with_their_files(
    call: Call,
    settings: Settings,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    settings.FILE_RETENTION_DAYS = 30
    old, new = stored(call), stored(call, tone_wav(seconds=2))
    Recording.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    ticket = factories.ticket(files=[SimpleUploadedFile("a.pdf", b"%PDF-1.4 old")])
    attachment = Attachment.objects.get(message__ticket=ticket)
    Attachment.objects.filter(pk=attachment.pk).update(
        created_at=timezone.now() - timedelta(days=31)
    )
    attachment_file = Path(attachment.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        deleted = files_retention.call()
    assert deleted == {"attachments": 1, "recordings": 1}
    assert list(Recording.objects.all()) == [new]
    assert not on_disk(old).exists()
    assert on_disk(new).exists()
    assert not attachment_file.exists()


def test_the_retention_job_keeps_everything_when_the_rule_is_for_ever(
    call: Call, settings: Settings
) -> None:
    settings.FILE_RETENTION_DAYS = 0
    recording = stored(call)
    Recording.objects.filter(pk=recording.pk).update(
        created_at=timezone.now() - timedelta(days=900)
    )
    assert files_retention.call() == {}
    assert on_disk(recording).exists()


def test_erasing_the_customer_deletes_their_recordings_and_files(
    call: Call, caller: Customer, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    recording = stored(call)
    other = call_event_record(call_id="c-3", event="ended", from_number="+372 5555 0999")
    kept = stored(other)
    with django_capture_on_commit_callbacks(execute=True):
        customer_erasing.send(sender=Customer, customer=caller)
    assert list(Recording.objects.all()) == [kept]
    assert not on_disk(recording).exists()
    assert on_disk(kept).exists()


def test_a_merge_takes_the_recordings_along_to_the_surviving_customer(
    call: Call, caller: Customer, agent: User, agent_client: Client
) -> None:
    recording = stored(call)
    survivor = factories.customer(name="Mari M.")
    customer_merge(source=caller, target=survivor, actor=agent)
    page = agent_client.get(reverse("customers:detail", args=[survivor.pk])).content
    assert reverse("recordings:audio", args=[recording.pk]).encode() in page
    assert (
        portal_client(survivor).get(reverse("portal:recording", args=[recording.pk])).status_code
        == 200
    )


def test_an_upload_without_a_file_names_the_missing_field(api: ApiClient, call: Call) -> None:
    answer = api.post("/api/v1/calls/c-1/recordings", {"duration_seconds": 3})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"][-1] == "file"


def test_a_timeline_of_many_recorded_calls_reads_their_recordings_at_once(
    agent_client: Client, call: Call
) -> None:
    stored(call)
    page = reverse("customers:detail", args=[call.customer_id])
    agent_client.get(page)  # the first page of a session also reads what it remembers after
    with CaptureQueriesContext(connection) as one_call:
        agent_client.get(page)
    for n in range(2, 6):
        stored(call_event_record(call_id=f"c-{n}", event="ended", from_number=NUMBER))
    with CaptureQueriesContext(connection) as five_calls:
        html = agent_client.get(page).content.decode()
    assert html.count("<audio ") == 5
    assert len(five_calls) == len(one_call)
