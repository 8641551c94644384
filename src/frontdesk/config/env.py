"""Read and validate frontdesk's settings from the environment."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dj_database_url

LANGUAGE_CODES = ("en", "et", "he", "hu", "bs")
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class SettingsError(Exception):
    """One or more FRONTDESK_* or DATABASE_URL values are invalid."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"frontdesk cannot start; fix these environment settings:\n{lines}")


@dataclass
class EnvReader:
    """Collects every problem in the environment instead of stopping at the first."""

    environ: Mapping[str, str]
    problems: list[str] = field(default_factory=list)

    def text(self, name: str, default: str) -> str:
        return self.environ.get(name, default).strip()

    def flag(self, name: str, *, default: bool) -> bool:
        raw = self.environ.get(name)
        if raw is None:
            return default
        word = raw.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        self.problems.append(f"{name}={raw!r} is not a yes/no value (use true or false).")
        return default

    def integer(self, name: str, *, default: int, minimum: int = 0) -> int:
        raw = self.environ.get(name)
        if raw is None or not raw.strip():
            return default
        try:
            value = int(raw)
        except ValueError:
            self.problems.append(f"{name}={raw!r} is not a whole number.")
            return default
        if value < minimum:
            self.problems.append(f"{name}={value} must be at least {minimum}.")
            return default
        return value

    def words(self, name: str, default: str) -> list[str]:
        return [word.strip() for word in self.text(name, default).split(",") if word.strip()]


def database_config(url: str, reader: EnvReader) -> dict[str, Any]:
    """Turn DATABASE_URL into a Django DATABASES entry (SQLite with WAL, or PostgreSQL)."""
    scheme = url.split(":", 1)[0].lower()
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        reader.problems.append(
            f"DATABASE_URL={url!r}: only sqlite:///PATH and postgresql://... are supported."
        )
        url = "sqlite:///frontdesk.sqlite3"
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    except ValueError as error:
        reader.problems.append(f"DATABASE_URL={url!r} cannot be read: {error}")
        config = dict(dj_database_url.parse("sqlite:///frontdesk.sqlite3"))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock
            # when a transaction starts, so two writers queue instead of failing mid-way.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    else:
        config["CONN_HEALTH_CHECKS"] = True
    return config


def secret_key(reader: EnvReader, data_dir: Path) -> str:
    """The configured secret key, or one generated once and kept in the data folder."""
    configured = reader.text("FRONTDESK_SECRET_KEY", "")
    if configured:
        if len(configured) < 32:
            reader.problems.append("FRONTDESK_SECRET_KEY must be at least 32 characters long.")
        return configured
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


def default_environ() -> Mapping[str, str]:
    """The process environment (a seam for tests)."""
    return os.environ
