"""Request types and answers shared by the apps' views."""

import re
from collections.abc import Iterator
from typing import IO, Any

from django.core.paginator import Page, Paginator
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails

from frontdesk.core.constants import DATABASE_INTEGER_MAX
from frontdesk.core.pagination import EstimatingPaginator


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware (`request.htmx` is truthy for htmx)."""

    htmx: HtmxDetails


def whole_number(raw: str) -> int | None:
    """The whole number a form or query field holds, or None when it holds none: digits only
    (`"²".isdigit()` is true, yet `int("²")` fails) and no more than the database holds."""
    raw = raw.strip()
    if not raw.isdecimal():
        return None
    number = int(raw)
    return number if number <= DATABASE_INTEGER_MAX else None


def safe_next(request: HttpRequest) -> str | None:
    """The page a form's `next` field asks to go back to, when it is on this site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return None


def page_of(
    request: HttpRequest, items: Any, size: int, *, estimate: bool = False
) -> tuple[Page[Any], str]:
    """The page of `items` the request asks for (`?page=`), and the request's other query
    parameters, encoded, for the pagination's links; with `estimate`, a long list is counted
    as pagination.count_estimated does (`page.paginator.count_is_estimate`)."""
    paginator = EstimatingPaginator(items, size) if estimate else Paginator(items, size)
    page = paginator.get_page(request.GET.get("page"))
    others = request.GET.copy()
    others.pop("page", None)
    return page, others.urlencode()


# One byte range, as browsers ask for the part of an audio file they seek to (RFC 9110 14.1.2):
# "bytes=FIRST-LAST", "bytes=FIRST-" or "bytes=-SUFFIX_LENGTH".
_ONE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_CHUNK_BYTES = 64 * 1024


def file_response_ranged(
    request: HttpRequest, file: IO[bytes], *, size: int, content_type: str
) -> HttpResponseBase:
    """A stored file shown in the page (not downloaded), answering a Range request with just
    that part (206) so that a player can seek; Django's FileResponse always sends the whole."""
    wanted = _byte_range(request.headers.get("Range", ""), size)
    if wanted is None:
        response: HttpResponseBase = FileResponse(file, content_type=content_type)
    elif wanted == (size, size):
        file.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    else:
        first, last = wanted
        response = StreamingHttpResponse(
            _file_part(file, first, last - first + 1), status=206, content_type=content_type
        )
        response["Content-Length"] = str(last - first + 1)
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response


def _byte_range(header: str, size: int) -> tuple[int, int] | None:
    """The first and last byte one range asks for; None for the whole file (no header, or one
    this answer ignores, as the RFC allows: several ranges, other units); (size, size) when
    the range lies past the end."""
    match = _ONE_RANGE.match(header.replace(" ", ""))
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first_text, last_text = match.groups()
    if first_text == "":
        suffix = int(last_text)
        if suffix == 0:
            return (size, size)
        return (max(size - suffix, 0), size - 1)
    first = int(first_text)
    last = min(int(last_text), size - 1) if last_text else size - 1
    if first >= size:
        return (size, size)
    if last < first:
        return None
    return (first, last)


def _file_part(file: IO[bytes], start: int, length: int) -> Iterator[bytes]:
    """`length` bytes of the file from `start`, in chunks, closing it at the end."""
    try:
        file.seek(start)
        while length > 0:
            chunk = file.read(min(_CHUNK_BYTES, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        file.close()
