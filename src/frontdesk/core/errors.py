"""Domain errors every app raises, mapped once to HTTP answers in pages and the API."""

from django.core.exceptions import PermissionDenied
from django.http import Http404


class NotFound(Http404):
    """The object does not exist or the actor may not see it; the two are never told apart.
    A page answers it with Django's own 404, the API with 404 {"detail": ...}."""

    def __init__(self, what: str = "Not found.") -> None:
        super().__init__(what)


class Invalid(Exception):
    """The request cannot be carried out as asked; the message says why, for the user."""


class Forbidden(PermissionDenied):
    """The actor's role may not do this (an agent changing the desk's settings): 403 in pages
    (Django's own PermissionDenied) and in the API."""

    def __init__(self, what: str = "Your role may not do this.") -> None:
        super().__init__(what)


class Conflict(Exception):
    """The request was made on an outdated view of the object (a reply to a thread that has
    moved on): 409 in the API; pages show what changed and let the user decide."""


class TooLarge(Invalid):
    """A file is larger than the desk's limit for it: 413 in the API."""


class StorageUnavailable(Invalid):
    """The desk could not store a file (its disk is full, its bucket unreachable): nothing of
    the request was saved; 503 with Retry-After in the API, the form's own error on pages."""


class UnsupportedType(Invalid):
    """A file's content is not of a kind the desk takes, whatever its name or header claim:
    415 in the API."""
