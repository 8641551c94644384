"""What every API operation shares: ids the database can hold and pages of bounded size."""

from __future__ import annotations

from typing import Annotated

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from frontdesk.config.constants import DATABASE_INTEGER_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX

# An id a client sends: a row's id is never below 1 nor beyond what the database holds, so
# anything else is refused with 422 before a query could crash on it.
RowId = Annotated[int, Field(ge=1, le=DATABASE_INTEGER_MAX)]


class Page(LimitOffsetPagination):
    """`limit` and `offset` paging, both bounded (ninja's own leave them unbounded)."""

    class Input(Schema):
        limit: int = Field(PAGE_SIZE_DEFAULT, ge=1, le=PAGE_SIZE_MAX)
        offset: int = Field(0, ge=0, le=DATABASE_INTEGER_MAX)
