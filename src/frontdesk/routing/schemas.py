from __future__ import annotations

from typing import Literal

from ninja import Schema

from frontdesk.core.schemas import InputSchema
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
