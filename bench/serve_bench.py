"""`frontdesk serve` against the web servers it was chosen over: API creates and lists with 1 and 8
clients, and the memory of every process, on a filled SQLite desk. Prints tables and one JSON line.

Run: .venv/bin/python bench/serve_bench.py [--tickets 2000] [--requests 240] [--clients 1,8]
     [--workers 2] [--servers frontdesk,waitress,gunicorn-sync,granian]

Servers, each on its own copy of the same filled desk, one after the other:
- frontdesk: `frontdesk serve --workers W` as shipped, gunicorn with threaded (gthread) workers
  forked from a master that loaded and warmed the desk (its --threads unless --threads is given);
- waitress: one process with 8 threads, as `frontdesk serve` was before;
- gunicorn-sync: gunicorn forking W single-threaded workers from the same warmed master;
- granian: W processes with 8 blocking threads each, each loading the desk itself.
Before the figures, each server answers a few creates from every client (so a lazy load is not
counted). Each client is a thread with its own kept-alive connection (http.client). Memory is
every process of the server (VmRSS; and PSS, from smaps_rollup, which splits the pages processes
share among them), once warmed and again after the load. The clients run on the same machine:
with 2 cores they take CPU from the servers, so compare servers with each other, run by run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from common import process_stop, table

HERE = Path(__file__).resolve().parent
FRONTDESK = [sys.executable, "-m", "frontdesk"]
SERVERS = ("frontdesk", "waitress", "gunicorn-sync", "granian")
# Opening lines in the desk's languages, so triage reads more than one.
BODIES = (
    "How do I export last month's invoices as a spreadsheet?",
    "Kuidas saan eelmise kuu arved tabelina alla laadida?",
    "Hogyan tudom letölteni a múlt havi számlákat táblázatként?",
    "איך אני מוריד את החשבוניות של החודש שעבר כגיליון?",
    "Kako mogu preuzeti račune za prošli mjesec kao tabelu?",
)


# The desk.


def fill_child(tickets: int) -> None:
    """Inside a process set up for the desk: `tickets` tickets of 500 customers, bulk-made."""
    import random

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
    django.setup()
    from django.utils import timezone

    from frontdesk.customers.models import Customer
    from frontdesk.tickets.models import Ticket

    rng = random.Random(7)  # noqa: S311 - reproducible data, not secrets
    customers = Customer.objects.bulk_create(
        Customer(name=f"Customer {n}", search_text=f"customer {n}") for n in range(500)
    )
    now = timezone.now()
    Ticket.objects.bulk_create(
        (
            Ticket(
                reference=f"S{n:08d}",
                customer=rng.choice(customers),
                subject=f"Question {n}",
                channel="email",
                status=rng.choice(["new", "open"]),
                level=rng.choice([1, 2, 3, 4]),
                created_at=now,
                queue_since=now,
            )
            for n in range(tickets)
        ),
        batch_size=2000,
    )


def desk_make(folder: Path, tickets: int) -> tuple[dict[str, str], str]:
    """A migrated desk with an admin, their write token and `tickets` tickets: (env, token)."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder}/desk.sqlite3",
        "FRONTDESK_DATA_DIR": str(folder / "data"),
        "FRONTDESK_LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)

    def run(*args: str) -> str:
        done = subprocess.run(  # noqa: S603 - our own command
            [*FRONTDESK, *args], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    run("migrate", "--verbosity", "0")
    run("agent", "add", "bench", "--role", "admin", "--password", "bench-password-7")
    token = run("token", "create", "bench", "--scope", "write").strip().splitlines()[-1]
    subprocess.run(  # noqa: S603 - this same script
        [sys.executable, __file__, "--fill-child", str(tickets)], env=env, check=True
    )
    return env, token


# The servers.


def server_child(kind: str, port: int, workers: int, threads: int) -> None:
    """Inside a process set up for the desk: serve it with waitress or gunicorn's sync workers,
    warmed the way `frontdesk serve` warms (granian loads the desk itself, in each worker)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
    django.setup()
    from frontdesk.config.webserver import (
        DeskServer,
        before_fork,
        listening_socket,
        web_warm_up,
    )
    from frontdesk.config.wsgi import application

    web_warm_up()
    before_fork()
    if kind == "waitress":
        import waitress

        server = waitress.create_server(application, host="127.0.0.1", port=port, threads=threads)
        print("serving", flush=True)
        server.run()
        return
    desk = DeskServer(
        application,
        listening=listening_socket("127.0.0.1", port),
        workers=workers,
        threads=1,
        ready=lambda _port: print("serving", flush=True),
    )
    desk.cfg.set("worker_class", "sync")
    desk.run()


def server_start(
    kind: str, env: dict[str, str], port: int, workers: int, threads: int | None, log: Path
) -> subprocess.Popen[bytes]:
    """Start one server on the port, its output into `log`; it answers once `/healthz` does."""
    if kind == "frontdesk":
        command = [*FRONTDESK, "serve", "--port", str(port), "--workers", str(workers)]
        command += ["--threads", str(threads)] if threads else []
    elif kind == "granian":
        command = [
            *(sys.executable, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1"),
            *("--port", str(port), "--workers", str(workers)),
            *("--blocking-threads", str(threads or 8), "--log-level", "warning"),
            "frontdesk.config.wsgi:application",
        ]
        env = {**env, "DJANGO_SETTINGS_MODULE": "frontdesk.config.settings"}
    else:
        command = [sys.executable, __file__, "--server-child", kind, "--port", str(port)]
        command += ["--workers", str(workers), "--threads", str(threads or 8)]
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own commands
            command, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 300
    while True:
        try:
            status = request(http.client.HTTPConnection("127.0.0.1", port, timeout=60), "GET")[0]
            if status == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            said = log.read_text(errors="replace")[-3000:]
            raise SystemExit(f"{kind} did not start (exit {process.returncode}):\n{said}")
        time.sleep(0.5)


def process_tree(pid: int) -> list[int]:
    """The process and its descendants, parents first."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, waiting = [], [pid]
    while waiting:
        current = waiting.pop(0)
        tree.append(current)
        waiting += sorted(parents.get(current, []))
    return tree


def memory(pid: int) -> list[dict[str, float]]:
    """VmRSS and PSS in MB of each process of the server's tree."""
    found = []
    for member in process_tree(pid):
        try:
            status = Path(f"/proc/{member}/status").read_text()
            rollup = Path(f"/proc/{member}/smaps_rollup").read_text()
        except OSError:
            continue

        def kilobytes(text: str, field: str) -> float:
            line = next(line for line in text.splitlines() if line.startswith(field))
            return float(line.split()[1])

        found.append(
            {
                "pid": member,
                "rss_mb": round(kilobytes(status, "VmRSS:") / 1024, 1),
                "pss_mb": round(kilobytes(rollup, "Pss:") / 1024, 1),
            }
        )
    return found


# The load.


def request(
    connection: http.client.HTTPConnection,
    method: str,
    path: str = "/healthz",
    token: str = "",
    body: object = None,
) -> tuple[int, bytes]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=data, headers=headers)
    answer = connection.getresponse()
    return answer.status, answer.read()


def drive(
    port: int, clients: int, requests: int, ask: Callable[[http.client.HTTPConnection, int], int]
) -> dict[str, float]:
    """`requests` calls of `ask` shared by `clients` threads at once: req/s, p50 and p99 in ms,
    and how many failed."""
    numbers = iter(range(requests))
    lock = threading.Lock()
    timings: list[float] = []
    failures: list[int] = []
    start = threading.Barrier(clients + 1)

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        start.wait()
        while True:
            with lock:
                number = next(numbers, None)
            if number is None:
                break
            began = time.perf_counter()
            status = ask(connection, number)
            took = (time.perf_counter() - began) * 1000
            with lock:
                timings.append(took)
                if status >= 300:
                    failures.append(status)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    timings.sort()
    return {
        # Failed calls count in the rate and the times too (on SQLite, a 503 is a write that
        # waited past the lock's 20 s), and are named beside them.
        "failed": len(failures),
        "req_s": round(len(timings) / seconds, 1),
        "p50_ms": round(statistics.median(timings), 1),
        "p99_ms": round(timings[max(0, int(len(timings) * 0.99) - 1)], 1),
    }


def measure(kind: str, template: Path, token: str, args: argparse.Namespace) -> dict[str, object]:
    """One server on a copy of the desk: its figures per client count and operation, and the
    memory of its processes warmed and after the load."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(template, folder, dirs_exist_ok=True)
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{folder}/desk.sqlite3",
            "FRONTDESK_DATA_DIR": f"{folder}/data",
            "FRONTDESK_LOG_LEVEL": "WARNING",
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        started = time.monotonic()
        log = Path(folder) / "server.log"
        process = server_start(kind, env, port, args.workers, args.threads, log)
        start_seconds = round(time.monotonic() - started, 1)
        try:
            made = iter(range(10**9))

            def create(connection: http.client.HTTPConnection, _number: int) -> int:
                n = next(made)
                return request(
                    connection,
                    "POST",
                    "/api/v1/tickets",
                    token,
                    {
                        "customer": {"name": f"{kind} {n}", "email": f"c{n}@{kind}.example"},
                        "channel": "web",
                        "subject": f"Question {n}",
                        "body": BODIES[n % len(BODIES)],
                    },
                )[0]

            def listing(connection: http.client.HTTPConnection, _number: int) -> int:
                return request(connection, "GET", "/api/v1/tickets?limit=50", token)[0]

            # Every worker warm: a first create and list from every client, not counted.
            drive(port, max(args.clients), 4 * max(args.clients), create)
            drive(port, max(args.clients), 4 * max(args.clients), listing)
            warmed = memory(process.pid)
            load = {}
            for clients in args.clients:
                for name, ask in (("create", create), ("list", listing)):
                    load[f"{name}_{clients}"] = drive(port, clients, args.requests, ask)
            loaded = memory(process.pid)
        finally:
            process_stop(process)
    return {"start_s": start_seconds, "load": load, "warmed": warmed, "loaded": loaded}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=240, help="per client count and call")
    parser.add_argument("--clients", default="1,8")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--threads", type=int, default=None, help="default: each server's own")
    parser.add_argument("--servers", default=",".join(SERVERS))
    parser.add_argument("--fill-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--server-child", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill_child is not None:
        fill_child(args.fill_child)
        return
    if args.server_child:
        server_child(args.server_child, args.port, args.workers, args.threads or 8)
        return
    args.clients = [int(n) for n in args.clients.split(",")]
    servers = [name for name in args.servers.split(",") if name]
    load_before = os.getloadavg()
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as folder:
        _env, token = desk_make(Path(folder), args.tickets)
        for kind in servers:
            print(f"measuring {kind}…", file=sys.stderr, flush=True)
            results[kind] = measure(kind, Path(folder), token, args)
    load_after = os.getloadavg()

    rows = []
    for kind, result in results.items():
        for key, figures in result["load"].items():  # type: ignore[attr-defined]
            call, clients = key.rsplit("_", 1)
            shown = [figures[name] for name in ("req_s", "p50_ms", "p99_ms", "failed")]
            rows.append([kind, call, clients, *shown])
    title = (
        f"API calls, {args.requests} per row, {args.workers} workers where a server forks, "
        f"on {args.tickets:,} tickets (SQLite)"
    )
    table(title, ["server", "call", "clients", "req/s", "p50 ms", "p99 ms", "failed"], rows)
    rows = []
    for kind, result in results.items():
        warmed, loaded = result["warmed"], result["loaded"]  # type: ignore[misc]
        for n, (before, after) in enumerate(zip(warmed, loaded, strict=False)):
            role = "master" if n == 0 and len(warmed) > 1 else f"worker {n}" if n else "process"
            rows.append(
                [kind, role, before["rss_mb"], before["pss_mb"], after["rss_mb"], after["pss_mb"]]
            )
        rows.append(
            [
                kind,
                "all",
                round(sum(p["rss_mb"] for p in warmed), 1),
                round(sum(p["pss_mb"] for p in warmed), 1),
                round(sum(p["rss_mb"] for p in loaded), 1),
                round(sum(p["pss_mb"] for p in loaded), 1),
            ]
        )
    header = ["server", "process", "RSS MB warm", "PSS MB warm", "RSS MB loaded", "PSS MB loaded"]
    table("Memory of each process (PSS splits shared pages among their sharers)", header, rows)
    starts = [[kind, result["start_s"]] for kind, result in results.items()]
    table("Seconds until /healthz answered 200", ["server", "seconds"], starts)
    print(
        f"\nload average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after "
        f"({os.cpu_count()} cores)"
    )
    report = {
        "bench": "serve",
        "tickets": args.tickets,
        "workers": args.workers,
        "load_average": [round(load_before[0], 2), round(load_after[0], 2)],
        "servers": results,
    }
    print("\n" + json.dumps(report))


if __name__ == "__main__":
    main()
