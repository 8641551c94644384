import io

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from frontdesk.core.http import file_response_ranged

CONTENT = bytes(range(256)) * 4  # 1,024 bytes


def answer(range_header: str | None) -> tuple[int, str | None, bytes]:
    headers = {"Range": range_header} if range_header is not None else {}
    request = RequestFactory().get("/audio", headers=headers)
    response = file_response_ranged(
        request, io.BytesIO(CONTENT), size=len(CONTENT), content_type="audio/wav"
    )
    assert isinstance(response, HttpResponse | StreamingHttpResponse)
    body = response.getvalue()
    return response.status_code, response.get("Content-Range"), body


@pytest.mark.parametrize(
    ("header", "status", "content_range", "body"),
    [
        (None, 200, None, CONTENT),
        ("bytes=0-99", 206, "bytes 0-99/1024", CONTENT[:100]),
        ("bytes=1000-", 206, "bytes 1000-1023/1024", CONTENT[1000:]),
        ("bytes=-24", 206, "bytes 1000-1023/1024", CONTENT[-24:]),
        ("bytes=1000-5000", 206, "bytes 1000-1023/1024", CONTENT[1000:]),
        ("bytes=-5000", 206, "bytes 0-1023/1024", CONTENT),
        ("bytes=1024-", 416, "bytes */1024", b""),
        ("bytes=-0", 416, "bytes */1024", b""),
        # Several ranges, other units, nonsense and a backwards range: the whole file.
        ("bytes=0-1,5-6", 200, None, CONTENT),
        ("items=0-1", 200, None, CONTENT),
        ("bytes=-", 200, None, CONTENT),
        ("bytes=9-3", 200, None, CONTENT),
    ],
)
def test_a_range_request_gets_that_part_of_the_file(
    header: str | None, status: int, content_range: str | None, body: bytes
) -> None:
    assert answer(header) == (status, content_range, body)
