import pytest

from frontdesk.core.attachments import attachment_name_clean


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\invoice.pdf", "invoice.pdf"),
        (".htaccess", "htaccess"),
        ("a\x00b\x1f.txt", "ab.txt"),
        ("", "attachment"),
        ("számla 2026.pdf", "számla 2026.pdf"),
    ],
)
def test_attachment_names_cannot_name_a_path(raw: str, expected: str) -> None:
    assert attachment_name_clean(raw) == expected
