"""The database gone for some seconds while contacts arrive, on a real desk: `frontdesk serve` and
`frontdesk mail listen` reach PostgreSQL through a TCP relay the test cuts and restores.

While it is cut, the web form answers 503 with "Send again" holding what was typed, the API
answers 503 `{"detail": …}`, incoming mail is answered 451 (the sender's server retries), and
nothing is half-written. After it is back, the form sent again and the mail sent again each
make exactly one ticket.
"""

from __future__ import annotations

import contextlib
import html
import http.cookiejar
import re
import smtplib
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TypeVar

import psycopg
import pytest

from tests.cli.desks import FRONTDESK, desk_env, free_port, wait_for_port

T = TypeVar("T", bound=tuple[Any, ...])
SERVER = ("127.0.0.1", 5432)
ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


class Relay:
    """A TCP relay to PostgreSQL that can be cut (every connection dropped, new ones refused at
    once) and restored, as a database restarting or a network partition looks to the desk."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.cut_now = threading.Event()
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.cut_now.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(SERVER)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.pairs.append((client, upstream))
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, target), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, target):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.cut_now.set()
        with self.lock:
            pairs, self.pairs = self.pairs, []
        for pair in pairs:
            for end in pair:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()

    def restore(self) -> None:
        self.cut_now.clear()

    def close(self) -> None:
        self.cut()
        self.listener.close()


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[dict[str, object]]:
    database = f"frontdesk_outage_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    relay = Relay()
    direct = f"postgresql://postgres@127.0.0.1:5432/{database}"
    env = desk_env(tmp_path, DATABASE_URL=direct, FRONTDESK_INTAKE_RATE="1000/h")
    processes: list[subprocess.Popen[bytes]] = []
    try:
        subprocess.run([*FRONTDESK, "migrate"], env=env, check=True, capture_output=True)
        subprocess.run(
            [*FRONTDESK, "agent", "add", "lead", "--role", "lead"],
            env=env,
            check=True,
            capture_output=True,
        )
        token = subprocess.run(
            [*FRONTDESK, "token", "create", "lead", "--scope", "write"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        relayed = {
            **env,
            "DATABASE_URL": f"postgresql://postgres@127.0.0.1:{relay.port}/{database}",
        }
        web, mail = free_port(), free_port()
        for command, name in (
            (["serve", "--port", str(web)], "serve"),
            (["mail", "listen", "--port", str(mail)], "mail"),
        ):
            processes.append(
                subprocess.Popen(
                    [*FRONTDESK, *command],
                    env=relayed,
                    stdout=(tmp_path / f"{name}.log").open("wb"),
                    stderr=subprocess.STDOUT,
                )
            )
        wait_for_port(web)
        wait_for_port(mail)
        yield {"web": web, "mail": mail, "relay": relay, "token": token, "direct": direct}
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        relay.close()
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def browser() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
        urllib.request.HTTPErrorProcessor(),
    )


def fetch(
    opener: urllib.request.OpenerDirector,
    url: str,
    data: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def mail(port: int, subject: str) -> tuple[int, str]:
    """Send one message; the listener's answer to its DATA."""
    message = EmailMessage()
    message["From"] = "Anna Kovacs <anna@example.hu>"
    message["To"] = "help@example.com"
    message["Subject"] = subject
    message["Message-ID"] = f"<{uuid.uuid4().hex}@example.hu>"
    message.set_content("A nyomtató nem működik.")
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        try:
            client.send_message(message)
        except smtplib.SMTPDataError as error:
            return error.smtp_code, str(error.smtp_error)
    return 250, "sent"


def rows(direct: str, sql: str) -> list[tuple[object, ...]]:
    with psycopg.connect(direct) as connection:
        return connection.execute(sql).fetchall()


def test_the_desk_says_try_again_and_loses_nothing_while_the_database_is_gone(
    desk: dict[str, object],
) -> None:
    base = f"http://127.0.0.1:{desk['web']}"
    relay = desk["relay"]
    assert isinstance(relay, Relay)
    opener = browser()
    status, _, page = fetch(opener, base + "/")
    assert status == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    form = {
        "csrfmiddlewaretoken": token.group(1),
        "name": "Mari Tamm",
        "email": "mari@example.ee",
        "subject": "Arve on vale",
        "body": "Tere! Arvel on vale summa, palun vaadake üle.",
    }
    api = {"Authorization": f"Bearer {desk['token']}"}

    relay.cut()
    status, headers, page = fetch(opener, base + "/", form, {"Referer": base + "/"})
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Send again" in page
    # What was typed is on the page, ready to be sent again.
    hidden = re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', page)
    kept = {html.unescape(name): html.unescape(value) for name, value in hidden}
    assert kept == form
    status, headers, text = fetch(opener, base + "/api/v1/tickets", headers=api)
    assert status == 503
    assert '"detail"' in text
    assert headers["Retry-After"] == "30"
    mail_port = int(str(desk["mail"]))
    code, answer = mail(mail_port, "Nyomtató")
    assert 400 <= code < 500, answer  # the sender's server keeps it and tries again
    time.sleep(2)  # the database stays away a little longer

    relay.restore()
    direct = str(desk["direct"])
    assert rows(direct, "SELECT count(*) FROM tickets_ticket") == [(0,)]
    assert rows(direct, "SELECT count(*) FROM customers_customer") == [(0,)]
    assert rows(direct, "SELECT count(*) FROM mail_inboundmail") == [(0,)]

    status, _, page = _until_answered(
        lambda: fetch(opener, base + "/", kept, {"Referer": base + "/"})
    )
    assert status == 200, page
    code, answer = _until_answered(lambda: mail(mail_port, "Nyomtató"))
    assert code == 250, answer
    status, _, text = fetch(opener, base + "/api/v1/tickets", headers=api)
    assert status == 200
    # The mail is stored when the listener answers 250 and filed a moment later.
    deadline = time.monotonic() + 60
    while len(subjects := _subjects(direct)) < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert subjects == ["Arve on vale", "Nyomtató"]
    assert rows(direct, "SELECT count(*) FROM mail_inboundmail") == [(1,)]


def _subjects(direct: str) -> list[str]:
    return sorted(str(subject) for (subject,) in rows(direct, "SELECT subject FROM tickets_ticket"))


def _until_answered(call: Callable[[], T]) -> T:
    """The first answer that is not "try again" (the desk reconnects on the next request)."""
    deadline = time.monotonic() + 60
    while True:
        answer = call()
        if answer[0] not in (503, 451) or time.monotonic() > deadline:
            return answer
        time.sleep(1)
