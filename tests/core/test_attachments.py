import pytest

from frontdesk.core.attachments import attachment_name_clean, recording_type_sniff
from frontdesk.core.constants import SNIFF_BYTES
from frontdesk.core.errors import UnsupportedType
from frontdesk.demo.audio import tone_wav


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


@pytest.mark.parametrize(
    ("head", "audio_type"),
    [
        (tone_wav(seconds=0.1)[:SNIFF_BYTES], "audio/wav"),
        (b"ID3\x04\x00\x00" + bytes(100), "audio/mpeg"),
        (b"OggS\x00\x02" + bytes(100), "audio/ogg"),
        (b"fLaC" + bytes(100), "audio/flac"),
        (b"\x00\x00\x00\x20ftypM4A " + bytes(100), "audio/mp4"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + bytes(100), "audio/webm"),
    ],
)
def test_a_recordings_type_is_read_from_its_first_bytes(head: bytes, audio_type: str) -> None:
    assert recording_type_sniff(head) == audio_type


@pytest.mark.parametrize(
    "head",
    [b"%PDF-1.7\n" + bytes(100), b"\x89PNG\r\n\x1a\n" + bytes(100), b"<html>" + bytes(100), b""],
)
def test_what_is_no_audio_is_refused_whatever_it_is_called(head: bytes) -> None:
    with pytest.raises(UnsupportedType):
        recording_type_sniff(head)
