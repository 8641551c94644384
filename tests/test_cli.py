import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from frontdesk.accounts.models import User
from frontdesk.accounts.services import token_authenticate
from frontdesk.cli import mail_port_for, main, supervise

pytestmark = pytest.mark.django_db


def test_agent_add_and_token_create(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agent", "add", "kati", "--role", "lead", "--password", "s3cret-pass"]) == 0
    assert User.objects.get(username="kati").role == "lead"
    capsys.readouterr()
    assert main(["token", "create", "kati"]) == 0
    out = capsys.readouterr().out
    token = out.strip()
    assert out == token + "\n"
    assert token_authenticate(raw=token) == User.objects.get(username="kati")


def test_agent_add_refuses_a_duplicate(capsys: pytest.CaptureFixture[str]) -> None:
    main(["agent", "add", "eli"])
    assert main(["agent", "add", "eli"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_token_for_an_unknown_agent_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "create", "ghost"]) == 2
    assert capsys.readouterr().out == ""


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


def test_triage_command_works_without_a_database(tmp_path: Path) -> None:
    source = tmp_path / "contacts.jsonl"
    source.write_text(
        '{"id": 1, "channel": "email", "subject": "Hours", "body": "Are you open on Saturday?"}\n'
        "not json\n",
        encoding="utf-8",
    )
    env = {**os.environ, "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    result = subprocess.run(
        [sys.executable, "-m", "frontdesk", "triage", str(source), "--languages", "en,et"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert len(lines) == 2
    assert '"id": 1' in lines[0]
    assert '"language": "en"' in lines[0]
    assert lines[1].startswith('{"id": null, "error"')


def test_triage_command_refuses_a_bad_model_file(tmp_path: Path) -> None:
    model = tmp_path / "model.bin"
    model.write_bytes(b"not a model")
    result = subprocess.run(
        [sys.executable, "-m", "frontdesk", "triage", "--model", str(model)],
        input="",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "not a frontdesk triage model" in result.stderr


def test_mail_listen_refuses_several_processes_on_sqlite(
    migrated_file: Path, tmp_path: Path
) -> None:
    shutil.copy(migrated_file, tmp_path / "desk.sqlite3")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/desk.sqlite3",
        "FRONTDESK_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "frontdesk", "mail", "listen", "--processes", "2"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "more than one process needs PostgreSQL" in done.stderr


def _staffing(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", "staffing", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_staffing_answers_the_worked_example_as_json() -> None:
    import json

    done = _staffing(
        "--rate", "200", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20", "--json"
    )
    assert done.returncode == 0
    answer = json.loads(done.stdout)
    assert set(answer) == {"agents", "service_level", "asa_seconds", "p_wait", "occupancy"}
    assert answer["agents"] == 14
    assert answer["p_wait"] == pytest.approx(0.1741, abs=1e-4)
    assert answer["asa_seconds"] == pytest.approx(7.84, abs=0.01)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["--rate", "0", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20"],
            "no contacts",
        ),
        (
            ["--rate", "200", "--aht", "180", "--target-level", "1", "--target-seconds", "20"],
            "cannot be reached",
        ),
        (
            ["--rate", "1e15", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20"],
            "more contacts than any staffing can serve",
        ),
        (
            [
                "--rate",
                "200",
                "--aht",
                "180",
                "--target-level",
                "0.8",
                "--target-seconds",
                "20",
                "--max-occupancy",
                "1.5",
            ],
            "max_occupancy",
        ),
        (
            ["--rate", "many", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20"],
            "invalid float value",
        ),
    ],
)
def test_staffing_refuses_impossible_input_with_status_2(args: list[str], says: str) -> None:
    done = _staffing(*args)
    assert done.returncode == 2
    assert says in done.stderr
    assert done.stdout == ""


# --- Start-up on a database that is not ready -------------------------------------------------

FRONTDESK = [sys.executable, "-m", "frontdesk"]


def _desk_env(folder: Path, **extra: str) -> dict[str, str]:
    """The environment of a desk of its own in `folder`: a SQLite file and a data folder."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder}/desk.sqlite3",
        "FRONTDESK_DATA_DIR": str(folder / "data"),
        **extra,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_text(path: Path, text: str, process: subprocess.Popen[bytes]) -> str:
    """The file's content once it holds `text`; fails when the process ends or a minute passes."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        content = path.read_text(encoding="utf-8", errors="replace")
        if text in content:
            return content
        assert process.poll() is None, f"the process ended ({process.returncode}): {content}"
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never came: {path.read_text(encoding='utf-8')}")


def _wait_for_port(port: int) -> None:
    """Return once something listens on the port (up to a minute)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, f"nothing listens on {port}"
            time.sleep(0.2)


def _get(url: str) -> tuple[int, dict[str, object]]:
    """Status and JSON body of a GET, waiting (up to a minute) for the server to listen."""
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())
        except (urllib.error.URLError, ConnectionError):
            assert time.monotonic() < deadline, f"nothing answered at {url}"
            time.sleep(0.3)


@pytest.fixture(scope="module")
def migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite desk migrated by the real command, once for the module; tests copy it."""
    folder = tmp_path_factory.mktemp("migrated")
    subprocess.run([*FRONTDESK, "migrate"], env=_desk_env(folder), check=True, capture_output=True)
    return folder / "desk.sqlite3"


@pytest.fixture
def behind_by_one(migrated_file: Path, tmp_path: Path) -> Path:
    """A desk whose database lacks this code's newest journal migration, as after an upgrade."""
    shutil.copy(migrated_file, tmp_path / "desk.sqlite3")
    subprocess.run(
        [*FRONTDESK, "manage", "migrate", "journal", "0002"],
        env=_desk_env(tmp_path),
        check=True,
        capture_output=True,
    )
    return tmp_path


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
        env=_desk_env(tmp_path),
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
        env=_desk_env(behind_by_one),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "journal.0003_notice_noticeread_notice_read_by_and_more" in done.stderr
    assert "run `frontdesk migrate`" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_warns_on_missing_migrations_and_healthz_says_unmigrated(
    behind_by_one: Path,
) -> None:
    port = _free_port()
    log = behind_by_one / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*FRONTDESK, "serve", "--port", str(port)],
            env=_desk_env(behind_by_one),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        said = _wait_for_text(log, "serving on", server)
        status, body = _get(f"http://127.0.0.1:{port}/healthz")
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
            env=_desk_env(behind_by_one),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        said = _wait_for_text(log, "not applied", process)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert "journal.0003_notice_noticeread_notice_read_by_and_more" in said
    assert "run `frontdesk migrate`" in said
    assert "Traceback" not in said


def test_healthz_says_the_database_is_unreachable_once_it_is_gone(
    migrated_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "db"
    folder.mkdir()
    shutil.copy(migrated_file, folder / "desk.sqlite3")
    port = _free_port()
    env = _desk_env(folder, FRONTDESK_DATA_DIR=str(tmp_path / "data"))
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*FRONTDESK, "serve", "--port", str(port)], env=env, stdout=output, stderr=output
        )
    try:
        _wait_for_text(log, "serving on", server)
        assert _get(f"http://127.0.0.1:{port}/healthz")[0] == 200
        folder.rename(tmp_path / "moved")  # the disk the database lived on is gone
        status, body = _get(f"http://127.0.0.1:{port}/healthz")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert status == 503
    assert body["database"] == "unreachable"


def test_healthz_says_the_cache_is_unreachable_once_redis_stops(
    migrated_file: Path, tmp_path: Path
) -> None:
    shutil.copy(migrated_file, tmp_path / "desk.sqlite3")
    redis_port, port = _free_port(), _free_port()
    redis_server = str(shutil.which("redis-server"))
    cache = subprocess.Popen(
        [redis_server, "--port", str(redis_port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    env = _desk_env(tmp_path, FRONTDESK_REDIS_URL=f"redis://127.0.0.1:{redis_port}/0")
    log = tmp_path / "serve.log"
    try:
        _wait_for_port(redis_port)
        with log.open("wb") as output:
            server = subprocess.Popen(
                [*FRONTDESK, "serve", "--port", str(port)], env=env, stdout=output, stderr=output
            )
        try:
            _wait_for_text(log, "serving on", server)
            assert _get(f"http://127.0.0.1:{port}/healthz") == (
                200,
                {"status": "ok", "database": "ok", "cache": "ok"},
            )
            cache.terminate()
            cache.wait(timeout=30)
            status, body = _get(f"http://127.0.0.1:{port}/healthz")
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
    env = _desk_env(tmp_path, DATABASE_URL="postgresql://desk:hunter2-secret@127.0.0.1:1/frontdesk")
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
    nobody_listens = _free_port()
    env = _desk_env(
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
        env=_desk_env(tmp_path, DATABASE_URL=url),
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
        env=_desk_env(tmp_path, FRONTDESK_DATA_DIR=str(tmp_path / "a-file" / "data")),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "  - FRONTDESK_DATA_DIR" in done.stderr
    assert "Traceback" not in done.stderr


# --- `frontdesk run`, the newcomer's desk -------------------------------------------------------


def _run_env(folder: Path, **extra: str) -> dict[str, str]:
    env = _desk_env(folder, **extra)
    for name in ("FRONTDESK_PUBLIC_URL", "FRONTDESK_MAIL_PORT", "FRONTDESK_LOG_LEVEL"):
        if name not in extra:
            env.pop(name, None)
    return env


def _ports_for_run() -> tuple[int, int]:
    """A free web port whose mail port (moved with it) is free too."""
    while True:
        port = _free_port()
        mail_port = 2525 + port - 8000
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", mail_port)) != 0:
                return port, mail_port


def _start_run(folder: Path, *args: str, **extra: str) -> tuple[subprocess.Popen[bytes], Path]:
    log = folder / "run.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*FRONTDESK, "run", *args],
            env=_run_env(folder, **extra),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    return process, log


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    process.wait(timeout=60)


def test_run_on_a_chosen_port_moves_the_mail_port_and_the_mail_links_with_it(
    migrated_file: Path, tmp_path: Path
) -> None:
    import smtplib

    shutil.copy(migrated_file, tmp_path / "desk.sqlite3")
    port, mail_port = _ports_for_run()
    run, log = _start_run(tmp_path, "--port", str(port), "--no-demo")
    try:
        said = _wait_for_text(log, "Stop with Ctrl-C", run)
        assert _get(f"http://127.0.0.1:{port}/healthz")[0] == 200
        with smtplib.SMTP("127.0.0.1", mail_port, timeout=30) as client:
            client.sendmail(
                "mari@posti.example",
                ["help@frontdesk.example"],
                b"From: Mari <mari@posti.example>\r\nTo: help@frontdesk.example\r\n"
                b"Subject: Where is my invoice?\r\nMessage-ID: <run-port@posti.example>\r\n\r\n"
                b"I cannot find the November invoice.\r\n",
            )
        deadline = time.monotonic() + 120
        outbox = tmp_path / "data" / "outbox"
        sent = ""
        while f"http://127.0.0.1:{port}/portal/" not in sent:
            assert time.monotonic() < deadline, f"no acknowledgement with a link came: {sent}"
            time.sleep(0.5)
            sent = "".join(p.read_text(errors="replace") for p in outbox.glob("*.log"))
    finally:
        _stop(run)
    assert f"http://127.0.0.1:{port}/desk/" in said
    assert f"127.0.0.1:{mail_port}" in said
    assert "http://127.0.0.1:8000" not in said + sent


def test_run_carries_on_without_mail_when_the_mail_port_is_taken(
    migrated_file: Path, tmp_path: Path
) -> None:
    shutil.copy(migrated_file, tmp_path / "desk.sqlite3")
    port, mail_port = _ports_for_run()
    with socket.create_server(("127.0.0.1", mail_port)):  # another program has the port
        run, log = _start_run(tmp_path, "--port", str(port), "--no-demo")
        try:
            said = _wait_for_text(log, "Stop with Ctrl-C", run)
            status = _get(f"http://127.0.0.1:{port}/healthz")[0]
            still_running = run.poll() is None
        finally:
            _stop(run)
    assert f"port {mail_port} on 127.0.0.1 is taken" in said
    assert "without receiving mail" in said
    assert status == 200
    assert still_running
    assert "Traceback" not in said


def test_run_stops_with_2_when_the_web_port_is_taken(migrated_file: Path, tmp_path: Path) -> None:
    shutil.copy(migrated_file, tmp_path / "desk.sqlite3")
    port, _mail_port = _ports_for_run()
    with socket.create_server(("127.0.0.1", port)):
        done = subprocess.run(
            [*FRONTDESK, "run", "--port", str(port), "--no-demo"],
            env=_run_env(tmp_path),
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    assert done.returncode == 2
    assert f"port {port} on 127.0.0.1 is taken" in done.stderr
    assert "make run PORT=" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_serve_says_so_when_its_port_is_taken(migrated_file: Path, tmp_path: Path) -> None:
    shutil.copy(migrated_file, tmp_path / "desk.sqlite3")
    port = _free_port()
    with socket.create_server(("127.0.0.1", port)):
        done = subprocess.run(
            [*FRONTDESK, "serve", "--port", str(port)],
            env=_desk_env(tmp_path),
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo desk loaded by the real command, once for the module; tests copy it."""
    folder = tmp_path_factory.mktemp("demo")
    subprocess.run(
        [*FRONTDESK, "demo", "--customers", "8"],
        env=_desk_env(folder),
        check=True,
        capture_output=True,
    )
    return folder / "desk.sqlite3"


def _jobs_run(database: Path) -> int:
    """Background tasks the desk's worker finished, read from its database."""
    with sqlite3.connect(database) as connection:
        return int(
            connection.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult "
                "WHERE status = 'SUCCESSFUL' AND task_path LIKE '%sla_sweep'"
            ).fetchone()[0]
        )


def _run_until_the_worker_swept(folder: Path, *args: str) -> list[str]:
    """The console of `frontdesk run` until its worker's clock has run the SLA sweep once."""
    port, _mail_port = _ports_for_run()
    run, log = _start_run(folder, "--port", str(port), *args)
    try:
        _wait_for_text(log, "sam-demo", run)
        deadline = time.monotonic() + 120
        while _jobs_run(folder / "desk.sqlite3") == 0:
            assert time.monotonic() < deadline, "the worker never swept"
            time.sleep(0.5)
        time.sleep(1)  # the worker logs a job just after recording it
        return log.read_text(encoding="utf-8").splitlines()
    finally:
        _stop(run)


def test_run_is_quiet_and_prints_the_log_ins_last_with_language_and_role(
    demo_file: Path, tmp_path: Path
) -> None:
    shutil.copy(demo_file, tmp_path / "desk.sqlite3")
    console = _run_until_the_worker_swept(tmp_path)
    assert not [line for line in console if "Task id=" in line or "periodic job" in line]
    header = console.index("Demo log-ins (username, password, language, role):")
    assert console.index("Stop with Ctrl-C.") < header
    # The log-ins are the last lines: nothing the desk does afterwards scrolls them away.
    assert [line.split() for line in console[header + 1 :]] == [
        ["admin", "admin-demo", "English", "admin"],
        ["kati", "kati-demo", "Estonian", "lead"],
        ["eli", "eli-demo", "Hebrew", "agent"],
        ["anna", "anna-demo", "Hungarian", "agent"],
        ["amra", "amra-demo", "Bosnian", "agent"],
        ["sam", "sam-demo", "English", "agent"],
    ]


def test_run_verbose_shows_every_background_job(demo_file: Path, tmp_path: Path) -> None:
    shutil.copy(demo_file, tmp_path / "desk.sqlite3")
    console = _run_until_the_worker_swept(tmp_path, "-v")
    assert [line for line in console if "sla_sweep" in line and "Task id=" in line]


@pytest.mark.parametrize(
    ("web_port", "mail_port"), [(8000, 2525), (8100, 2625), (8001, 2526), (80, 2525), (3000, 2525)]
)
def test_the_mail_port_moves_with_the_web_port(web_port: int, mail_port: int) -> None:
    assert mail_port_for(web_port) == mail_port


def test_the_supervisor_carries_on_when_an_optional_process_ends_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    seen: list[set[str]] = []

    def ready(running: set[str]) -> bool:
        seen.append(running)
        return "mail" not in running

    code = supervise(
        {
            "web": [sys.executable, "-c", "import time; time.sleep(3)"],
            "mail": [sys.executable, "-c", "raise SystemExit(2)"],
        },
        optional={"mail"},
        ready=ready,
    )
    assert code == 0
    assert seen[-1] == {"web"}
    assert "frontdesk: mail stopped (exit 2); carrying on without it." in capsys.readouterr().err


def test_agent_role_changes_the_role_and_the_access_with_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["agent", "add", "mari", "--role", "admin"])
    assert main(["agent", "role", "mari", "agent"]) == 0
    mari = User.objects.get(username="mari")
    assert (mari.role, mari.is_staff, mari.is_superuser) == ("agent", False, False)
    assert "mari is now agent" in capsys.readouterr().out
    assert main(["agent", "role", "ghost", "admin"]) == 2
    assert "no agent called 'ghost'" in capsys.readouterr().err
