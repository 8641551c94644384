"""Request types shared by the apps' views."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails

from frontdesk.core.constants import DATABASE_INTEGER_MAX


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


def page_of(request: HttpRequest, items: Any, size: int) -> tuple[Page[Any], str]:
    """The page of `items` the request asks for (`?page=`), and the request's other query
    parameters, encoded, for the pagination's links."""
    page = Paginator(items, size).get_page(request.GET.get("page"))
    others = request.GET.copy()
    others.pop("page", None)
    return page, others.urlencode()
