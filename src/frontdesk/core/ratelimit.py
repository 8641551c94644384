"""Rate limits of the public edges, read when asked so that an operator's setting applies."""

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django_ratelimit.decorators import ratelimit

View = TypeVar("View", bound=Callable[..., HttpResponse])


def post_rate_limited(
    *, rate: Callable[[str, HttpRequest], str], group: str
) -> Callable[[View], View]:
    """Refuse a client address's POSTs over `rate` in `group` (django-ratelimit has no types)."""
    decorate: Callable[[View], View] = ratelimit(
        key="ip", rate=rate, method="POST", block=True, group=group
    )
    return decorate


def intake_rate(group: str, request: HttpRequest) -> str:
    """The public form's and the portal link's limit per client address."""
    return settings.INTAKE_RATE


def kiosk_rate(group: str, request: HttpRequest) -> str:
    """The kiosk's limit per address (a busy desk's tablet takes many numbers)."""
    return settings.KIOSK_RATE
