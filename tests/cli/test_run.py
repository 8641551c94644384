import random
import shutil
import socket
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from frontdesk.cli import mail_port_for
from tests.cli.desks import FRONTDESK, children_of, desk_env, get_json, wait_for_text

pytestmark = pytest.mark.django_db


def _run_env(folder: Path, **extra: str) -> dict[str, str]:
    env = desk_env(folder, **extra)
    for name in ("FRONTDESK_PUBLIC_URL", "FRONTDESK_MAIL_PORT", "FRONTDESK_LOG_LEVEL"):
        if name not in extra:
            env.pop(name, None)
    return env


def _bindable(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _ports_for_run() -> tuple[int, int]:
    """A free web port whose mail port (moved with it) is free too.

    Both come from below the kernel's ephemeral range (32768 and up here), so no outgoing
    connection of a parallel test — to PostgreSQL, to another desk — takes the mail port between
    this check and the listener binding it; the other xdist worker picks at random too.
    """
    chooser = random.Random()
    while True:
        port = chooser.randrange(20000, 30000)
        mail_port = mail_port_for(port)
        if _bindable(port) and _bindable(mail_port):
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
        said = wait_for_text(log, "Stop with Ctrl-C", run)
        assert get_json(f"http://127.0.0.1:{port}/healthz")[0] == 200
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
            said = wait_for_text(log, "Stop with Ctrl-C", run)
            status = get_json(f"http://127.0.0.1:{port}/healthz")[0]
            still_running = run.poll() is None
            web = [
                child
                for child in children_of(run.pid)
                if " serve " in Path(f"/proc/{child}/cmdline").read_text().replace("\0", " ")
            ]
            web_workers = children_of(web[0]) if web else set()
        finally:
            _stop(run)
        left = [worker for worker in web_workers if Path(f"/proc/{worker}").exists()]
    assert f"port {mail_port} on 127.0.0.1 is taken" in said
    assert "without receiving mail" in said
    assert status == 200
    assert still_running
    assert len(web) == 1
    assert len(web_workers) == 2  # `run` serves with two worker processes
    assert not left  # and stopping `run` stops them
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


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo desk loaded by the real command, once for the module; tests copy it."""
    folder = tmp_path_factory.mktemp("demo")
    subprocess.run(
        [*FRONTDESK, "demo", "--customers", "8"],
        env=desk_env(folder),
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
        wait_for_text(log, "sam-demo", run)
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
