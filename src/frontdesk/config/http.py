"""Request types shared by the apps' views."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from frontdesk.accounts.models import User


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware (`request.htmx` is truthy for htmx)."""

    htmx: HtmxDetails


def request_agent(request: HttpRequest) -> User:
    """The agent behind a request that passed log-in or token authentication."""
    assert isinstance(request.user, User)
    return request.user
