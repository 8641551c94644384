from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from django.urls import reverse
from ninja import Schema
from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from frontdesk.core.errors import Invalid
from frontdesk.core.schemas import InputSchema, Moment, near_now
from frontdesk.live.constants import CALL_EVENT_AFTER, CALL_EVENT_BEFORE, RECORDING_SECONDS_MAX
from frontdesk.live.models import Call, Recording
from frontdesk.live.recording_services import recording_url_check


def _https_address(value: str) -> str:
    try:
        return recording_url_check(value)
    except Invalid as error:
        raise PydanticCustomError(
            "https_url",
            "Input should be an https:// address with a host, e.g. {example}",
            {"example": "https://pbx.example.com/rec/c-1.mp3"},
        ) from error


# The address of a recording the phone system keeps.
HttpsAddress = Annotated[str, Field(min_length=1, max_length=1000), AfterValidator(_https_address)]
RecordingSeconds = Annotated[int, Field(ge=0, le=RECORDING_SECONDS_MAX)]


class CallEventIn(InputSchema):
    call_id: str = Field(..., min_length=1, max_length=100)
    event: Literal["ringing", "answered", "missed", "ended"]
    from_number: str = Field("", max_length=40)
    agent: str | None = Field(None, description="username of the agent who answered")
    at: Annotated[Moment, near_now(before=CALL_EVENT_BEFORE, after=CALL_EVENT_AFTER)] | None = (
        Field(None, description="when it happened, ISO 8601 with an offset; now when left out")
    )
    recording_url: HttpsAddress | None = Field(
        None, description="where the phone system keeps the call's recording (https)"
    )
    recording_seconds: RecordingSeconds | None = Field(
        None, description="the recording's length in seconds, if known"
    )


class RecordingOut(Schema):
    id: int
    call_id: str
    url: str = Field(description="the phone system's address, for a recording it keeps")
    audio: str = Field(description="the desk's address of a stored recording (agents' session)")
    content_type: str
    size: int | None
    duration_seconds: int | None
    sha256: str
    created_at: datetime

    @staticmethod
    def resolve_call_id(recording: Recording) -> str:
        return recording.call.call_id

    @staticmethod
    def resolve_audio(recording: Recording) -> str:
        if not recording.file:
            return ""
        return reverse("recordings:audio", kwargs={"recording_id": recording.pk})


class CallOut(Schema):
    call_id: str
    state: str
    from_number: str
    customer_id: int | None
    ticket_id: int | None
    agent: str | None
    recordings: list[RecordingOut]

    @staticmethod
    def resolve_recordings(call: Call) -> list[Recording]:
        # Through the call's own manager, each recording's call is this one: no join, no query.
        return list(call.recordings.all())

    @staticmethod
    def resolve_agent(call: object) -> str | None:
        agent = getattr(call, "agent", None)
        return agent.username if agent is not None else None
