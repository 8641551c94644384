"""Several machines on one desk: web processes and workers started as an operator starts them,
against one fresh PostgreSQL database, with an SMTP sink as their relay. Used by
tests/cluster/test_cluster.py and bench/cluster_bench.py."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import psycopg
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

FRONTDESK = [sys.executable, "-m", "frontdesk"]
START_WAIT = 120.0


class Sink:
    """The relay: keeps every message it is handed, with its Message-ID and subject."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.messages: list[tuple[str, str, str]] = []  # (Message-ID, To, Subject)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert envelope.original_content is not None
        mail = message_from_bytes(envelope.original_content, policy=default_policy)
        with self.lock:
            self.messages.append((str(mail["Message-ID"]), str(mail["To"]), str(mail["Subject"])))
        return "250 OK"

    def snapshot(self) -> list[tuple[str, str, str]]:
        with self.lock:
            return list(self.messages)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """The running desk: its web ports, workers, relay, database and an admin's token."""

    database_url: str
    folder: Path
    sink: Sink
    env: dict[str, str]
    web_ports: list[int] = field(default_factory=list)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def run(self, *args: str) -> str:
        """Run a `frontdesk` command to its end; its standard output."""
        done = subprocess.run(
            [*FRONTDESK, *args], env=self.env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def shell(self, code: str) -> str:
        return self.run("manage", "shell", "-c", code)

    def start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        log = (self.folder / f"{name}.log").open("wb")
        process = subprocess.Popen(
            [*FRONTDESK, *args], env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        self.processes[name] = process
        return process

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(encoding="utf-8", errors="replace")

    def serve(self, count: int) -> None:
        for n in range(count):
            port = free_port()
            self.start(f"web{n}", "serve", "--port", str(port), "--threads", "8")
            self.web_ports.append(port)
        for port in self.web_ports:
            deadline = time.monotonic() + START_WAIT
            while time.monotonic() < deadline:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10)
                    break
                except urllib.error.HTTPError:
                    break  # answering (a 503 says the workers are not up yet)
                except OSError:
                    time.sleep(0.3)
            else:
                raise AssertionError(f"web on {port} never answered")

    def work(self, count: int) -> None:
        for n in range(count):
            self.start(f"worker{n}", "worker", "--interval", "0.2")

    def sql(self, query: str, *params: object) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.database_url, autocommit=True) as connection:
            cursor = connection.execute(query, params)
            return cursor.fetchall() if cursor.description else []

    def api(
        self, method: str, path: str, token: str, body: object = None, port: int | None = None
    ) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"http://127.0.0.1:{port or self.web_ports[0]}{path}",
            data=data,
            method=method,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        try:
            # Generous: a web process's first create loads triage's model.
            with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            raw = error.read()
            return error.code, json.loads(raw) if raw else None

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until(check: Any, *, seconds: float, every: float = 0.5) -> Any:
    """Call `check` until it answers something true; that answer, or None when time ran out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answer = check()
        if answer:
            return answer
        time.sleep(every)
    return None


@contextmanager
def cluster(server_url: str, folder: Path) -> Iterator[Cluster]:
    """A migrated desk on a fresh database of the PostgreSQL server at `server_url`, with an
    SMTP sink as its relay; processes are started by the caller and stopped on leaving."""
    name = f"frontdesk_cluster_{secrets.token_hex(4)}"
    base = server_url.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    sink = Sink()
    relay = Controller(sink, hostname="127.0.0.1", port=free_port())
    relay.start()
    database_url = f"{base}/{name}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "FRONTDESK_DATA_DIR": str(folder / "data"),
        "FRONTDESK_SECRET_KEY": "cluster-test-secret-key-that-is-long-enough-0123456789",
        "FRONTDESK_SMTP_HOST": "127.0.0.1",
        "FRONTDESK_SMTP_PORT": str(relay.port),
        "FRONTDESK_WORKER_BEAT_SECONDS": "1",
        "FRONTDESK_TEST_TASKS": "1",
        "FRONTDESK_INTAKE_RATE": "100000/h",
        "FRONTDESK_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    desk = Cluster(database_url=database_url, folder=folder, sink=sink, env=env)
    try:
        desk.run("migrate", "--verbosity", "0")
        yield desk
    finally:
        desk.stop()
        relay.stop()
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def agent_with_token(desk: Cluster, username: str, *, role: str, scope: str) -> str:
    """Add an agent (leads get an address, for escalations) and print a token of theirs."""
    email = f"{username}@desk.example" if role != "agent" else ""
    desk.run(
        "agent", "add", username, "--role", role, "--password", secrets.token_hex(12),
        "--email", email,
    )  # fmt: skip
    return desk.run("token", "create", username, "--scope", scope).strip().splitlines()[-1]


def tickets_create(desk: Cluster, token: str, count: int, *, tag: str) -> list[str]:
    """Open `count` tickets through the API, spread over every web process, 8 at a time; their
    references."""
    references: list[str] = []
    failures: list[object] = []
    lock = threading.Lock()
    numbers = iter(range(count))

    def create() -> None:
        for n in numbers:
            status, body = desk.api(
                "POST",
                "/api/v1/tickets",
                token,
                {
                    "customer": {"name": f"Customer {tag}{n}", "email": f"c{tag}{n}@example.com"},
                    "channel": "web",
                    "subject": f"Question {tag}{n}",
                    "body": "How do I export last month's invoices as a spreadsheet?",
                },
                port=desk.web_ports[n % len(desk.web_ports)],
            )
            with lock:
                (references.append(body["reference"]) if status == 201 else failures.append(body))

    threads = [threading.Thread(target=create) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures[:3]
    return references


def mails_for(desk: Cluster, references: list[str], words: str) -> dict[str, int]:
    """How many mails the relay took whose subject has `words` and each reference."""
    counts = dict.fromkeys(references, 0)
    for _message_id, _to, subject in desk.sink.snapshot():
        if words in subject:
            for reference in references:
                if f"{reference}]" in subject or f"{reference} " in subject:
                    counts[reference] += 1
    return counts


def take_next_race(desk: Cluster, tokens: list[str], *, calls: int) -> list[int]:
    """Every agent's take-next called at once, `calls` times in all over every web process; the
    ids of the tickets handed out, in any order."""
    for token in tokens:  # an agent takes written work only when available
        assert desk.api("POST", "/api/v1/presence", token, {"state": "available"})[0] == 200
    taken: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(len(tokens) * 2)

    def take(token: str, port: int) -> None:
        start.wait()
        for _ in range(calls // (len(tokens) * 2)):
            status, body = desk.api("POST", "/api/v1/queue/next", token, port=port)
            if status == 200:
                with lock:
                    taken.append(body["ticket"]["id"])

    threads = [
        threading.Thread(target=take, args=(token, port))
        for token in tokens
        for port in desk.web_ports[:2]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return taken


def drill_kill_worker(desk: Cluster, *, seconds: float) -> dict[str, Any]:
    """Queue a slow drill task, SIGKILL the worker that runs it, and wait for another to finish
    it: who ran it and how long recovery took."""
    task_id = (
        desk.shell(
            "from frontdesk.periodic.drills import drill_sleep; "
            f"print(drill_sleep.enqueue({seconds}).id)"
        )
        .strip()
        .splitlines()[-1]
    )
    table = "django_tasks_database_dbtaskresult"
    claimed = wait_until(
        lambda: desk.sql(
            f"SELECT worker_ids FROM {table} WHERE id = %s AND status = 'RUNNING'",  # noqa: S608
            task_id,
        ),
        seconds=60,
    )
    assert claimed, "no worker took the drill task"
    victim_id = claimed[0][0][-1]
    [(pid,)] = desk.sql("SELECT pid FROM periodic_workerheartbeat WHERE worker_id = %s", victim_id)
    killed_at = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    finished = wait_until(
        lambda: desk.sql(
            f"SELECT status, worker_ids, return_value FROM {table} "  # noqa: S608
            "WHERE id = %s AND status IN ('SUCCESSFUL', 'FAILED')",
            task_id,
        ),
        seconds=90,
    )
    assert finished, "nobody finished the drill task after its worker was killed"
    status, worker_ids, pid_done = finished[0]
    return {
        "status": status,
        "worker_ids": worker_ids,
        "killed_pid": pid,
        "finished_pid": pid_done,
        "seconds_to_finish_after_kill": round(time.monotonic() - killed_at, 1),
    }


def acknowledgements_queue_twice(desk: Cluster) -> None:
    """Queue every ticket's acknowledgement twice, as a duplicate job or a rerun would (tickets
    made through the API are not acknowledged by themselves)."""
    desk.shell(
        "from frontdesk.tickets.models import Ticket; "
        "from frontdesk.tickets.tasks import acknowledgement_send; "
        "[acknowledgement_send.enqueue(pk) for pk in Ticket.objects.values_list('pk', flat=True) "
        "for _ in range(2)]"
    )


BREACHING_TICKETS = 3


def desk_staffed(desk: Cluster) -> tuple[str, list[str], list[str]]:
    """An admin, a lead, four agents with tokens, both web processes up, and three tickets
    already past their first-response due (so the SLA sweep breaches them): the admin, the
    agents, the late tickets' references. The test and the bench start from the same desk."""
    admin = agent_with_token(desk, "ada", role="admin", scope="admin")
    agent_with_token(desk, "lea", role="lead", scope="read")
    agents = [agent_with_token(desk, f"agent{n}", role="agent", scope="write") for n in range(4)]
    desk.serve(2)
    late = tickets_create(desk, admin, BREACHING_TICKETS, tag="s")
    desk.sql(
        "UPDATE tickets_ticket SET first_response_due = now() - interval '1 minute' "
        "WHERE reference = ANY(%s)",
        late,
    )
    return admin, agents, late
