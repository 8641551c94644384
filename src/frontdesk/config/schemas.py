"""What every API operation shares: inputs that are JSON objects, ids the database can hold and
pages of bounded size."""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Field
from ninja.pagination import LimitOffsetPagination
from pydantic import BaseModel, model_validator
from pydantic_core import PydanticCustomError

from frontdesk.config.constants import DATABASE_INTEGER_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX

# An id a client sends: a row's id is never below 1 nor beyond what the database holds, so
# anything else is refused with 422 before a query could crash on it.
RowId = Annotated[int, Field(ge=1, le=DATABASE_INTEGER_MAX)]


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


class Page(LimitOffsetPagination):
    """`limit` and `offset` paging, both bounded (ninja's own leave them unbounded)."""

    class Input(InputSchema):
        limit: int = Field(PAGE_SIZE_DEFAULT, ge=1, le=PAGE_SIZE_MAX)
        offset: int = Field(0, ge=0, le=DATABASE_INTEGER_MAX)
