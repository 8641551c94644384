"""`frontdesk serve`: workers forked from one master, compressed answers, static files cached for
good, a forwarded https believed from nobody unnamed, and a clean stop on TERM."""

import gzip
import http.client
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.desks import FRONTDESK, children_of, desk_env, free_port, wait_for_text

pytestmark = pytest.mark.django_db


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _get(
    port: int, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


class Served:
    """A `frontdesk serve --workers 2` of its own: the master's process and its port."""

    def __init__(self, folder: Path, **extra: str) -> None:
        self.folder = folder
        self.port = free_port()
        self.log = folder / "serve.log"
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [*FRONTDESK, "serve", "--port", str(self.port), "--workers", "2"],
                env=desk_env(folder, **extra),
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        wait_for_text(self.log, "serving on", self.process)
        self.workers = self._both_workers()

    def _both_workers(self) -> set[int]:
        deadline = time.monotonic() + 60
        while len(workers := children_of(self.process.pid)) < 2:
            assert time.monotonic() < deadline, f"workers: {workers}"
            time.sleep(0.2)
        return workers

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=60)


@pytest.fixture(scope="module")
def served(migrated_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One served desk for the module, on https behind no named proxy (so HSTS is on)."""
    folder = tmp_path_factory.mktemp("served")
    shutil.copy(migrated_file, folder / "desk.sqlite3")
    server = Served(folder, FRONTDESK_PUBLIC_URL="https://help.example.com")
    yield server
    server.stop()


def test_serve_forks_two_workers_and_each_answers_alone(served: Served) -> None:
    assert len(served.workers) == 2
    # Held open so that no worker is the database's last connection: that one checkpoints the
    # WAL as it closes, under an exclusive lock it would keep while stopped below.
    holder = sqlite3.connect(served.folder / "desk.sqlite3")
    holder.execute("SELECT count(*) FROM django_migrations").fetchone()
    for worker in served.workers:
        others = served.workers - {worker}
        for other in others:
            os.kill(other, signal.SIGSTOP)  # only `worker` can take the connection now
        try:
            status, _headers, body = _get(served.port, "/healthz")
        finally:
            for other in others:
                os.kill(other, signal.SIGCONT)
        assert status == 200, served.log.read_text()
        assert json.loads(body)["database"] == "ok"
    holder.close()


def test_pages_and_the_api_are_gzipped_for_a_client_that_accepts_it(served: Served) -> None:
    status, headers, body = _get(served.port, "/accounts/login/", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert b"<form" in gzip.decompress(body)
    status, headers, body = _get(served.port, "/api/v1/openapi.json", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(body))["info"]["title"] == "frontdesk API"
    plain = _get(served.port, "/accounts/login/")
    assert "Content-Encoding" not in plain[1]
    assert b"<form" in plain[2]


def test_static_files_have_hashed_names_and_are_kept_for_good(served: Served) -> None:
    page = _get(served.port, "/accounts/login/")[2].decode()
    names = re.findall(r'(?:src|href)="(/static/[^"]+)"', page)
    assert "/static/frontdesk/vendor/htmx-2.0.11.min.js" not in names
    hashed = [name for name in names if re.search(r"\.[0-9a-f]{12}\.(js|css|svg)$", name)]
    assert len(hashed) == len(names) >= 3, names
    for name in hashed:
        status, headers, body = _get(served.port, name, {"Accept-Encoding": "gzip"})
        assert status == 200, name
        assert headers["Cache-Control"] == "max-age=315360000, public, immutable", name
        assert body
    htmx = next(name for name in hashed if "/htmx-" in name)
    status, headers, body = _get(served.port, htmx, {"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert b"htmx" in gzip.decompress(body)


def test_a_forwarded_https_from_a_peer_not_named_as_the_proxy_is_not_believed(
    served: Served,
) -> None:
    # HSTS is sent only on a request the desk believes came over https.
    status, headers, _body = _get(
        served.port,
        "/accounts/login/",
        {"X-Forwarded-Proto": "https", "X-Forwarded-Ssl": "on", "Host": "127.0.0.1"},
    )
    assert status == 200
    assert "Strict-Transport-Security" not in headers


def test_term_stops_the_master_and_every_worker(migrated_file: Path, tmp_path: Path) -> None:
    shutil.copy(migrated_file, tmp_path / "desk.sqlite3")
    server = Served(tmp_path)
    assert _get(server.port, "/healthz")[0] == 200
    assert server.stop() == 0
    deadline = time.monotonic() + 30
    while any(_alive(worker) for worker in server.workers):
        assert time.monotonic() < deadline, "a worker outlived its master"
        time.sleep(0.2)
    said = server.log.read_text()
    assert "Traceback" not in said
