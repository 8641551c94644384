"""The storage of the static files: hashed names and gzipped copies (WhiteNoise), and the plain
name for a file not collected yet."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class DeskStaticStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]
    """WhiteNoise's storage, which names a file by the hash `collectstatic` recorded; a file not
    recorded (nothing collected yet: a worker's machine, `frontdesk manage` before the first
    `migrate`) keeps its plain name instead of failing the page or the command."""

    def stored_name(self, name: str) -> str:
        try:
            return str(super().stored_name(name))
        except ValueError:
            return name
