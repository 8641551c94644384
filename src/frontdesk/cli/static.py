"""The static files, collected once per version of them into the data folder.

Pages name each static file by a hash of its content (`frontdesk.a20f44954ed8.css`), which
`collectstatic` writes with a gzipped copy beside it; WhiteNoise then sends those names with a
ten-year `immutable` cache header. Collecting costs seconds of CPU even when nothing changed, so
it runs only when the files it would collect differ from those it collected last: after an
install or an upgrade, not on every start.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# Beside the collected files: what they were collected from, as a fingerprint.
COLLECTED_FROM = ".collected-from"


def static_fingerprint() -> str:
    """A digest of every static file the finders see (name, size, time changed) and of the
    storage that collects them."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    digest = hashlib.sha256(settings.STORAGES["staticfiles"]["BACKEND"].encode())
    for finder in finders.get_finders():
        for path, storage in sorted(finder.list([]), key=lambda found: found[0]):
            status = Path(storage.path(path)).stat()
            prefix = getattr(storage, "prefix", None) or ""
            digest.update(f"{prefix}/{path}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def static_collect(*, verbosity: int = 0) -> bool:
    """Collect the static files into STATIC_ROOT unless they already are; whether it did."""
    from django.conf import settings
    from django.core.management import call_command

    stamp = Path(settings.STATIC_ROOT) / COLLECTED_FROM
    fingerprint = static_fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return False
    call_command("collectstatic", interactive=False, verbosity=verbosity)
    stamp.write_text(fingerprint)
    return True
