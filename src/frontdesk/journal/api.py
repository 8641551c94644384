"""Log lines over the API, and the team's log codes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Path, Router, Schema
from ninja import Status as Answer
from pydantic import Field, StrictBool

from frontdesk.accounts.auth import LeadToken
from frontdesk.accounts.selectors import request_agent
from frontdesk.core.schemas import ErrorOut, InputSchema, RowId
from frontdesk.journal.constants import FOLLOW_UP_MINUTES_MAX
from frontdesk.journal.models import ColleagueNote, LogCode
from frontdesk.journal.selectors import (
    access_colleague_note,
    access_log_code,
    colleague_note_of,
    colleague_notes_waiting,
    log_codes_for_settings,
)
from frontdesk.journal.services import (
    colleague_note_done,
    log_code_create,
    log_code_delete,
    log_code_update,
    log_line_json,
    log_line_read,
    log_line_save,
)

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
    why otherwise. Answers the parse, with `interaction_id` when saved. A line naming another
    agent (`colleague`) leaves them a note (`note_id`), and the follow-up its words or code ask
    for is theirs (`follow_up_id`)."""
    agent = request_agent(request)
    parsed = log_line_read(line=payload.line, writer=agent)
    answer: dict[str, object] = {
        **log_line_json(parsed),
        "interaction_id": None,
        "note_id": None,
        "follow_up_id": None,
    }
    if not payload.dry_run:
        saved = log_line_save(
            line=payload.line,
            writer=agent,
            customer_id=payload.customer_id,
            new_customer=payload.new_customer,
        )
        answer["interaction_id"] = saved.pk
        note = colleague_note_of(interaction=saved)
        if note is not None:
            answer["note_id"], answer["follow_up_id"] = note.pk, note.follow_up_id
    return answer


class ColleagueNoteOut(Schema):
    """A log line a colleague wrote naming the caller: who wrote it, about whom, the follow-up
    it made for the caller (or null), and when it was marked done (null: waiting)."""

    id: int
    line: str
    writer: str
    customer_id: int
    customer: str
    follow_up_id: int | None
    created_at: datetime
    done_at: datetime | None

    @staticmethod
    def resolve_writer(note: ColleagueNote) -> str:
        return note.writer.display_name

    @staticmethod
    def resolve_customer_id(note: ColleagueNote) -> int:
        return note.interaction.customer_id

    @staticmethod
    def resolve_customer(note: ColleagueNote) -> str:
        return note.customer.name


@router.get("/notes", response=list[ColleagueNoteOut])
def list_colleague_notes(request: HttpRequest) -> list[ColleagueNote]:
    """The notes colleagues' log lines left for the caller that wait for them, oldest first."""
    return list(colleague_notes_waiting(agent=request_agent(request)))


@router.post("/notes/{note_id}/done", response={200: ColleagueNoteOut, 404: ErrorOut})
def mark_colleague_note_done(
    request: HttpRequest, note_id: Annotated[RowId, Path()]
) -> ColleagueNote:
    """Mark a note left for the caller done (again: no change); 404 for another's note."""
    agent = request_agent(request)
    note = access_colleague_note(agent=agent, note_id=note_id)
    return colleague_note_done(note=note, agent=agent)


# The team's codes are settings: leads and admins write them, at /api/v1/log-codes.
log_code_router = Router(tags=["log codes", "settings"], auth=LeadToken())

CodeKey = Annotated[str, Path(min_length=1, max_length=30, description="The code's id or word.")]


class LogCodeIn(InputSchema):
    """A code: the word typed in the log line, the words it stands for, and the minutes after
    which its promise falls due (null: no promise)."""

    word: str = Field(..., min_length=1, max_length=30, examples=["cb"])
    text: str = Field(..., min_length=1, max_length=200, examples=["call back"])
    follow_up_minutes: int | None = Field(None, ge=1, le=FOLLOW_UP_MINUTES_MAX, examples=[120])


class LogCodePatchIn(InputSchema):
    """What to change in a code; fields left out stay as they are."""

    word: str | None = Field(None, min_length=1, max_length=30)
    text: str | None = Field(None, min_length=1, max_length=200)
    follow_up_minutes: int | None = Field(None, ge=1, le=FOLLOW_UP_MINUTES_MAX)


class LogCodeOut(Schema):
    id: int
    word: str
    text: str
    follow_up_minutes: int | None


@log_code_router.get("", response=list[LogCodeOut])
def list_log_codes(request: HttpRequest) -> QuerySet[LogCode]:
    """The team's codes, by word."""
    return log_codes_for_settings()


@log_code_router.post("", response={201: LogCodeOut, 400: ErrorOut})
def create_log_code(request: HttpRequest, payload: LogCodeIn) -> Answer[LogCode]:
    """Add a code; 400 when the word is taken or the log line reads it otherwise (a time word,
    a number)."""
    code = log_code_create(actor=request_agent(request), **payload.model_dump())
    return Answer(201, code)


@log_code_router.get("/{key}", response={200: LogCodeOut, 404: ErrorOut})
def get_log_code(request: HttpRequest, key: CodeKey) -> LogCode:
    """One code, by id or word."""
    return access_log_code(key=key)


@log_code_router.patch("/{key}", response={200: LogCodeOut, 400: ErrorOut, 404: ErrorOut})
def update_log_code(request: HttpRequest, key: CodeKey, payload: LogCodePatchIn) -> LogCode:
    """Change the fields given, by id or word; `follow_up_minutes: null` ends the promise."""
    code = access_log_code(key=key)
    current = {"word": code.word, "text": code.text, "follow_up_minutes": code.follow_up_minutes}
    values = current | payload.model_dump(exclude_unset=True)
    return log_code_update(actor=request_agent(request), code=code, **values)


@log_code_router.delete("/{key}", response={204: None, 404: ErrorOut})
def delete_log_code(request: HttpRequest, key: CodeKey) -> HttpResponse:
    """Remove a code, by id or word."""
    log_code_delete(actor=request_agent(request), code=access_log_code(key=key))
    return HttpResponse(status=204)
