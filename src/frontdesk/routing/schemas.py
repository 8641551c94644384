from __future__ import annotations

from typing import Literal

from ninja import Schema
from pydantic import Field

from frontdesk.core.schemas import InputSchema
from frontdesk.engine.queue import EFFORT_MAX_HOURS
from frontdesk.tickets.schemas import TicketOut

PresenceName = Literal["available", "visitor", "call", "break", "away", "off"]


class QueueItemOut(Schema):
    ticket_id: int
    position: int
    kind: Literal["live", "callback", "follow-up", "ticket"]
    reasons: list[str]


class QueueOut(Schema):
    items: list[QueueItemOut]


class QueueNextOut(QueueItemOut):
    ticket: TicketOut


class PresenceIn(InputSchema):
    state: PresenceName


class PresenceOut(Schema):
    state: PresenceName
    since: str


HEAD_START = "Hours of head start: placed as if it had arrived this much earlier."
EFFORT = (
    "Hours of head start an ordinary ticket gets for each halving of its estimated effort "
    "(below 240 minutes): shorter work first."
)


class QueueWeightsOut(Schema):
    callback: float = Field(description=HEAD_START)
    level1: float = Field(description=HEAD_START)
    sla: float = Field(description=HEAD_START)
    quick: float = Field(description=HEAD_START)
    key: float = Field(description=HEAD_START)
    level2: float = Field(description=HEAD_START)
    effort: float = Field(description=EFFORT)
    sla_warning_minutes: int = Field(description="Warn this many minutes before an SLA is due.")


class QueueWeightsIn(InputSchema):
    callback: float = Field(ge=0, le=10_000)
    level1: float = Field(ge=0, le=10_000)
    sla: float = Field(ge=0, le=10_000)
    quick: float = Field(ge=0, le=10_000)
    key: float = Field(ge=0, le=10_000)
    level2: float = Field(ge=0, le=10_000)
    # Optional, so that clients written before effort counted keep working: absent, it stays.
    effort: float | None = Field(default=None, ge=0, le=EFFORT_MAX_HOURS, description=EFFORT)
    sla_warning_minutes: int = Field(ge=1, le=24 * 60)
