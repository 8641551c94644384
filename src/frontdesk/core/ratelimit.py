"""Rate limits of the public edges, read when asked so that an operator's setting applies."""

from django.conf import settings
from django.http import HttpRequest


def intake_rate(group: str, request: HttpRequest) -> str:
    """The public form's and the portal link's limit per client address."""
    return settings.INTAKE_RATE


def kiosk_rate(group: str, request: HttpRequest) -> str:
    """The kiosk's limit per address (a busy desk's tablet takes many numbers)."""
    return settings.KIOSK_RATE
