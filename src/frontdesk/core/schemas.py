"""What every API operation shares: the error answer, inputs that are JSON objects, ids the
database can hold, pages of bounded size, and moments written in ISO 8601 with an offset."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any, get_args

from django.utils import timezone
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from frontdesk.core.constants import DATABASE_INTEGER_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX


class ValidationIssueOut(Schema):
    """One way the input does not match the schema (pydantic's error, without the input)."""

    type: str
    loc: list[str | int]
    msg: str
    ctx: dict[str, Any] | None = None


class ErrorOut(Schema):
    """Every error answer: a sentence saying why, or for 422 each mismatch with the schema."""

    detail: str | list[ValidationIssueOut]


# An id a client sends: a row's id is never below 1 nor beyond what the database holds, so
# anything else is refused with 422 before a query could crash on it.
RowId = Annotated[int, Field(ge=1, le=DATABASE_INTEGER_MAX)]


MOMENT_EXAMPLE = "2026-11-23T09:30:00+02:00"


def _iso_8601(value: object) -> datetime:
    # Pydantic alone would read a number, or digits, as seconds since 1970 (so 0 became a call
    # in 1970), and a time without an offset names a different moment for every reader.
    if not isinstance(value, str):
        raise PydanticCustomError(
            "datetime_type",
            "Input should be ISO 8601 text, e.g. {example}",
            {"example": MOMENT_EXAMPLE},
        )
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise PydanticCustomError(
            "datetime_parsing",
            "Input should be ISO 8601, e.g. {example}",
            {"example": MOMENT_EXAMPLE},
        ) from error
    if moment.utcoffset() is None:
        raise PydanticCustomError(
            "timezone_aware",
            "Input should have an offset or Z, e.g. {example}",
            {"example": MOMENT_EXAMPLE},
        )
    return moment


# A moment a client sends: ISO 8601 text with an offset (or Z), nothing else.
Moment = Annotated[datetime, BeforeValidator(_iso_8601)]


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes % (24 * 60) == 0:
        return f"{minutes // (24 * 60)} days"
    if minutes % 60 == 0:
        return f"{minutes // 60} hours"
    return f"{minutes} minutes"


def near_now(*, before: timedelta, after: timedelta) -> AfterValidator:
    """Refuse a moment more than `before` ago or `after` ahead: a clock or a unit gone wrong."""

    def check(moment: datetime) -> datetime:
        now = timezone.now()
        if not now - before <= moment <= now + after:
            raise PydanticCustomError(
                "datetime_range",
                "Input should be at most {before} ago and {after} ahead of now",
                {"before": _span(before), "after": _span(after)},
            )
        return moment

    return AfterValidator(check)


class InputSchema(BaseModel):
    """What a client sends, validated as plain pydantic: ninja's Schema reads a value's
    attributes when it is no object, so a JSON array or number sent for an object passed as
    one with every field left out."""

    @model_validator(mode="before")
    @classmethod
    def an_object(cls, data: Any) -> Any:
        if not isinstance(data, dict | BaseModel):
            raise PydanticCustomError("model_type", "Input should be a JSON object")
        return data

    @field_validator("*", mode="before")
    @classmethod
    def numbers_and_flags_apart(cls, value: Any, info: ValidationInfo) -> Any:
        """JSON's true and false are no numbers, and numbers are no true or false: pydantic
        would read `false` as 0 for a number and `1` as true for a flag, so a client's slip (or
        a fuzzer's probe) would pass as a value the client never meant."""
        field = cls.model_fields.get(info.field_name or "")
        if field is None:
            return value
        kinds = set(get_args(field.annotation) or (field.annotation,))
        if isinstance(value, bool) and bool not in kinds and kinds & {int, float}:
            raise PydanticCustomError("int_type", "Input should be a number, not true or false")
        if (
            bool in kinds
            and not isinstance(value, bool)
            and isinstance(value, int | float)
            and not kinds & {int, float}
        ):
            raise PydanticCustomError("bool_type", "Input should be a valid boolean")
        return value


class Page(LimitOffsetPagination):
    """`limit` and `offset` paging, both bounded (ninja's own leave them unbounded)."""

    class Input(InputSchema):
        limit: int = Field(PAGE_SIZE_DEFAULT, ge=1, le=PAGE_SIZE_MAX)
        offset: int = Field(0, ge=0, le=DATABASE_INTEGER_MAX)
