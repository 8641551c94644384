"""A call's recording plays in Chromium's own player, which seeks with byte ranges."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import Browser, Response
from pytest_django.live_server_helper import LiveServer

from frontdesk.demo.audio import tone_wav
from frontdesk.live.recording_services import recording_upload
from frontdesk.live.services import call_event_record
from tests import factories
from tests.browser.conftest import agent_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Resolves once the player knows the recording's length, then seeks near its end and resolves
# with what the player could seek in and where it got to.
SEEK = """async () => {
  const player = document.querySelector(".recordings audio");
  if (player.readyState < 1) {
    await new Promise((done) => player.addEventListener("loadedmetadata", done, {once: true}));
  }
  const seeked = new Promise((done) => player.addEventListener("seeked", done, {once: true}));
  player.currentTime = 2.5;
  await seeked;
  return {
    duration: player.duration,
    seekable: player.seekable.length ? [player.seekable.start(0), player.seekable.end(0)] : [],
    at: player.currentTime,
    error: player.error ? player.error.code : 0,
  };
}"""


def test_an_agent_can_seek_in_a_calls_recording_on_its_ticket(
    browser: Browser, live_server: LiveServer
) -> None:
    factories.customer(name="Mari Maasikas", phone="+372 5555 0177")
    call = call_event_record(call_id="c-1", event="ended", from_number="+372 5555 0177")
    audio = SimpleUploadedFile("call.wav", tone_wav(seconds=3), content_type="audio/wav")
    recording = recording_upload(call_id="c-1", upload=audio, duration_seconds=3)

    page = agent_page(browser, live_server, factories.agent())
    answers: list[Response] = []
    page.on("response", lambda response: answers.append(response))
    page.goto(f"{live_server.url}/desk/tickets/{call.ticket_id}/")
    found = page.evaluate(SEEK)

    assert found["error"] == 0
    assert round(found["duration"]) == 3
    # The player knows the whole length, may seek anywhere in it, and got where it was sent.
    assert [round(edge) for edge in found["seekable"]] == [0, 3]
    assert round(found["at"], 1) == 2.5
    # Chromium asks for byte ranges and gets them: none of its answers is the whole file.
    played = [a for a in answers if a.url == f"{live_server.url}/desk/recordings/{recording.pk}/"]
    assert played
    assert {a.status for a in played} == {206}
    assert all(a.request.headers.get("range", "").startswith("bytes=") for a in played)
    page.context.close()
