"""`frontdesk backup FILE` and `frontdesk restore FILE`: the whole desk in one file.

A backup is a gzipped tar: the database (SQLite's own online backup, or `pg_dump`'s one
snapshot), every stored file (attachments, call recordings) read through the desk's storage,
the data folder's generated secret key, and last `manifest.json`, which names the engine, the
migrations applied, row counts and a SHA-256 for every member. It is taken while the desk runs:
the database first, in one consistent snapshot, then the files. A file written after the
snapshot is carried along unreferenced (harmless); one deleted in between is listed in the
manifest as missing.

Restore checks every member against the manifest before it changes anything, refuses a desk that
already holds agents, customers, tickets or files unless told `--force`, then replaces the
database, migrates it to this version's schema, writes the files and the key. Stop the web,
worker and mail processes first: a desk running on the database being replaced would write into
it half-way.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from typing import IO, Any

from frontdesk.cli.startup import NEEDS_REACH, NEEDS_TABLES

FORMAT = 1
MANIFEST = "manifest.json"
FILES = "files/"
KEY = "secret_key"
DATABASE = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
CHUNK = 1 << 20


class BackupError(Exception):
    """Why a backup or restore cannot go on, in words for the operator."""


@dataclass
class Manifest:
    """What a backup holds and how to check it."""

    engine: str
    made_at: str
    migrations: dict[str, list[str]]
    counts: dict[str, int]
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    version: str = ""
    format: int = FORMAT

    def summary(self) -> str:
        """The counts and the files, as both commands print them: `(6 agents, …), 2 files`."""
        counts = ", ".join(f"{count} {name}" for name, count in self.counts.items())
        files = sum(1 for name in self.members if name.startswith(FILES))
        return f"({counts}), {files} files"

    def as_json(self) -> bytes:
        return json.dumps(self.__dict__, indent=1, sort_keys=True).encode()


class _Hashing:
    """A file read through, counting and hashing what passes (tarfile only calls `read`)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.sha256 = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


# --- the database -------------------------------------------------------------------------


def _engine() -> str:
    from django.db import connection

    if connection.vendor not in DATABASE:
        raise BackupError(f"a {connection.vendor} database cannot be backed up by frontdesk")
    return connection.vendor


def _pg_environ() -> dict[str, str]:
    """The connection of the desk's PostgreSQL database as libpq's variables, for the tools."""
    from django.db import connection

    settings = connection.settings_dict
    env = dict(os.environ)
    pairs = {
        "PGDATABASE": settings.get("NAME"),
        "PGUSER": settings.get("USER"),
        "PGPASSWORD": settings.get("PASSWORD"),
        "PGHOST": settings.get("HOST"),
        "PGPORT": settings.get("PORT"),
        "PGSSLMODE": settings.get("OPTIONS", {}).get("sslmode"),
    }
    env.update({name: str(value) for name, value in pairs.items() if value})
    return env


def _run_tool(command: list[str]) -> None:
    try:
        subprocess.run(command, env=_pg_environ(), check=True, capture_output=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} is not installed; install PostgreSQL's client tools "
            "(a version at least the server's)"
        ) from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.decode().strip()}") from error


def _database_dump(engine: str, path: Path) -> None:
    """One consistent snapshot of the database into `path`, taken while the desk runs."""
    from django.db import connection

    if engine == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            # One step: the copy reads one snapshot (WAL readers never block the desk's writers).
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        _run_tool(["pg_dump", "--format=custom", "--no-owner", "--no-acl", f"--file={path}"])


def _database_load(engine: str, path: Path) -> None:
    """Replace the desk's database with the dump at `path`."""
    from django.db import connection

    if engine == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()
        return
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if tables:
            names = ", ".join(connection.ops.quote_name(name) for name in tables)
            cursor.execute(f"DROP TABLE IF EXISTS {names} CASCADE")
    connection.close()
    _run_tool(
        [
            "pg_restore",
            "--no-owner",
            "--no-acl",
            "--single-transaction",
            f"--dbname={_pg_environ()['PGDATABASE']}",
            str(path),
        ]
    )


COUNTED = {
    "agents": ("accounts", "User"),
    "customers": ("customers", "Customer"),
    "tickets": ("tickets", "Ticket"),
    "messages": ("tickets", "Message"),
    "attachments": ("tickets", "Attachment"),
}


@dataclass
class Facts:
    """What a database holds, as a backup's manifest names it."""

    migrations: dict[str, list[str]]
    counts: dict[str, int]
    files: set[str]


def _facts(cursor: Any) -> Facts:
    """Migrations applied, the rows that tell a desk's size, and every stored file the rows
    point at — read with plain SQL, so it works on a dump's copy as on the desk itself."""
    from django.apps import apps
    from django.db.models import FileField

    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    migrations: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        migrations.setdefault(app, []).append(name)
    counts = {}
    for label, (app, model) in COUNTED.items():
        cursor.execute(f"SELECT COUNT(*) FROM {apps.get_model(app, model)._meta.db_table}")  # noqa: S608
        counts[label] = cursor.fetchone()[0]
    files: set[str] = set()
    for stored in apps.get_models():
        for column in (f.column for f in stored._meta.concrete_fields if isinstance(f, FileField)):
            table = stored._meta.db_table
            cursor.execute(f"SELECT {column} FROM {table} WHERE {column} <> ''")  # noqa: S608
            files.update(name for (name,) in cursor.fetchall() if name)
    return Facts(migrations, counts, files)


def _dump_facts(engine: str, dump: Path) -> Facts:
    """The snapshot's facts. SQLite's copy is read itself; `pg_dump`'s archive cannot be
    queried, so the desk is read right after it (a busy desk may be a few rows ahead)."""
    if engine == "sqlite":
        copy = sqlite3.connect(dump)
        try:
            return _facts(copy.cursor())
        finally:
            copy.close()
    from django.db import connection

    with connection.cursor() as cursor:
        return _facts(cursor)


def _desk_facts() -> Facts | None:
    """The desk's own facts, or None when it has no tables yet."""
    from django.db import connection

    if "django_migrations" not in connection.introspection.table_names():
        return None
    with connection.cursor() as cursor:
        try:
            return _facts(cursor)
        except Exception:
            return Facts({}, {"tables": 1}, set())


# --- the files ----------------------------------------------------------------------------


def _stored_files(folder: str = "") -> Iterator[str]:
    """Every file in the desk's storage (the data folder's attachments, or S3), by name."""
    from django.core.files.storage import default_storage

    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from _stored_files(f"{folder}/{name}" if folder else name)


def _key_file() -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR) / KEY


def _member_name(name: str) -> str:
    """A file's name inside the backup; refuses one that would land outside the storage."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"refusing the file name {name!r}")
    return FILES + str(path)


# --- backup -------------------------------------------------------------------------------


def backup_write(target: Path) -> Manifest:
    """Write the whole desk to `target` (a .tar.gz); what it holds."""

    engine = _engine()
    manifest = Manifest(
        engine=engine,
        made_at=datetime.now(UTC).isoformat(timespec="seconds"),
        migrations={},
        counts={},
        version=version("frontdesk"),
    )
    partial = target.with_name(target.name + ".part")
    try:
        _write(target, partial, engine, manifest)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def _write(target: Path, partial: Path, engine: str, manifest: Manifest) -> None:
    from django.core.files.storage import default_storage

    with tempfile.TemporaryDirectory(prefix="frontdesk-backup-") as work:
        dump = Path(work) / DATABASE[engine]
        _database_dump(engine, dump)
        # Read the snapshot's own figures, not the live desk's, which moved on meanwhile.
        facts = _dump_facts(engine, dump)
        manifest.migrations, manifest.counts = facts.migrations, facts.counts
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            with dump.open("rb") as stream:
                _add(tar, manifest, DATABASE[engine], stream, dump.stat().st_size)
            stored = set()
            for name in _stored_files():
                stored.add(name)
                try:
                    size = default_storage.size(name)
                    with default_storage.open(name, "rb") as stream:
                        _add(tar, manifest, _member_name(name), stream, size)
                except FileNotFoundError:
                    stored.discard(name)  # deleted while the backup ran
            manifest.missing = sorted(facts.files - stored)
            if _key_file().is_file():
                key = _key_file().read_bytes()
                _add(tar, manifest, KEY, io.BytesIO(key), len(key))
            text = manifest.as_json()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(text), int(datetime.now(UTC).timestamp())
            tar.addfile(info, io.BytesIO(text))
    os.replace(partial, target)


def _add(tar: tarfile.TarFile, manifest: Manifest, name: str, stream: IO[bytes], size: int) -> None:
    reader = _Hashing(stream)
    info = tarfile.TarInfo(name)
    info.size, info.mode = size, 0o600
    info.mtime = int(datetime.now(UTC).timestamp())
    tar.addfile(info, reader)
    if reader.size != size:
        raise BackupError(f"{name} changed size while it was read")
    manifest.members[name] = {"sha256": reader.sha256.hexdigest(), "size": size}


# --- restore ------------------------------------------------------------------------------


def backup_read(source: Path) -> Manifest:
    """The backup's manifest, after checking every member against it; changes nothing."""
    try:
        with tarfile.open(source, mode="r:gz") as tar:
            try:
                manifest_file = tar.extractfile(MANIFEST)
            except KeyError:
                raise BackupError(f"{source} has no {MANIFEST}: not a frontdesk backup") from None
            if manifest_file is None:
                raise BackupError(f"{source}: {MANIFEST} is not a file")
            data = json.loads(manifest_file.read())
            if data.get("format") != FORMAT:
                raise BackupError(
                    f"{source} is backup format {data.get('format')!r}; "
                    f"this frontdesk reads {FORMAT}"
                )
            manifest = Manifest(**data)
            seen = set()
            for member in tar:
                if member.name == MANIFEST:
                    continue
                expected = manifest.members.get(member.name)
                stream = tar.extractfile(member) if member.isfile() else None
                if expected is None or stream is None:
                    raise BackupError(f"{source}: {member.name} is not in the manifest")
                digest = hashlib.sha256()
                while chunk := stream.read(CHUNK):
                    digest.update(chunk)
                if digest.hexdigest() != expected["sha256"]:
                    raise BackupError(f"{source}: {member.name} is damaged (its SHA-256 differs)")
                seen.add(member.name)
    except (tarfile.TarError, OSError, EOFError, json.JSONDecodeError, TypeError) as error:
        raise BackupError(f"{source} cannot be read as a frontdesk backup: {error}") from error
    if lacking := sorted(set(manifest.members) - seen):
        raise BackupError(f"{source} is incomplete: {', '.join(lacking[:5])} missing")
    return manifest


def _newer_migrations(manifest: Manifest) -> list[str]:
    """Migrations the backup has that this version of frontdesk does not know."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(connection, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}"
        for app, names in manifest.migrations.items()
        for name in names
        if (app, name) not in known
    ]


def restore_refusal(manifest: Manifest, *, force: bool) -> str | None:
    """Why the desk will not take this backup, or None."""
    engine = _engine()
    if manifest.engine != engine:
        return (
            f"the backup holds a {manifest.engine} database and this desk runs on {engine}; "
            "restore it into a desk on the same kind of database"
        )
    if newer := _newer_migrations(manifest):
        return (
            f"the backup was made by a newer frontdesk ({manifest.version}; it has "
            f"{', '.join(newer[:3])}); install that version or newer to restore it"
        )
    if force:
        return None
    facts = _desk_facts()
    held = {name: count for name, count in (facts.counts if facts else {}).items() if count}
    if next(_stored_files(), None) is not None:
        held["files"] = 1
    if held:
        what = ", ".join(f"{name} ({count})" for name, count in held.items())
        return (
            f"this desk is not empty ({what}); restore into an empty desk, "
            "or add --force to replace it"
        )
    return None


def backup_restore(source: Path, manifest: Manifest) -> list[str]:
    """Replace the desk with the backup at `source` (checked by `backup_read`); warnings."""
    from django.core.files import File
    from django.core.files.storage import default_storage
    from django.core.management import call_command

    warnings = []
    with (
        tempfile.TemporaryDirectory(prefix="frontdesk-restore-") as work,
        tarfile.open(source, mode="r:gz") as tar,
    ):
        dump = Path(work) / DATABASE[manifest.engine]
        stream = tar.extractfile(DATABASE[manifest.engine])
        if stream is None:
            raise BackupError(f"{source} holds no database")
        with dump.open("wb") as out:
            shutil.copyfileobj(stream, out, CHUNK)
        _database_load(manifest.engine, dump)
        call_command("migrate", verbosity=0, interactive=False)
        for name in list(_stored_files()):
            default_storage.delete(name)
        for member in tar:
            if not member.name.startswith(FILES):
                continue
            name = member.name.removeprefix(FILES)
            _member_name(name)  # refuses a name that would land outside the storage
            content = tar.extractfile(member)
            if content is None:
                continue
            saved = default_storage.save(name, File(content, name=name))
            if saved != name:
                raise BackupError(f"{name} was stored as {saved}")
        key = tar.extractfile(KEY) if KEY in manifest.members else None
        if key is not None:
            data = key.read()
            path = _key_file()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            configured = os.environ.get("FRONTDESK_SECRET_KEY", "")
            if configured and configured.encode() != data.strip():
                warnings.append(
                    "FRONTDESK_SECRET_KEY is set and differs from the backed-up key, which was "
                    f"written to {path}: sessions, portal and calendar links made by the old "
                    "desk stay valid only if FRONTDESK_SECRET_KEY is unset (or set to that key)"
                )
    if manifest.missing:
        warnings.append(
            f"{len(manifest.missing)} file(s) were deleted on the old desk while the backup "
            f"ran and are not in it: {', '.join(manifest.missing[:5])}"
        )
    return warnings


# --- the commands -------------------------------------------------------------------------


def cmd_backup(args: argparse.Namespace) -> int:
    """Write the whole desk to one file."""
    target = Path(args.file)
    if target.exists() and not args.force:
        print(f"frontdesk backup: {target} exists; add --force to replace it", file=sys.stderr)
        return 2
    try:
        manifest = backup_write(target)
    except (BackupError, OSError) as error:
        print(f"frontdesk backup: {error}", file=sys.stderr)
        return 1
    print(f"backed up {manifest.engine} database {manifest.summary()} to {target}")
    for name in manifest.missing:
        print(f"warning: {name} was deleted while the backup ran", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace an empty desk (or, with --force, any desk) with a backup."""
    source = Path(args.file)
    try:
        manifest = backup_read(source)
        if refusal := restore_refusal(manifest, force=args.force):
            print(f"frontdesk restore: {refusal}", file=sys.stderr)
            return 2
        warnings = backup_restore(source, manifest)
    except BackupError as error:
        print(f"frontdesk restore: {error}", file=sys.stderr)
        return 2
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"restored the desk of {manifest.made_at} {manifest.summary()} from {source}")
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add `backup` and `restore` to the `frontdesk` parser."""
    backup = commands.add_parser(
        "backup",
        help="write the database, stored files and secret key to one file (safe while running)",
    )
    backup.add_argument("file", help="the backup to write, e.g. desk-2026-12-03.tar.gz")
    backup.add_argument("--force", action="store_true", help="replace the file if it exists")
    backup.set_defaults(handler=cmd_backup, database=NEEDS_TABLES)
    restore = commands.add_parser(
        "restore", help="replace an empty desk with a backup (stop the desk first)"
    )
    restore.add_argument("file", help="a file written by `frontdesk backup`")
    restore.add_argument(
        "--force", action="store_true", help="replace a desk that already holds data"
    )
    restore.set_defaults(handler=cmd_restore, database=NEEDS_REACH)
