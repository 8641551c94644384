from datetime import datetime
from typing import Literal

from ninja import Field, Schema
from pydantic import EmailStr, StrictBool, model_validator

from frontdesk.core.schemas import InputSchema, RowId
from frontdesk.customers.choices import FieldTarget
from frontdesk.customers.schemas import CustomValue, custom_described
from frontdesk.engine.tone import UPSET_TONE
from frontdesk.tickets.constants import VIEW_NAME_LENGTH, VIEW_QUERY_LENGTH
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.wording import reason_texts_english

ChannelName = Literal["email", "web", "phone", "visit", "chat"]
StatusName = Literal["new", "open", "waiting", "on_hold", "solved", "closed"]


class CustomerRef(Schema):
    id: int
    name: str
    email: str = Field(..., alias="primary_email")


class AgentRef(Schema):
    id: int
    username: str
    name: str = Field(..., alias="display_name")


class TicketOut(Schema):
    id: int
    reference: str
    status: StatusName
    customer: CustomerRef
    channel: ChannelName
    subject: str
    language: str
    level: int
    quick_win: bool
    effort_minutes: int | None
    tone: float | None
    reasons: list[str]
    red_flags: list[str]
    tags: list[str]
    custom: dict[str, CustomValue] = Field(
        ..., json_schema_extra=custom_described(FieldTarget.TICKET, sending=False)
    )
    assignee: AgentRef | None
    created_at: datetime
    updated_at: datetime
    first_response_due: datetime | None
    resolution_due: datetime | None
    first_responded_at: datetime | None
    solved_at: datetime | None
    closed_at: datetime | None

    @staticmethod
    def resolve_reasons(ticket: Ticket) -> list[str]:
        return reason_texts_english(ticket.reasons)


class CustomerIn(InputSchema):
    id: RowId | None = None
    name: str = Field("", max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(None, max_length=40)


class TicketCreateIn(InputSchema):
    customer: CustomerIn
    channel: ChannelName
    subject: str = Field(..., min_length=1, max_length=250)
    body: str = Field(..., min_length=1, max_length=100_000)
    language: str | None = Field(None, max_length=8)


class ConversationIn(InputSchema):
    kind: Literal["email", "call"] = Field(
        ..., description="`email`: mailed to the customer; `call`: a call the agent had"
    )
    subject: str = Field(..., min_length=1, max_length=250)
    body: str = Field(
        ..., min_length=1, max_length=100_000, description="the mail or the call's notes"
    )
    to: str | None = Field(
        None,
        max_length=254,
        description="email: one of the customer's addresses; the primary if absent",
    )
    language: str | None = Field(
        None,
        max_length=8,
        description="email: the language of the conversation; the customer's if absent",
    )
    direction: Literal["in", "out"] = Field(
        "out", description="call: `in` when the customer called, `out` when the agent did"
    )
    keep_open: StrictBool = Field(
        False, description="call: leave it open, the agent's, instead of solved"
    )


class TicketUpdateIn(InputSchema):
    subject: str | None = Field(None, min_length=1, max_length=250)
    status: StatusName | None = None
    level: int | None = Field(None, ge=1, le=4)
    # Strict: pydantic would also take 0, 1, "yes" or "off" for a JSON boolean.
    quick_win: StrictBool | None = None
    assignee: str | None = Field(None, description="username; null to unassign")
    tags: list[str] | None = Field(
        None,
        description="the ticket's tags, all of them: trimmed and lower-cased, each once",
    )
    custom: dict[str, CustomValue] | None = Field(
        None, json_schema_extra=custom_described(FieldTarget.TICKET, sending=True)
    )


class TicketFilterIn(InputSchema):
    status: Literal["", StatusName] = Field(
        "", description="a status, or `open` for every open status"
    )
    # Eighteen digits at most: every such id fits the database, so the pattern is the whole rule.
    assignee: str = Field(
        "", description="`me`, `none` or an agent id", pattern=r"^(|me|none|[0-9]{1,18})$"
    )
    level: int | None = Field(None, ge=1, le=4)
    channel: Literal["", ChannelName] = ""
    customer_id: RowId | None = None
    q: str = ""
    tag: str = Field("", description="only tickets with this tag", max_length=200)
    view: str = Field(
        "",
        description="a saved view's id, or `mine` or `unassigned`: its filters replace the others",
        pattern=r"^(|mine|unassigned|[0-9]{1,18})$",
    )


class AttachmentOut(Schema):
    id: int
    name: str
    size: int
    content_type: str


class MessageOut(Schema):
    id: int
    direction: Literal["in", "out", "note"]
    channel: ChannelName
    subject: str
    text: str
    html: str | None
    author: str = Field(..., alias="author_name")
    attachments: list[AttachmentOut]
    flags: list[str]
    from_address: str = Field(..., description="the address an e-mail came from")
    message_id: str
    created_at: datetime
    delivered_at: datetime | None
    delivery_error: str

    @staticmethod
    def resolve_html(message: Message) -> str | None:
        return message.html or None


class MessageIn(InputSchema):
    kind: Literal["reply", "note"] = "reply"
    text: str = Field(..., min_length=1, max_length=100_000)
    status: StatusName | None = Field(None, description="status after a reply (default waiting)")
    seen_message_id: RowId | None = Field(
        None,
        description=(
            "a reply: the newest message the sender saw; when the customer or an agent wrote "
            "since, nothing is sent and the answer is 409"
        ),
    )
    send_anyway: bool = Field(
        False,
        description=(
            "a reply: send it even when the tone check finds it reads badly; without it such a "
            "reply is not sent and the answer is 400 with the `warnings`"
        ),
    )


class ToneWarningOut(Schema):
    code: Literal["shouting", "blame", "condescension", "dismissive", "sarcasm", "threat", "casual"]
    excerpt: str = Field(..., description="the words as written")
    start: int = Field(..., description="where the words start in the text (0-based)")
    end: int = Field(..., description="where they end: `text[start:end] == excerpt`")
    message: str = Field(..., description="why it reads badly, in the agent's language")
    alternative: str = Field(..., description="a kinder way to say it")


class ReplyCheckIn(InputSchema):
    text: str = Field(..., min_length=1, max_length=100_000)
    language: str | None = Field(
        None,
        max_length=16,
        description=(
            "the reply's language (ISO 639-1, a region is ignored): its phrases and English's "
            "are read; left out, or a language without phrases of its own, reads every "
            "language's (with `ticket_id`, left out means the ticket's language)"
        ),
    )
    ticket_id: RowId | None = Field(
        None,
        description=(
            "the ticket the reply answers (one the token may see, else 404): its level and tone "
            "decide whether casual words are flagged; not together with `level` or `tone`"
        ),
    )
    level: int | None = Field(
        None, ge=1, le=4, description="the ticket's level: 1 makes casual words a warning"
    )
    tone: float | None = Field(
        None,
        ge=-1,
        le=1,
        description=(
            "the customer's tone as triage reads it (-1 angry … 1 pleased): "
            f"{UPSET_TONE} or lower (angry) makes casual words a warning"
        ),
    )

    @model_validator(mode="after")
    def a_ticket_or_its_context(self) -> "ReplyCheckIn":
        if self.ticket_id is not None and (self.level is not None or self.tone is not None):
            raise ValueError("Give either ticket_id or level/tone, not both.")
        return self


class ReplyCheckOut(Schema):
    warnings: list[ToneWarningOut]
    formal: bool = Field(
        ...,
        description=(
            f"whether the customer calls for a formal reply (level 1, or a tone of {UPSET_TONE} "
            "or lower: angry), so casual words were flagged"
        ),
    )


class TeamRef(Schema):
    id: int
    name: str


class TicketViewOut(Schema):
    id: int
    name: str
    query: str = Field(..., description="the ticket list's filters, as its query string")
    team: TeamRef | None = Field(..., description="the team that sees it; null for the owner's own")
    owner: AgentRef
    position: int
    count: int = Field(..., description="tickets in the view now (a few seconds late at most)")


class TicketViewIn(InputSchema):
    name: str = Field(..., min_length=1, max_length=VIEW_NAME_LENGTH)
    query: str = Field(
        "",
        max_length=VIEW_QUERY_LENGTH,
        description="filters as the list's query string, e.g. `status=open&tag=vat`; "
        "empty for the list's default (open tickets)",
    )
    team_id: RowId | None = Field(None, description="a lead's view for this team's members")


class TicketViewPatchIn(InputSchema):
    name: str | None = Field(None, min_length=1, max_length=VIEW_NAME_LENGTH)
    position: int | None = Field(None, ge=0, le=10_000, description="its place in its list")


DeskTextName = Literal["acknowledgement", "portal_intro", "kiosk_welcome"]


class DeskTextOut(Schema):
    """One desk text in one language, as customers read it now: `saved` when a lead wrote
    `text`, otherwise the built-in words (`default`)."""

    key: DeskTextName
    language: str
    text: str
    default: str
    saved: bool


class DeskTextIn(InputSchema):
    """A lead's words for a desk text; "" brings back the built-in words."""

    text: str = Field(..., max_length=2000)


class TicketsBulkIn(InputSchema):
    ids: list[RowId] = Field(..., min_length=1, max_length=500)
    action: Literal["assign", "status", "tag_add", "tag_remove", "merge"]
    value: str | None = Field(
        None,
        max_length=200,
        description="assign: a username, `me`, or null for nobody; status: a status; "
        "tag_add, tag_remove: the tag; merge: the id of the ticket to keep, or null for the "
        "oldest open",
    )


class BulkResultOut(Schema):
    id: int = Field(..., alias="ticket_id")
    reference: str
    ok: bool
    code: str = Field(
        ...,
        description="done, unchanged, kept, merged; or why skipped: not_found, closed, solved, "
        "refused",
    )
    detail: str


class TicketsBulkOut(Schema):
    results: list[BulkResultOut]
