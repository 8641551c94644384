"""What a command needs before it starts: Django set up, and the database it expects."""

from __future__ import annotations

import os
import sys

# What a command needs of the database before it starts: to reach it (it migrates by itself),
# every migration applied (a one-shot command would fail half-way on a schema behind the code),
# or its tables (a long-running process only warns: in a rolling upgrade the new code may start
# before `frontdesk migrate` has run, and /healthz answers 503 until it has).
NEEDS_REACH, NEEDS_SCHEMA, NEEDS_TABLES = "reach", "schema", "tables"


def django_setup() -> None:
    """Set Django up, or stop with status 2 listing every setting that is wrong."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
    from frontdesk.config.env import SettingsError

    try:
        import django

        django.setup()
    except SettingsError as error:
        print(error, file=sys.stderr)
        raise SystemExit(2) from error


def database_check(command: str, needs: str | None) -> bool:
    """Whether the command may start; says on standard error why not, or what to mind."""
    from frontdesk.core.health import MIGRATE_COMMAND, database_state

    if needs is None:
        return True
    state = database_state()
    if not state.reachable:
        print(
            f"{command}: cannot reach the database ({state.label}): {state.error}", file=sys.stderr
        )
        return False
    if needs == NEEDS_REACH:
        return True
    if state.never_migrated:
        print(
            f"{command}: the database ({state.label}) has no frontdesk tables yet; "
            f"run `{MIGRATE_COMMAND}` first.",
            file=sys.stderr,
        )
        return False
    if not state.pending:
        return True
    count = len(state.pending)
    names = ", ".join(state.pending[:5]) + (", …" if count > 5 else "")
    missing = (
        f"1 database migration is not applied ({names})"
        if count == 1
        else f"{count} database migrations are not applied ({names})"
    )
    if needs == NEEDS_SCHEMA:
        print(f"{command}: {missing}; run `{MIGRATE_COMMAND}` first.", file=sys.stderr)
        return False
    print(
        f"{command}: warning: {missing}; run `{MIGRATE_COMMAND}`. Until then some pages and "
        "jobs may fail, and /healthz answers 503.",
        file=sys.stderr,
        flush=True,
    )
    return True
