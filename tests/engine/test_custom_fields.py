import pytest

from frontdesk.engine.custom_fields import (
    CHOICE,
    DATE,
    NOT_CHOICE,
    NOT_DATE,
    NOT_NUMBER,
    NOT_TEXT,
    NUMBER,
    REQUIRED,
    TEXT,
    TEXT_LENGTH,
    TOO_LARGE,
    TOO_LONG,
    FieldRule,
    FieldValueError,
    value_clean,
    value_convert,
)

SIZES = FieldRule(CHOICE, ("small", "large"))


@pytest.mark.parametrize(
    ("rule", "raw", "kept"),
    [
        (FieldRule(TEXT), "  Contract 7 ", "Contract 7"),
        (FieldRule(TEXT), "", None),
        (FieldRule(TEXT), None, None),
        (FieldRule(NUMBER), "12", 12),
        (FieldRule(NUMBER), "1 200,5", 1200.5),
        (FieldRule(NUMBER), "-0.25", -0.25),
        (FieldRule(NUMBER), 7, 7),
        (FieldRule(NUMBER), 2.0, 2),
        (FieldRule(NUMBER), "   ", None),
        (FieldRule(DATE), "2026-12-02", "2026-12-02"),
        (FieldRule(DATE), " 2026-01-31 ", "2026-01-31"),
        (SIZES, "large", "large"),
        (SIZES, " small ", "small"),
    ],
)
def test_a_value_that_fits_is_kept_as_json_holds_it(
    rule: FieldRule, raw: object, kept: object
) -> None:
    assert value_clean(rule, raw) == kept


@pytest.mark.parametrize(
    ("rule", "raw", "code"),
    [
        (FieldRule(TEXT), 5, NOT_TEXT),
        (FieldRule(TEXT), "x" * (TEXT_LENGTH + 1), TOO_LONG),
        (FieldRule(NUMBER), "twelve", NOT_NUMBER),
        (FieldRule(NUMBER), "1,2,3", NOT_NUMBER),
        (FieldRule(NUMBER), True, NOT_NUMBER),
        (FieldRule(NUMBER), "NaN", NOT_NUMBER),
        (FieldRule(NUMBER), "Infinity", NOT_NUMBER),
        (FieldRule(NUMBER), "1e20", TOO_LARGE),
        (FieldRule(NUMBER), [1], NOT_NUMBER),
        (FieldRule(DATE), "02.12.2026", NOT_DATE),
        (FieldRule(DATE), "2026-02-30", NOT_DATE),
        (FieldRule(DATE), 20261202, NOT_DATE),
        (SIZES, "Large", NOT_CHOICE),
        (SIZES, 1, NOT_TEXT),
        (FieldRule(TEXT, required=True), " ", REQUIRED),
        (FieldRule(NUMBER, required=True), None, REQUIRED),
    ],
)
def test_a_value_that_does_not_fit_says_why_by_code(
    rule: FieldRule, raw: object, code: str
) -> None:
    with pytest.raises(FieldValueError) as raised:
        value_clean(rule, raw)
    assert raised.value.code == code


@pytest.mark.parametrize(
    ("rule", "stored", "read"),
    [
        (FieldRule(NUMBER), "42", 42),
        (FieldRule(NUMBER), "about forty", None),
        (FieldRule(TEXT), 42, "42"),
        (FieldRule(TEXT), 1.5, "1.5"),
        (FieldRule(DATE), "2026-12-02", "2026-12-02"),
        (FieldRule(DATE), "soon", None),
        (SIZES, "large", "large"),
        (SIZES, "medium", None),
        (FieldRule(TEXT, required=True), "", None),
    ],
)
def test_a_kept_value_is_read_under_a_new_kind_or_dropped(
    rule: FieldRule, stored: object, read: object
) -> None:
    assert value_convert(rule, stored) == read
