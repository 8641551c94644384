"""Custom fields' values: what a value of each kind may be, and how one typed or sent is read.

A lead defines a field (text, number, choice or date); agents and integrations fill it. A value is
kept as JSON can hold it and the databases can compare it: text and a choice as a string, a number
as a JSON number, a date as an ISO 8601 string ("2026-12-02"), which sorts as the date does. A
value that does not fit raises `FieldValueError` with a stable `code`, worded by the caller.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

TEXT = "text"
NUMBER = "number"
CHOICE = "choice"
DATE = "date"
KINDS = (TEXT, NUMBER, CHOICE, DATE)

TEXT_LENGTH = 500
NUMBER_LIMIT = 10**15  # beyond it a float no longer holds every whole number

# Error codes.
NOT_TEXT = "not_text"
TOO_LONG = "too_long"
NOT_NUMBER = "not_number"
TOO_LARGE = "too_large"
NOT_DATE = "not_date"
NOT_CHOICE = "not_choice"
REQUIRED = "required"

Value = str | int | float


class FieldValueError(ValueError):
    """A value that does not fit its field; `code` says why, for the caller to word."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class FieldRule:
    """What a field accepts: its kind, its choices (for a choice) and whether it must be set."""

    kind: str
    choices: tuple[str, ...] = ()
    required: bool = False


def _number(raw: object) -> int | float:
    if isinstance(raw, bool):
        raise FieldValueError(NOT_NUMBER)
    if isinstance(raw, int | float):
        number = Decimal(str(raw))
    elif isinstance(raw, str):
        # People type "1 200,5" or "1,5" as often as "1200.5".
        typed = "".join(raw.split()).replace("\u00a0", "")
        if typed.count(",") == 1 and "." not in typed:
            typed = typed.replace(",", ".")
        try:
            number = Decimal(typed)
        except InvalidOperation as error:
            raise FieldValueError(NOT_NUMBER) from error
    else:
        raise FieldValueError(NOT_NUMBER)
    if not number.is_finite():
        raise FieldValueError(NOT_NUMBER)
    if abs(number) >= NUMBER_LIMIT:
        raise FieldValueError(TOO_LARGE)
    if number == number.to_integral_value():
        return int(number)
    value = float(number)
    if not math.isfinite(value):
        raise FieldValueError(NOT_NUMBER)
    return value


def _date(raw: object) -> str:
    if not isinstance(raw, str):
        raise FieldValueError(NOT_DATE)
    try:
        return date.fromisoformat(raw.strip()).isoformat()
    except ValueError as error:
        raise FieldValueError(NOT_DATE) from error


def value_clean(rule: FieldRule, raw: object) -> Value | None:
    """The value as it is kept, or None when `raw` is empty (None or blank); FieldValueError when
    it does not fit the rule (a required field left empty included)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if rule.required:
            raise FieldValueError(REQUIRED)
        return None
    if rule.kind == NUMBER:
        return _number(raw)
    if rule.kind == DATE:
        return _date(raw)
    if not isinstance(raw, str):
        raise FieldValueError(NOT_TEXT)
    text = " ".join(raw.split()) if rule.kind == CHOICE else raw.strip()
    if rule.kind == CHOICE:
        if text not in rule.choices:
            raise FieldValueError(NOT_CHOICE)
        return text
    if len(text) > TEXT_LENGTH:
        raise FieldValueError(TOO_LONG)
    return text


def value_convert(rule: FieldRule, stored: object) -> Value | None:
    """A value kept under an earlier definition, read under `rule` (a field's new kind or
    choices); None when it does not fit and would be dropped. A required field's emptiness is
    no reason to drop anything here."""
    raw = str(stored) if rule.kind != NUMBER and isinstance(stored, int | float) else stored
    try:
        return value_clean(FieldRule(rule.kind, rule.choices), raw)
    except FieldValueError:
        return None
