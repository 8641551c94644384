"""Call events and recordings from the phone system."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import File, Form, Router, UploadedFile
from ninja import Status as Answer

from frontdesk.accounts.selectors import agent_by_username
from frontdesk.core.errors import Invalid
from frontdesk.core.schemas import ErrorOut
from frontdesk.live.models import Call
from frontdesk.live.recording_services import recording_upload, recording_url_attach
from frontdesk.live.schemas import CallEventIn, CallOut, RecordingOut, RecordingSeconds
from frontdesk.live.services import call_event_record

router = Router(tags=["calls"])


@router.post("/calls/events", response={200: CallOut, 400: ErrorOut})
def post_call_event(request: HttpRequest, payload: CallEventIn) -> Call:
    """Record ringing, answered, missed or ended for a call, and where its recording is kept if
    the event says; repeats and late events are safe."""
    agent = None
    if payload.agent:
        agent = agent_by_username(username=payload.agent)
        if agent is None:
            raise Invalid(f"unknown agent {payload.agent!r}")
    call = call_event_record(
        call_id=payload.call_id,
        event=payload.event,
        from_number=payload.from_number,
        agent=agent,
        at=payload.at,
    )
    if payload.recording_url:
        recording_url_attach(
            call=call, url=payload.recording_url, duration_seconds=payload.recording_seconds
        )
    return call


@router.post(
    "/calls/{call_id}/recordings",
    response={201: RecordingOut, 400: ErrorOut, 404: ErrorOut, 413: ErrorOut, 415: ErrorOut},
)
def post_call_recording(
    request: HttpRequest,
    call_id: str,
    file: File[UploadedFile],
    duration_seconds: Form[RecordingSeconds | None] = None,
) -> Answer[object]:
    """Upload a call's recording (multipart, field `file`): audio the desk keeps and plays, its
    type read from its content, its size within the desk's limit."""
    return Answer(
        201, recording_upload(call_id=call_id, upload=file, duration_seconds=duration_seconds)
    )
