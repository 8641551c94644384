"""Pages of long lists that cost the same on the first page and the thousandth.

Counting every matching row on every page grows with the table, so a count is exact only up to
COUNT_EXACT_UP_TO rows (a bounded query answers that); past it, it is the database's own
estimate: PostgreSQL's planner's row estimate for the same query, or on SQLite (whose
statistics say nothing of a filtered list) an exact count kept COUNT_KEPT_SECONDS. Either is
rounded and marked as an estimate ("about 98,000").

An offset deep in a list still makes the database walk every row before it; a cursor ("after
this row") does not: it holds the sort key of the last row read, and the next page starts
after it through the list's own index. The list's order must end in its primary key, so that
the key is unique and no row is skipped or read twice however many rows come and go between
pages.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from frontdesk.core.constants import DATABASE_INTEGER_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX
from frontdesk.core.errors import Invalid

# Up to this many rows a list's count is exact; past it, an estimate.
COUNT_EXACT_UP_TO = 10_000
# How long SQLite's exact count of a long list is kept and shown as an estimate.
COUNT_KEPT_SECONDS = 60
# An estimate keeps this many significant digits (98,437 → 98,000).
ESTIMATE_DIGITS = 2
# A cursor longer than this was not made by us.
CURSOR_LENGTH = 500


@dataclass(frozen=True)
class Count:
    """How many rows a list holds, and whether that is an estimate."""

    value: int
    estimate: bool


def _rounded(value: int) -> int:
    places = len(str(value)) - ESTIMATE_DIGITS
    return round(value, -places) if places > 0 else value


def count_estimated(rows: QuerySet[Any]) -> Count:
    """How many `rows` there are: exact up to COUNT_EXACT_UP_TO, else an estimate, rounded."""
    rows = rows.order_by()
    bounded = rows.values("pk")[: COUNT_EXACT_UP_TO + 1].count()
    if bounded <= COUNT_EXACT_UP_TO:
        return Count(bounded, estimate=False)
    sql, params = rows.values("pk").query.sql_with_params()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        planned = int(plan[0]["Plan"]["Plan Rows"])
        # The planner may guess fewer than the rows just counted; those are there for sure.
        return Count(_rounded(max(planned, bounded)), estimate=True)
    key = "frontdesk:count:" + hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    kept = cache.get(key)
    if kept is None:
        kept = rows.count()
        cache.set(key, kept, COUNT_KEPT_SECONDS)
    return Count(_rounded(int(kept)), estimate=True)


class EstimatingPaginator(Paginator):
    """Django's paginator for pages of the desk, counting as `count_estimated` does."""

    @cached_property
    def counted(self) -> Count:
        """The count and whether it is an estimate."""
        if isinstance(self.object_list, QuerySet):
            return count_estimated(self.object_list)
        return Count(len(self.object_list), estimate=False)

    @cached_property
    def count(self) -> int:
        """How many rows (an estimate past COUNT_EXACT_UP_TO)."""
        return self.counted.value

    @property
    def count_is_estimate(self) -> bool:
        """Whether `count` is an estimate."""
        return self.counted.estimate


def _order_fields(rows: QuerySet[Any]) -> list[tuple[str, bool]]:
    """The list's order as (field or annotation, descending) pairs, ending in the primary key."""
    order = [
        (name.removeprefix("-"), name.startswith("-"))
        for name in rows.query.order_by
        if isinstance(name, str)
    ]
    if len(order) != len(rows.query.order_by) or not order or order[-1][0] not in ("id", "pk"):
        raise TypeError("A keyset page needs a list ordered by names, ending in the id.")
    return order


def _value_read(model: type[Model], name: str, raw: Any) -> Any:
    # A model field reads its value back from the JSON it was written to; an annotation (the
    # search rank) is a number already. What no row of ours holds (a null, a NUL, a moment
    # without its zone or past the calendar's ends) is refused here: the database would fail
    # on it, or `filter` refuse it, with a 500.
    if raw is None or (isinstance(raw, str) and "\x00" in raw):
        raise Invalid("This cursor does not fit the list.")
    try:
        field = model._meta.pk if name == "pk" else model._meta.get_field(name)
    except FieldDoesNotExist:
        try:
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                raise ValueError(raw)
            number = float(raw)
            if not math.isfinite(number):
                raise ValueError(raw)
        except (ValueError, OverflowError):
            raise Invalid("This cursor does not fit the list.") from None
        return number
    try:
        value = field.to_python(raw)  # type: ignore[union-attr]
        if isinstance(value, datetime):
            if timezone.is_naive(value):
                raise ValueError(raw)
            value = value.astimezone(UTC)
    except (ValidationError, TypeError, ValueError, OverflowError):
        raise Invalid("This cursor does not fit the list.") from None
    return value


class _CursorEncoder(DjangoJSONEncoder):
    # Django's encoder cuts a moment to milliseconds: two rows a few microseconds apart would
    # then share a cursor, and one of them be skipped.
    def default(self, o: Any) -> Any:
        if isinstance(o, datetime):
            return o.isoformat()
        return super().default(o)


def cursor_of(row: Model, order: list[tuple[str, bool]]) -> str:
    """The cursor that names the place just after `row` in a list of this order."""
    values = [getattr(row, name) for name, _descending in order]
    text = json.dumps(values, cls=_CursorEncoder, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def rows_after(rows: QuerySet[Any], cursor: str) -> QuerySet[Any]:
    """The rows of an ordered list that come after the cursor's place; Invalid for a cursor
    that was not made for a list of this order."""
    order = _order_fields(rows)
    try:
        if len(cursor) > CURSOR_LENGTH:
            raise ValueError(cursor)
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        raw = json.loads(text)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise Invalid("This cursor is not one the list gave.") from None
    if not isinstance(raw, list) or len(raw) != len(order):
        raise Invalid("This cursor does not fit the list.")
    values = [
        _value_read(rows.model, name, value)
        for (name, _desc), value in zip(order, raw, strict=True)
    ]
    # (a, b, id) after (x, y, z): a past x, or a equal and b past y, or … — with a bound on
    # the first key as well, which lets the database start in its index rather than filter.
    after = Q(pk__in=[])
    same = Q()
    for (name, descending), value in zip(order, values, strict=True):
        after |= same & Q(**{f"{name}__{'lt' if descending else 'gt'}": value})
        same &= Q(**{name: value})
    first, descending = order[0]
    bound = Q(**{f"{first}__{'lte' if descending else 'gte'}": values[0]})
    return rows.filter(bound & after)


class KeysetPage(PaginationBase):
    """`limit` with `offset`, or with `after` (a cursor a page gave as `next`): deep pages cost
    what the first does. `count` is exact up to COUNT_EXACT_UP_TO, an estimate past it
    (`count_is_estimate`)."""

    class Input(Schema):
        limit: int = Field(PAGE_SIZE_DEFAULT, ge=1, le=PAGE_SIZE_MAX)
        offset: int = Field(0, ge=0, le=DATABASE_INTEGER_MAX)
        after: str = Field(
            "",
            max_length=CURSOR_LENGTH,
            description="The `next` of the page before: the page after it, whatever was "
            "added or removed in between.",
        )

    class Output(Schema):
        items: list[Any]
        count: int = Field(description="How many there are; past 10,000 an estimate.")
        count_is_estimate: bool = Field(
            description="Whether `count` is the database's estimate (past 10,000 rows)."
        )
        next: str | None = Field(
            description="A cursor for the page after this one (`after=`), null on the last."
        )

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: Any, **params: Any
    ) -> dict[str, Any]:
        """One page of the list, its count, and the cursor of the next page."""
        if not queryset.query.order_by:
            queryset = queryset.order_by("pk")
        order = _order_fields(queryset)
        rows = rows_after(queryset, pagination.after) if pagination.after else queryset
        start, limit = pagination.offset, pagination.limit
        items = list(rows[start : start + limit + 1])
        counted = count_estimated(queryset)
        more = len(items) > limit
        return {
            "items": items[:limit],
            "count": counted.value,
            "count_is_estimate": counted.estimate,
            "next": cursor_of(items[limit - 1], order) if more else None,
        }
