"""Fuzz the API from its own OpenAPI document with schemathesis, as a lead's admin-scope token.

Makes a throwaway demo desk (SQLite in a temporary folder), starts `frontdesk serve` on it, and
runs `st run … --checks all` over every operation: generated valid and invalid requests, each
answer checked against the document (status code declared, body matching its schema, no server
error, content type, headers). Prints the figures the issue asks for: requests sent, server
errors, schema violations, undeclared status codes, per check.

    .venv/bin/python bench/fuzz_api.py [--max-examples 60] [--seed 19] [--keep DIR]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def frontdesk(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603 (our own command)
        [str(BIN / "frontdesk"), *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"frontdesk {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"frontdesk serve ended ({process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (our own local desk)
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} never answered")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=60, help="examples per operation")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--workers", default="2")
    parser.add_argument("--keep", type=Path, help="keep the desk and reports in this folder")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="frontdesk-fuzz-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder}/desk.sqlite3",
        "FRONTDESK_DATA_DIR": str(folder / "data"),
        # The fuzzer creates thousands of tickets; the public form's limit is not under test.
        "FRONTDESK_INTAKE_RATE": "100000/h",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    frontdesk(env, "demo", "--customers", "40")
    token = frontdesk(env, "token", "create", "admin", "--scope", "admin", "--name", "fuzz").strip()
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [str(BIN / "frontdesk"), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(folder / "serve.log").open("wb"),
    )
    reports = folder / "reports"
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/healthz", server)
        started = time.monotonic()
        run = subprocess.run(  # noqa: S603
            [
                str(BIN / "st"),
                "--no-color",
                "run",
                f"{base}/api/v1/openapi.json",
                "--header",
                f"Authorization: Bearer {token}",
                "--checks",
                "all",
                "--max-examples",
                str(args.max_examples),
                "--seed",
                str(args.seed),
                "--workers",
                args.workers,
                "--continue-on-failure",
                "--report",
                "ndjson,junit",
                "--report-dir",
                str(reports),
            ],
            env=env,
            cwd=folder,  # schemathesis keeps its cache in the folder it runs in
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    (folder / "schemathesis.txt").write_text(run.stdout + run.stderr)
    figures = summarise(reports, run.stdout)
    print(f"schemathesis {version()} over {base}/api/v1/openapi.json, admin-scope token")
    print(f"seconds {seconds:.0f}, max examples per operation {args.max_examples}")
    for name, value in figures.items():
        print(f"{name:<32} {value}")
    print(run.stdout[-3000:])
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    else:
        print(f"desk, server log and reports kept in {folder}")
    return 0


def version() -> str:
    from importlib.metadata import version as package_version

    return package_version("schemathesis")


def summarise(reports: Path, printed: str) -> dict[str, object]:
    """Requests and statuses from the run's NDJSON events; unique failures per check and the
    errors as schemathesis's summary prints them."""
    statuses: collections.Counter[int] = collections.Counter()
    failures: collections.Counter[str] = collections.Counter()
    operations: set[str] = set()
    for path in reports.glob("*.ndjson"):
        for line in path.read_text().splitlines():
            event = json.loads(line)
            walk(event, statuses, failures, operations)
    summary = printed.rsplit("SUMMARY", 1)[-1]
    checks = dict(re.findall(r"❌ (ST\d+ [^:\n]+): (\d+)", summary))
    errors = dict(re.findall(r"🚫 ([^:\n]+): (\d+)", summary))
    return {
        "operations": len(operations),
        "requests": sum(statuses.values()),
        "server errors (5xx)": sum(n for code, n in statuses.items() if code >= 500),
        "statuses": dict(sorted(statuses.items())),
        "unique failures by check": {name: int(n) for name, n in checks.items()},
        "errors (not the API's answers)": {name: int(n) for name, n in errors.items()},
    }


def walk(
    node: object,
    statuses: collections.Counter[int],
    failures: collections.Counter[str],
    operations: set[str],
) -> None:
    """Count every response and every failed check anywhere in an event."""
    if isinstance(node, dict):
        response = node.get("response")
        if isinstance(response, dict) and isinstance(response.get("status_code"), int):
            statuses[response["status_code"]] += 1
        if node.get("status") == "FAILURE" and isinstance(node.get("name"), str):
            failures[node["name"]] += 1
        label = node.get("label")
        if isinstance(label, str) and label.split(" ", 1)[0].isupper():
            operations.add(label)
        for value in node.values():
            walk(value, statuses, failures, operations)
    elif isinstance(node, list):
        for value in node:
            walk(value, statuses, failures, operations)


if __name__ == "__main__":
    sys.exit(main())
