"""Kill the listener in the middle of a burst: every message that was answered 250 is stored,
and the next start files what the killed one had not."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.mail import corpus

SENDERS = 4
PER_SENDER = 60
KILL_AFTER = 40  # acknowledged messages


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the listener did not start")


def test_every_acknowledged_message_survives_a_killed_listener(tmp_path: Path) -> None:
    import smtplib

    database = tmp_path / "desk.sqlite3"
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "FRONTDESK_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "frontdesk.config.settings",
    }
    run = [sys.executable, "-m", "frontdesk"]
    subprocess.run([*run, "migrate"], env=env, check=True, capture_output=True)
    listener = subprocess.Popen(
        [*run, "mail", "listen", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    acknowledged: list[str] = []
    lock = threading.Lock()

    def burst(sender: int) -> None:
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
                for n in range(PER_SENDER):
                    message_id = f"<crash-{sender}-{n}@test.example>"
                    raw = corpus.estonian_cp1257().replace(
                        b"<et-1@posti.example>", message_id.encode()
                    )
                    # sendmail returns only when the server answered 250 (it raises otherwise).
                    client.sendmail("mari@posti.example", ["help@frontdesk.example"], raw)
                    with lock:
                        acknowledged.append(message_id)
        except (smtplib.SMTPException, OSError):
            return  # the listener was killed under us

    try:
        _wait_for(port)
        threads = [threading.Thread(target=burst, args=(s,)) for s in range(SENDERS)]
        for thread in threads:
            thread.start()
        while len(acknowledged) < KILL_AFTER and any(t.is_alive() for t in threads):
            time.sleep(0.01)
        listener.send_signal(signal.SIGKILL)
        for thread in threads:
            thread.join(timeout=30)
    finally:
        listener.kill()  # does nothing to a process that has already ended
        listener.wait(timeout=10)

    assert len(acknowledged) >= KILL_AFTER
    assert len(acknowledged) < SENDERS * PER_SENDER  # it really died mid-burst
    with sqlite3.connect(database) as connection:
        stored = [bytes(row[0]) for row in connection.execute("SELECT raw FROM mail_inboundmail")]
    missing = [mid for mid in acknowledged if not any(mid.encode() in raw for raw in stored)]
    assert missing == []

    # Started again, the listener first files what the killed one stored but never filed.
    restarted = subprocess.Popen(
        [*run, "mail", "listen", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port)
    finally:
        restarted.terminate()
        restarted.wait(timeout=30)
    with sqlite3.connect(database) as connection:
        states = dict(connection.execute("SELECT state, COUNT(*) FROM mail_inboundmail GROUP BY 1"))
        filed = connection.execute("SELECT COUNT(*) FROM tickets_message WHERE direction = 'in'")
        messages_in = filed.fetchone()[0]
    assert set(states) == {"processed"}
    assert messages_in == states["processed"]
