"""Macros over the API: as the issue names them, `title` is the macro's name and `body` its text."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema
from pydantic import StrictBool, field_validator
from pydantic_core import PydanticCustomError

from frontdesk.core.schemas import InputSchema, RowId

StatusName = Literal["", "new", "open", "waiting", "on_hold", "solved", "closed"]


def _refuse_null(cls: type, value: object) -> object:
    # In a PATCH, None is how a field left out reads; a field that holds no null (a name, a
    # list, a flag) refuses a null sent, rather than failing as it is stored.
    if value is None:
        raise PydanticCustomError("not_null", "Leave the field out to keep it; null is no value")
    return value


class MacroIn(InputSchema):
    """A new macro; `code` is typed in a reply as /code, once per language ("" is any)."""

    code: str = Field(..., min_length=1, max_length=31, examples=["refund"])
    title: str = Field("", max_length=100, examples=["Refund on its way"])
    body: str = Field("", max_length=10_000, examples=["Hello {customer.first_name}, …"])
    language: str = Field("", max_length=8, examples=["en"])
    set_status: StatusName = ""
    set_level: int | None = Field(None, ge=1, le=4)
    add_tags: list[str] = Field(default_factory=list, max_length=20)
    set_assignee_id: RowId | None = None
    suggest_for: list[str] = Field(default_factory=list, max_length=20)
    questions: list[str] = Field(
        default_factory=list,
        max_length=50,
        description="Questions this macro answers, in any language: a new contact asking the "
        "same is a quick win and is offered this macro.",
        examples=[["Do you deliver to Tartu?"]],
    )
    active: StrictBool = True


class MacroPatchIn(InputSchema):
    """What to change in a macro; fields left out stay as they are."""

    code: str | None = Field(None, min_length=1, max_length=31)
    title: str | None = Field(None, max_length=100)
    body: str | None = Field(None, max_length=10_000)
    language: str | None = Field(None, max_length=8)
    set_status: StatusName | None = None
    set_level: int | None = Field(None, ge=1, le=4)
    add_tags: list[str] | None = Field(None, max_length=20)
    set_assignee_id: RowId | None = None
    suggest_for: list[str] | None = Field(None, max_length=20)
    questions: list[str] | None = Field(None, max_length=50)
    active: StrictBool | None = None

    # set_level and set_assignee_id take null: "set none".
    _not_null = field_validator(
        "code",
        "title",
        "body",
        "language",
        "set_status",
        "add_tags",
        "suggest_for",
        "questions",
        "active",
        mode="before",
    )(_refuse_null)


class MacroFilterIn(Schema):
    language: str | None = Field(None, max_length=8, description='One language; "" for any.')
    q: str = Field("", max_length=100, description="Words in the code, title or body.")


class MacroOut(Schema):
    id: int
    code: str
    title: str = Field(..., alias="name")
    body: str = Field(..., alias="text")
    language: str
    set_status: str
    set_level: int | None
    add_tags: list[str]
    set_assignee_id: int | None
    suggest_for: list[str]
    questions: list[str]
    active: bool

    @staticmethod
    def resolve_questions(macro: object) -> list[str]:
        return str(getattr(macro, "questions", "") or "").splitlines()


class MacroSetIn(InputSchema):
    """A new answer set: macro codes in the order the picker offers them first on tickets of
    `levels` (2: new customers)."""

    name: str = Field(..., min_length=1, max_length=100, examples=["Onboarding"])
    description: str = Field("", max_length=2_000)
    levels: list[int] = Field(default_factory=list, max_length=4, examples=[[2]])
    codes: list[str] = Field(
        default_factory=list, max_length=50, examples=[["first-steps", "guide"]]
    )
    position: int = Field(0, ge=0, le=999)
    active: StrictBool = True


class MacroSetPatchIn(InputSchema):
    """What to change in an answer set; fields left out stay as they are."""

    name: str | None = Field(None, min_length=1, max_length=100)
    description: str | None = Field(None, max_length=2_000)
    levels: list[int] | None = Field(None, max_length=4)
    codes: list[str] | None = Field(None, max_length=50)
    position: int | None = Field(None, ge=0, le=999)
    active: StrictBool | None = None

    _not_null = field_validator("*", mode="before")(_refuse_null)


class MacroSetOut(Schema):
    id: int
    name: str
    description: str
    levels: list[int]
    codes: list[str]
    position: int
    active: bool
