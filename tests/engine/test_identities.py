import pytest

from frontdesk.engine.identities import IdentityError, normalise_email, normalise_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Anna.Kovacs@Example.HU", "anna.kovacs@example.hu"),
        ("  eli@example.co.il ", "eli@example.co.il"),
        ("mari+desk@posti.ee", "mari+desk@posti.ee"),
    ],
)
def test_email_is_normalised(raw: str, expected: str) -> None:
    assert normalise_email(raw).value == expected


@pytest.mark.parametrize(
    "raw", ["", "no-at-sign", "two@@example.com", "space in@example.com", "a@b"]
)
def test_email_rejects_non_addresses(raw: str) -> None:
    with pytest.raises(IdentityError):
        normalise_email(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+372 5123 4567", "+37251234567"),
        ("00387 61 234-567", "+38761234567"),
        ("(06) 30 123 4567", "06301234567"),
        ("+972-52-123-4567", "+972521234567"),
    ],
)
def test_phone_is_normalised(raw: str, expected: str) -> None:
    assert normalise_phone(raw).value == expected


@pytest.mark.parametrize("raw", ["", "call me", "12", "+1234567890123456", "+37 2a"])
def test_phone_rejects_non_numbers(raw: str) -> None:
    with pytest.raises(IdentityError):
        normalise_phone(raw)
