import pytest

from frontdesk.engine.text import fold


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kovács Anna", "kovacs anna"),
        ("ŐRSÉGI  Ödön", "orsegi odon"),
        ("Mägi Õnne", "magi onne"),
        ("Đurić Šejla", "đuric sejla"),
        ("שָׁלוֹם", "שלום"),
        ("Straße", "strasse"),
    ],
)
def test_fold_removes_case_and_accents(raw: str, expected: str) -> None:
    assert fold(raw) == expected
