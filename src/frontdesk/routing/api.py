"""The queue and presence over the API."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router
from ninja import Status as Answer
from pydantic import Field

from frontdesk.accounts.auth import LeadToken
from frontdesk.accounts.selectors import request_agent
from frontdesk.accounts.services import presence_set
from frontdesk.core.schemas import ErrorOut, InputSchema
from frontdesk.engine.queue import reasons_for
from frontdesk.routing.schemas import (
    PresenceIn,
    PresenceOut,
    QueueNextOut,
    QueueOut,
    QueueWeightsIn,
    QueueWeightsOut,
)
from frontdesk.routing.selectors import QueueEntry, queue_of
from frontdesk.routing.services import queue_take_next
from frontdesk.tickets.adapters import queue_item_of
from frontdesk.tickets.selectors import queue_weights
from frontdesk.tickets.services import queue_weights_set

router = Router(tags=["queue"])


class QueueQuery(InputSchema):
    limit: int = Field(50, ge=1, le=500)


def _item(entry: QueueEntry) -> dict[str, object]:
    return {
        "ticket_id": entry.ticket.pk,
        "position": entry.position,
        "kind": entry.ticket.queue_kind,
        "reasons": [reason.text() for reason in entry.reasons],
    }


@router.get("/queue", response=QueueOut)
def get_queue(request: HttpRequest, query: Query[QueueQuery]) -> dict[str, object]:
    """The calling agent's queue in order, each item with the reasons for its place."""
    entries = queue_of(agent=request_agent(request), now=timezone.now(), limit=query.limit)
    return {"items": [_item(entry) for entry in entries]}


@router.post("/queue/next", response={200: QueueNextOut, 204: None, 400: ErrorOut})
def take_next(request: HttpRequest) -> Answer[object] | HttpResponse:
    """Assign the top free item of the queue to the calling agent; 204 when there is none."""
    ticket = queue_take_next(agent=request_agent(request))
    if ticket is None:
        return HttpResponse(status=204)
    reasons = reasons_for(queue_item_of(ticket), timezone.now())
    entry = QueueEntry(ticket=ticket, position=1, reasons=reasons)
    return Answer(200, {**_item(entry), "ticket": ticket})


@router.post("/presence", response={200: PresenceOut, 400: ErrorOut})
def set_presence(request: HttpRequest, payload: PresenceIn) -> dict[str, str]:
    """Set where the calling agent is: available, visitor, call, break, away or off."""
    presence = presence_set(agent=request_agent(request), state=payload.state)
    return {"state": presence.state, "since": presence.since.isoformat()}


def _weights() -> dict[str, float]:
    weights = queue_weights()
    return {name: getattr(weights, name) for name in QueueWeightsOut.model_fields}


@router.get("/queue-weights", response=QueueWeightsOut, tags=["settings"], auth=LeadToken())
def get_queue_weights(request: HttpRequest) -> dict[str, float]:
    """How far ahead of its arrival each kind of item is placed in the queue."""
    return _weights()


@router.put(
    "/queue-weights",
    response={200: QueueWeightsOut, 400: ErrorOut},
    tags=["settings"],
    auth=LeadToken(),
)
def set_queue_weights(request: HttpRequest, payload: QueueWeightsIn) -> dict[str, float]:
    """Set the queue's weights; every queued item takes its new place."""
    queue_weights_set(actor=request_agent(request), values=payload.model_dump(exclude_none=True))
    return _weights()
