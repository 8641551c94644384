"""Whether this desk can serve: a database that answers, with every migration applied, and a cache
that answers. The command checks it before starting and /healthz answers it to monitors."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import DatabaseError

MIGRATE_COMMAND = "frontdesk migrate"


@dataclass(frozen=True)
class HealthCheck:
    """One line of /healthz an app above core adds: its value, and whether the desk can serve."""

    value: str
    healthy: bool
    problem: str = ""  # said to the operator when not healthy


_CHECKS: dict[str, Callable[[], HealthCheck]] = {}


def health_check_register(name: str, check: Callable[[], HealthCheck]) -> None:
    """Add a line to /healthz (from an app's ready()): `name` and what `check` answers."""
    _CHECKS[name] = check


def health_checks() -> dict[str, HealthCheck]:
    """Every registered line of /healthz, asked now."""
    return {name: check() for name, check in _CHECKS.items()}


@dataclass(frozen=True)
class DatabaseState:
    """What a look at the database found: whether it answered, and which migrations it lacks."""

    label: str  # the database named for an operator, never with its password
    reachable: bool
    error: str  # why it did not answer, with any password blanked out
    applied: int  # migrations recorded as applied
    pending: tuple[str, ...]  # "app.migration" this code has and the database lacks

    @property
    def never_migrated(self) -> bool:
        """The database answers but has none of frontdesk's tables."""
        return self.reachable and self.applied == 0

    @property
    def ready(self) -> bool:
        """The database answers and its schema is this code's."""
        return self.reachable and not self.pending


def database_label(settings_dict: dict[str, Any]) -> str:
    """The database as an operator would name it: engine, user, host, port, name; no password."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"SQLite {settings_dict['NAME']}"
    user = f"{settings_dict['USER']}@" if settings_dict.get("USER") else ""
    host = settings_dict.get("HOST") or "localhost"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"PostgreSQL {user}{host}{port}/{settings_dict['NAME']}"


def password_blanked(text: str, settings_dict: dict[str, Any]) -> str:
    """The text with the database password, should a driver ever quote it, replaced by ***."""
    password = settings_dict.get("PASSWORD") or ""
    return text.replace(password, "***") if password else text


def database_state(*, using: str = DEFAULT_DB_ALIAS) -> DatabaseState:
    """Connect to the database and compare its applied migrations with this code's."""
    connection = connections[using]
    label = database_label(connection.settings_dict)
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        # One line: drivers add hints on further lines ("Is the server running…").
        reason = password_blanked(str(error), connection.settings_dict).strip().splitlines()
        return DatabaseState(
            label=label, reachable=False, error=reason[0] if reason else "", applied=0, pending=()
        )
    pending = tuple(f"{migration.app_label}.{migration.name}" for migration, _ in plan)
    return DatabaseState(
        label=label,
        reachable=True,
        error="",
        applied=len(executor.loader.applied_migrations),
        pending=pending,
    )


def cache_answers() -> bool:
    """Whether a value written to the cache can be read back (Redis, or the database's table)."""
    key = f"frontdesk:health:{secrets.token_hex(8)}"
    try:
        cache.set(key, "ok", timeout=10)
        answered = bool(cache.get(key) == "ok")
        cache.delete(key)
    except Exception:  # Redis and the database cache each raise their own errors when down
        return False
    return answered
