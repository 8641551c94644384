from __future__ import annotations

from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from frontdesk.core.schemas import InputSchema, Moment, near_now
from frontdesk.live.constants import CALL_EVENT_AFTER, CALL_EVENT_BEFORE


class CallEventIn(InputSchema):
    call_id: str = Field(..., min_length=1, max_length=100)
    event: Literal["ringing", "answered", "missed", "ended"]
    from_number: str = Field("", max_length=40)
    agent: str | None = Field(None, description="username of the agent who answered")
    at: Annotated[Moment, near_now(before=CALL_EVENT_BEFORE, after=CALL_EVENT_AFTER)] | None = (
        Field(None, description="when it happened, ISO 8601 with an offset; now when left out")
    )


class CallOut(Schema):
    call_id: str
    state: str
    from_number: str
    customer_id: int | None
    ticket_id: int | None
    agent: str | None

    @staticmethod
    def resolve_agent(call: object) -> str | None:
        agent = getattr(call, "agent", None)
        return agent.username if agent is not None else None
