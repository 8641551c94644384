"""`frontdesk backup` and `frontdesk restore`, run as commands on desks of their own: a desk
with data, mail and files goes into one file and comes back out the same, on the database this
test run uses (SQLite, or PostgreSQL in the PostgreSQL pass)."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import tarfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from tests.cli.desks import FRONTDESK, desk_env

POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")

# A mail with an attachment, filed through the desk's own intake, so the backup holds raw mail
# and a stored file.
FILE_MAIL = """
from email.message import EmailMessage
from frontdesk.mail.inbound import mail_receive
message = EmailMessage()
message["From"] = "Mari Tamm <mari@example.ee>"
message["To"] = "help@example.com"
message["Subject"] = "Arve PDF"
message["Message-ID"] = "<backup-test-1@example.ee>"
message.set_content("Tere, arve on lisatud.")
message.add_attachment(b"%PDF-1.4 invoice " * 200, maintype="application", subtype="pdf",
                       filename="arve.pdf")
mail_receive(raw=message.as_bytes(), source="smtp")
"""


@dataclass
class Desk:
    folder: Path
    env: dict[str, str]

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [*FRONTDESK, *args], env=self.env, capture_output=True, text=True, timeout=600
        )
        if check:
            assert done.returncode == 0, done.stderr
        return done

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def dump(self) -> str:
        """Every row of every table, as Django's serialiser writes them."""
        return self.run("manage", "dumpdata", "--indent", "0").stdout

    def files(self) -> dict[str, str]:
        """The stored files by name, as SHA-256."""
        root = self.data / "attachments"
        return {
            str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*"))
            if path.is_file()
        }


class Desks:
    """Desks of their own: a SQLite file, or a new PostgreSQL database, and a data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.databases: list[str] = []

    def make(self, name: str, *, like: Desk | None = None) -> Desk:
        """A new empty desk, or a copy of `like` (its database and data folder)."""
        folder = self.root / f"{name}-{uuid.uuid4().hex[:6]}"
        if like is not None:
            shutil.copytree(like.folder, folder)
        else:
            folder.mkdir()
        env = desk_env(folder)
        env.pop("FRONTDESK_SECRET_KEY", None)  # the desk makes its key; the backup carries it
        if POSTGRES:
            database = f"frontdesk_backup_{uuid.uuid4().hex[:10]}"
            template = f' TEMPLATE "{like.env["DATABASE_URL"].rsplit("/", 1)[1]}"' if like else ""
            with psycopg.connect(_server_url(), autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{database}"{template}')
            self.databases.append(database)
            env["DATABASE_URL"] = f"{_server_url().rsplit('/', 1)[0]}/{database}"
        return Desk(folder, env)

    def drop(self) -> None:
        if not self.databases:
            return
        with psycopg.connect(_server_url(), autocommit=True) as admin:
            for database in self.databases:
                admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture(scope="module", name="desks")
def desks_made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desks]:
    made = Desks(tmp_path_factory.mktemp("desks"))
    yield made
    made.drop()


def _server_url() -> str:
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"


@pytest.fixture(scope="module")
def full_desk(desks: Desks) -> Desk:
    """A desk with the demo's agents, customers, tickets, recordings, and a filed mail with an
    attachment; made once, never changed (a test that writes works on a copy)."""
    desk = desks.make("old")
    desk.run("demo", "--customers", "12")
    desk.run("manage", "shell", "-c", FILE_MAIL)
    return desk


def test_a_desk_comes_back_the_same(full_desk: Desk, desks: Desks, tmp_path: Path) -> None:
    archive = tmp_path / "desk.tar.gz"
    made = full_desk.run("backup", str(archive))
    assert "backed up" in made.stdout
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert names[-1] == "manifest.json"
    assert "secret_key" in names
    assert any(name.endswith(".pdf") for name in names)
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    new = desks.make("new")
    restored = new.run("restore", str(archive))
    assert "restored the desk" in restored.stdout
    assert new.dump() == full_desk.dump()
    assert new.files() == full_desk.files()
    assert any(name.endswith(".pdf") for name in new.files())
    assert (new.data / "secret_key").read_text() == (full_desk.data / "secret_key").read_text()


def test_restore_refuses_a_desk_with_data_unless_forced(
    full_desk: Desk, desks: Desks, tmp_path: Path
) -> None:
    archive = tmp_path / "desk.tar.gz"
    full_desk.run("backup", str(archive))
    other = desks.make("other", like=full_desk)
    other.run("manage", "shell", "-c", FILE_MAIL.replace("backup-test-1", "other-desk"))
    before = other.dump()
    assert before != full_desk.dump()
    assert len(other.files()) == len(full_desk.files()) + 1

    refused = other.run("restore", str(archive), check=False)
    assert refused.returncode == 2
    assert "this desk is not empty" in refused.stderr
    assert "--force" in refused.stderr
    assert other.dump() == before

    other.run("restore", str(archive), "--force")
    assert other.dump() == full_desk.dump()
    assert other.files() == full_desk.files()


def test_a_damaged_backup_changes_nothing(full_desk: Desk, desks: Desks, tmp_path: Path) -> None:
    archive = tmp_path / "desk.tar.gz"
    full_desk.run("backup", str(archive))
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source:
            content = source.extractfile(member)
            assert content is not None
            data = content.read()
            if member.name.endswith(".pdf"):
                data = data[:-1] + b"!"
            target.addfile(member, io.BytesIO(data))
    new = desks.make("new")
    refused = new.run("restore", str(damaged), check=False)
    assert refused.returncode == 2
    assert "is damaged" in refused.stderr
    assert new.files() == {}

    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    refused = new.run("restore", str(not_a_backup), check=False)
    assert refused.returncode == 2
    assert "cannot be read as a frontdesk backup" in refused.stderr


def test_a_backup_taken_while_the_desk_writes_is_whole(
    full_desk: Desk, desks: Desks, tmp_path: Path
) -> None:
    """Mail with attachments keeps arriving while the backup runs: the restored desk holds each
    ticket with its first message, and every file its rows point at."""
    busy = desks.make("busy", like=full_desk)
    writer = subprocess.Popen(
        [*FRONTDESK, "manage", "shell", "-c", WRITER],
        env=busy.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_tickets(busy, more_than=_tickets(busy) + 3)
        archive = tmp_path / "busy.tar.gz"
        busy.run("backup", str(archive))
    finally:
        writer.terminate()
        writer.wait(timeout=30)
    new = desks.make("new")
    new.run("restore", str(archive))
    check = new.run("manage", "shell", "-c", CHECK_WHOLE).stdout.splitlines()[-1].split()
    assert check[0] == "ok", check
    assert int(check[1]) > 0  # the writer's tickets made it in


WRITER = """
import itertools
from email.message import EmailMessage
from frontdesk.mail.inbound import mail_receive
for n in itertools.count():
    message = EmailMessage()
    message["From"] = f"busy{n}@example.com"
    message["To"] = "help@example.com"
    message["Subject"] = f"Busy {n}"
    message["Message-ID"] = f"<busy-{n}@example.com>"
    message.set_content("The printer is jammed again, photo attached.")
    message.add_attachment(bytes([n % 256]) * 3000, maintype="image", subtype="png",
                           filename=f"photo{n}.png")
    mail_receive(raw=message.as_bytes(), source="smtp")
"""

CHECK_WHOLE = """
from django.core.files.storage import default_storage
from frontdesk.tickets.models import Attachment, Ticket
lacking = Ticket.objects.filter(messages__isnull=True).count()
files = [a.file.name for a in Attachment.objects.all()]
gone = [name for name in files if not default_storage.exists(name)]
busy = Ticket.objects.filter(subject__startswith="Busy ").count()
print("ok" if lacking == 0 and not gone else f"lacking:{lacking},gone:{gone}", busy)
"""


def _tickets(desk: Desk) -> int:
    code = "from frontdesk.tickets.models import Ticket; print(Ticket.objects.count())"
    return int(desk.run("manage", "shell", "-c", code).stdout.splitlines()[-1])


def _wait_for_tickets(desk: Desk, *, more_than: int) -> None:
    deadline = time.monotonic() + 120
    while _tickets(desk) <= more_than:
        assert time.monotonic() < deadline, "the writer made no tickets"
        time.sleep(0.5)


def test_sqlite_backup_is_a_consistent_database(full_desk: Desk, tmp_path: Path) -> None:
    if POSTGRES:
        archive = tmp_path / "desk.tar.gz"
        full_desk.run("backup", str(archive))
        with tarfile.open(archive) as tar:
            assert "database.pgdump" in tar.getnames()
        return
    archive = tmp_path / "desk.tar.gz"
    full_desk.run("backup", str(archive))
    with tarfile.open(archive) as tar:
        tar.extract("database.sqlite3", tmp_path, filter="data")
    copy = sqlite3.connect(tmp_path / "database.sqlite3")
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()
