"""Log lines over the API."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router
from pydantic import Field, StrictBool

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.schemas import ErrorOut, InputSchema, RowId
from frontdesk.journal.services import log_line_json, log_line_read, log_line_save

router = Router(tags=["journal"])


class LogLineIn(InputSchema):
    line: str = Field(..., max_length=2000)
    # Strict: pydantic would also take 0, 1, "yes" or "off" for a JSON boolean.
    dry_run: StrictBool = False
    customer_id: RowId | None = None
    new_customer: StrictBool = False


@router.post("/log", response={200: dict[str, object], 400: ErrorOut})
def post_log_line(request: HttpRequest, payload: LogLineIn) -> dict[str, object]:
    """Read a log line (`customer. agent. topic. time.`) and, unless `dry_run`, save it: a line
    that is not certain needs `customer_id` (one of the candidates) or `new_customer`; 400 says
    why otherwise. Answers the parse, with `interaction_id` when saved."""
    agent = request_agent(request)
    parsed = log_line_read(line=payload.line, writer=agent)
    answer: dict[str, object] = {**log_line_json(parsed), "interaction_id": None}
    if not payload.dry_run:
        saved = log_line_save(
            line=payload.line,
            writer=agent,
            customer_id=payload.customer_id,
            new_customer=payload.new_customer,
        )
        answer["interaction_id"] = saved.pk
    return answer
