"""What the benchmarks share: printing a table, and a fresh PostgreSQL database to measure on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from typing import Any


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    """Print a titled table with aligned columns."""
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    for line in [header, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)))


def postgres_fresh(server_url: str, name: str) -> str:
    """Drop and create database `name` on the server; its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name


def measure_in_child(script: str, url: str, arguments: list[str]) -> list[dict[str, object]]:
    """Run `script --child URL arguments…` with DATABASE_URL naming `url` (`sqlite`: a fresh file
    in a temporary folder, which also holds the desk's data) and read the JSON list it prints
    last."""
    env = {**os.environ, "DATABASE_URL": url}
    with tempfile.TemporaryDirectory() as data:
        env["FRONTDESK_DATA_DIR"] = data
        if url.startswith("sqlite"):
            env["DATABASE_URL"] = f"sqlite:///{data}/bench.sqlite3"
        done = subprocess.run(  # noqa: S603 - our own script, our own arguments
            [sys.executable, script, "--child", env["DATABASE_URL"], *arguments],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode:
        raise SystemExit(done.stderr)
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def process_stop(
    process: subprocess.Popen[Any], *, how: int = signal.SIGTERM, seconds: float = 60
) -> None:
    """Stop a server the bench started: the signal `how`, then a kill after `seconds`."""
    if process.poll() is not None:
        return
    process.send_signal(how)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
