"""Two listener processes on one PostgreSQL database, over real SMTP: every message is filed
exactly once, and a sender's reply, sent after its original, lands on the original's ticket.
PostgreSQL only (marker `cluster`: `make test`'s PostgreSQL pass runs it, the SQLite pass leaves
it out); run alone on a SQLite desk it fails saying why, never skips."""

from __future__ import annotations

import os
import signal
import smtplib
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from tests.mail import corpus

DATABASE_URL = os.environ.get("DATABASE_URL", "")
SENDERS = 8
ROUNDS = 3  # each sender's original and its reply, this many times

pytestmark = pytest.mark.cluster


@contextmanager
def _listening(folder: Path) -> Iterator[tuple[int, str]]:
    """`frontdesk mail listen --processes 2` on a fresh database: its port and database URL."""
    base = DATABASE_URL.rsplit("/", 1)[0]
    name = f"frontdesk_mail_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = f"{base}/{name}"
    env = {**os.environ, "DATABASE_URL": url, "FRONTDESK_DATA_DIR": str(folder)}
    run = [sys.executable, "-m", "frontdesk"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    listener = None
    try:
        subprocess.run([*run, "migrate"], env=env, check=True, capture_output=True)
        listener = subprocess.Popen(
            [*run, "mail", "listen", "--port", str(port), "--processes", "2"],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert listener.stdout is not None
        serving = 0
        while serving < 2:  # each process says so once it accepts
            line = listener.stdout.readline()
            assert line, "the listener ended before it served"
            serving += "SMTP on" in line
        yield port, url
    finally:
        if listener is not None:
            listener.send_signal(signal.SIGTERM)
            listener.wait(timeout=60)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _deliver(port: int, sender: int) -> None:
    address = f"customer{sender}@example.com"
    for round_ in range(ROUNDS):
        original = f"<o-{sender}-{round_}@example.com>"
        raws = [
            corpus.plain(
                sender=f"Customer {sender} <{address}>",
                subject=f"Question {sender}.{round_}",
                message_id=original,
            ),
            corpus.plain(
                sender=f"Customer {sender} <{address}>",
                subject=f"Re: Question {sender}.{round_}",
                message_id=f"<r-{sender}-{round_}@example.com>",
                extra=(("In-Reply-To", original),),
            ),
        ]
        for raw in raws:  # a connection each, as an MTA's queue runs open them
            with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
                client.sendmail(address, ["help@frontdesk.example"], raw)


def test_two_listener_processes_file_every_message_once_and_in_order(tmp_path: Path) -> None:
    assert DATABASE_URL.startswith(("postgres://", "postgresql://")), (
        "several listener processes share a PostgreSQL database: set DATABASE_URL to one"
    )
    expected = SENDERS * ROUNDS * 2
    with _listening(tmp_path) as (port, url):
        senders = [threading.Thread(target=_deliver, args=(port, s)) for s in range(SENDERS)]
        for sending in senders:
            sending.start()
        for sending in senders:
            sending.join(timeout=300)
        with psycopg.connect(url) as connection:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                states: dict[str, int] = dict(
                    connection.execute(
                        "SELECT state, COUNT(*) FROM mail_inboundmail GROUP BY state"
                    ).fetchall()
                )
                if sum(states.values()) == expected and "received" not in states:
                    break
                time.sleep(0.2)
            filed = connection.execute(
                "SELECT message_id, ticket_id FROM tickets_message WHERE direction = 'in'"
            ).fetchall()

    assert states == {"processed": expected}
    assert len(filed) == expected
    tickets: dict[str, int] = dict(filed)
    assert len(tickets) == expected  # no Message-ID filed twice
    replies_elsewhere = [
        message_id
        for message_id, ticket in tickets.items()
        if message_id.startswith("<r-") and tickets[message_id.replace("<r-", "<o-")] != ticket
    ]
    assert replies_elsewhere == []
