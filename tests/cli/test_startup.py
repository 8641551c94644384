import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.desks import FRONTDESK, desk_env, free_port, get_json, wait_for_port, wait_for_text

pytestmark = pytest.mark.django_db


def test_bad_settings_stop_the_command_with_every_problem(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": "mysql://x/y",
        "FRONTDESK_DEBUG": "perhaps",
        "FRONTDESK_DATA_DIR": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "frontdesk", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr
    assert "FRONTDESK_DEBUG" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["agent", "add", "kati"],
        ["token", "create", "kati"],
        ["log", "Rami Cohen. kati. viruses. 9:30.", "--as", "kati"],
        ["mail", "retry"],
        ["mail", "fetch"],
        ["triage-model", "train"],
        ["serve", "--port", "0"],
        ["worker"],
        ["mail", "listen", "--port", "0"],
    ],
)
def test_a_database_never_migrated_says_run_migrate(tmp_path: Path, command: list[str]) -> None:
    sqlite3.connect(tmp_path / "desk.sqlite3").close()  # a real, empty database file
    done = subprocess.run(
        [*FRONTDESK, *command],
        env=desk_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert "run `frontdesk migrate`" in done.stderr
    assert "no frontdesk tables" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_command_on_a_database_behind_the_code_names_what_is_missing(
    behind_by_one: Path,
) -> None:
    done = subprocess.run(
        [*FRONTDESK, "agent", "add", "kati"],
        env=desk_env(behind_by_one),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "satisfaction.0001_initial" in done.stderr
    assert "run `frontdesk migrate`" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_warns_on_missing_migrations_and_healthz_says_unmigrated(
    behind_by_one: Path,
) -> None:
    port = free_port()
    log = behind_by_one / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*FRONTDESK, "serve", "--port", str(port)],
            env=desk_env(behind_by_one),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        said = wait_for_text(log, "serving on", server)
        status, body = get_json(f"http://127.0.0.1:{port}/healthz")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "warning: 1 database migration is not applied" in said
    assert "run `frontdesk migrate`" in said
    assert status == 503
    assert body["status"] == "unavailable"
    assert body["database"] == "unmigrated"
    assert "frontdesk migrate" in str(body["detail"])


@pytest.mark.parametrize("command", [["worker"], ["mail", "listen", "--port", "0"]])
def test_worker_and_listener_warn_on_missing_migrations(
    behind_by_one: Path, command: list[str]
) -> None:
    log = behind_by_one / "out.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*FRONTDESK, *command],
            env=desk_env(behind_by_one),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        said = wait_for_text(log, "not applied", process)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert "satisfaction.0001_initial" in said
    assert "run `frontdesk migrate`" in said
    assert "Traceback" not in said


def test_healthz_says_the_database_is_unreachable_once_it_is_gone(
    migrated_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "db"
    folder.mkdir()
    shutil.copy(migrated_file, folder / "desk.sqlite3")
    port = free_port()
    env = desk_env(folder, FRONTDESK_DATA_DIR=str(tmp_path / "data"))
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*FRONTDESK, "serve", "--port", str(port)], env=env, stdout=output, stderr=output
        )
    try:
        wait_for_text(log, "serving on", server)
        assert get_json(f"http://127.0.0.1:{port}/healthz")[0] == 200
        folder.rename(tmp_path / "moved")  # the disk the database lived on is gone
        status, body = get_json(f"http://127.0.0.1:{port}/healthz")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert status == 503
    assert body["database"] == "unreachable"


def test_healthz_says_the_cache_is_unreachable_once_redis_stops(
    migrated_file: Path, tmp_path: Path
) -> None:
    shutil.copy(migrated_file, tmp_path / "desk.sqlite3")
    redis_port, port = free_port(), free_port()
    redis_server = str(shutil.which("redis-server"))
    cache = subprocess.Popen(
        [redis_server, "--port", str(redis_port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    env = desk_env(tmp_path, FRONTDESK_REDIS_URL=f"redis://127.0.0.1:{redis_port}/0")
    log = tmp_path / "serve.log"
    try:
        wait_for_port(redis_port)
        with log.open("wb") as output:
            server = subprocess.Popen(
                [*FRONTDESK, "serve", "--port", str(port)], env=env, stdout=output, stderr=output
            )
        try:
            wait_for_text(log, "serving on", server)
            assert get_json(f"http://127.0.0.1:{port}/healthz") == (
                200,
                {"status": "ok", "database": "ok", "cache": "ok", "worker": "none"},
            )
            cache.terminate()
            cache.wait(timeout=30)
            status, body = get_json(f"http://127.0.0.1:{port}/healthz")
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        cache.terminate()
        cache.wait(timeout=30)
    assert status == 503
    assert body["cache"] == "unreachable"
    assert body["database"] == "ok"


def test_an_unreachable_database_is_a_clear_error_without_its_password(tmp_path: Path) -> None:
    env = desk_env(tmp_path, DATABASE_URL="postgresql://desk:hunter2-secret@127.0.0.1:1/frontdesk")
    done = subprocess.run(
        [*FRONTDESK, "agent", "add", "kati"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "cannot reach the database (PostgreSQL desk@127.0.0.1:1/frontdesk)" in done.stderr
    assert "hunter2" not in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


# --- Settings checked at start ----------------------------------------------------------------


BAD_SETTINGS = {
    "FRONTDESK_INTAKE_RATE": "banana",
    "FRONTDESK_TRIAGE_LANGUAGES": "en,xx",
    "FRONTDESK_ALLOWED_HOSTS": "",
    "FRONTDESK_TIME_ZONE": "Mars/Olympus_Mons",
    "FRONTDESK_LOG_LEVEL": "LOUD",
    "FRONTDESK_SMTP_LOG_LEVEL": "chatty",
    "FRONTDESK_CSRF_TRUSTED_ORIGINS": "help.example.com",
    "FRONTDESK_FROM_EMAIL": "not an address",
    "FRONTDESK_SMTP_STARTTLS": "true",
    "FRONTDESK_SMTP_SSL": "true",
    "FRONTDESK_MAIL_PORT": "70000",
    "FRONTDESK_TASKS_BACKEND": "celery.Backend",
    "FRONTDESK_PUBLIC_URL": "http://",
    "FRONTDESK_IMAP_HOST": "imap.example.com",
}


def test_every_bad_setting_is_listed_at_start_without_a_traceback(tmp_path: Path) -> None:
    nobody_listens = free_port()
    env = desk_env(
        tmp_path,
        **BAD_SETTINGS,
        FRONTDESK_REDIS_URL=f"redis://:redis-secret@127.0.0.1:{nobody_listens}/0",
        FRONTDESK_TRIAGE_LEXICONS=str(tmp_path / "no-such-folder"),
        FRONTDESK_SMTP_HOST="smtp.example.com",
    )
    done = subprocess.run(
        [*FRONTDESK, "migrate"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    listed = [line for line in done.stderr.splitlines() if line.startswith("  - ")]
    for name in [*BAD_SETTINGS, "FRONTDESK_REDIS_URL", "FRONTDESK_TRIAGE_LEXICONS"]:
        assert any(name in line for line in listed), name
    assert f"127.0.0.1:{nobody_listens}" in done.stderr
    assert "redis-secret" not in done.stderr
    assert not (tmp_path / "desk.sqlite3").exists()  # stopped before touching anything


@pytest.mark.parametrize(
    "url",
    [
        "mysql://root:hunter2@db.example.com/desk",
        "postgresql://desk:hunter2@db.example.com:notaport/desk",
    ],
)
def test_a_bad_database_url_is_named_without_its_password(tmp_path: Path, url: str) -> None:
    done = subprocess.run(
        [*FRONTDESK, "migrate"],
        env=desk_env(tmp_path, DATABASE_URL=url),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "  - DATABASE_URL" in done.stderr
    assert "hunter2" not in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


def test_a_data_folder_that_cannot_be_made_is_a_listed_problem(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    done = subprocess.run(
        [*FRONTDESK, "migrate"],
        env=desk_env(tmp_path, FRONTDESK_DATA_DIR=str(tmp_path / "a-file" / "data")),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "  - FRONTDESK_DATA_DIR" in done.stderr
    assert "Traceback" not in done.stderr
