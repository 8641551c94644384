"""Who files a stored message: mail stores and parses it; the app that opens tickets (intake)
registers the filer here, in its AppConfig.ready(), so that mail never imports it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the models load after the apps that register here
    from frontdesk.mail.models import InboundMail


@dataclass(frozen=True)
class Filer:
    """Files one stored message (`file`), and loads beforehand what filing needs (`warm_up`)."""

    file: Callable[[InboundMail], None]
    warm_up: Callable[[], None]


_filer: Filer | None = None


def filer_register(filer: Filer) -> None:
    """Make `filer` the one that files incoming mail."""
    global _filer
    _filer = filer


def filer() -> Filer:
    """The registered filer; without one, no message can be filed."""
    if _filer is None:
        raise RuntimeError("no mail filer is registered (is frontdesk.intake installed?)")
    return _filer
