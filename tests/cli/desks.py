"""A desk of its own for each test, run by the real `frontdesk` command."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

FRONTDESK = [sys.executable, "-m", "frontdesk"]


def desk_env(folder: Path, **extra: str) -> dict[str, str]:
    """The environment of a desk of its own in `folder`: a SQLite file and a data folder."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder}/desk.sqlite3",
        "FRONTDESK_DATA_DIR": str(folder / "data"),
        **extra,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


# How long a started desk may take to come up. The mail listener warms up triage's language
# models before it binds: seen taking 22-30 s on a machine loaded by other test runs.
STARTUP_WAIT = 180.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_text(path: Path, text: str, process: subprocess.Popen[bytes]) -> str:
    """The file's content once it holds `text`; fails when the process ends or time runs out."""
    deadline = time.monotonic() + STARTUP_WAIT
    while time.monotonic() < deadline:
        content = path.read_text(encoding="utf-8", errors="replace")
        if text in content:
            return content
        assert process.poll() is None, f"the process ended ({process.returncode}): {content}"
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never came: {path.read_text(encoding='utf-8')}")


def wait_for_port(port: int) -> None:
    """Return once something listens on the port (waiting up to `STARTUP_WAIT`)."""
    deadline = time.monotonic() + STARTUP_WAIT
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, f"nothing listens on {port}"
            time.sleep(0.2)


def get_json(url: str) -> tuple[int, dict[str, object]]:
    """Status and JSON body of a GET, waiting (up to `STARTUP_WAIT`) for the server to listen."""
    deadline = time.monotonic() + STARTUP_WAIT
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())
        except (urllib.error.URLError, ConnectionError):
            assert time.monotonic() < deadline, f"nothing answered at {url}"
            time.sleep(0.3)


def children_of(pid: int) -> set[int]:
    """The processes whose parent is `pid`, read from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        # pid (name) state ppid …: the name may hold spaces and parentheses.
        if int(status.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry.name))
    return found
