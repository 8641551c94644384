"""Call events from the phone system."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from frontdesk.accounts.selectors import agent_by_username
from frontdesk.core.errors import Invalid
from frontdesk.core.schemas import ErrorOut
from frontdesk.live.models import Call
from frontdesk.live.schemas import CallEventIn, CallOut
from frontdesk.live.services import call_event_record

router = Router(tags=["calls"])


@router.post("/calls/events", response={200: CallOut, 400: ErrorOut})
def post_call_event(request: HttpRequest, payload: CallEventIn) -> Call:
    """Record ringing, answered, missed or ended for a call; repeats and late events are safe."""
    agent = None
    if payload.agent:
        agent = agent_by_username(username=payload.agent)
        if agent is None:
            raise Invalid(f"unknown agent {payload.agent!r}")
    return call_event_record(
        call_id=payload.call_id,
        event=payload.event,
        from_number=payload.from_number,
        agent=agent,
        at=payload.at,
    )
