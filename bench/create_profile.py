"""What one new ticket costs the database and the CPU, by the way it came in: the API (a new
customer, and a customer the desk knows), the public form, and an e-mail. Prints a table and one
JSON line.

Run: .venv/bin/python bench/create_profile.py [--creates 200] [--databases sqlite,postgresql]
     [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--profile api-new]

Each database is made fresh (a temporary SQLite file; a `frontdesk_create_bench` database on the
PostgreSQL server, dropped first) with the production settings: the tasks' database queue, no
worker. Each create goes through the real stack in this process (Django's test client with an
agent's bearer token; the form's page; the mail filer behind the listener), after a warm-up.
Measured per create:
- queries: the statements Django sent (SELECT, INSERT, UPDATE, DELETE; not BEGIN, COMMIT,
  SAVEPOINT or RELEASE), and of them the writes;
- transactions: commits of a transaction block, plus writes made in autocommit (each its own
  transaction);
- savepoints; CPU ms (this process's CPU time, the client's share included); wall ms.
`--profile WAY` also prints where that way's CPU goes (cProfile, by cumulative time).
`--clients N` (8) then has N threads of the process create through the API at once: requests a
second, p50 and p99 (one process, so the GIL is shared; on SQLite the writers queue for the lock).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from common import measure_in_child, postgres_fresh, table

WAYS = ("api-new", "api-known", "form", "mail")
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class Tally:
    """Counts one create's statements, savepoints and transactions from the queries Django
    logged (BEGIN and COMMIT included, on both databases)."""

    def __init__(self) -> None:
        self.queries = self.writes = self.savepoints = self.transactions = 0

    def add(self, statements: list[str]) -> None:
        """Count one create's statements."""
        inside = False
        for sql in statements:
            verb = sql.lstrip().split(None, 1)[0].upper()
            if verb == "BEGIN":
                inside = True
            elif verb in {"COMMIT", "ROLLBACK"}:
                inside = False
                self.transactions += verb == "COMMIT"
            elif verb == "SAVEPOINT":
                self.savepoints += 1
            elif verb != "RELEASE":
                self.queries += 1
                if verb in WRITES:
                    self.writes += 1
                    # A write outside a transaction block is a transaction of its own.
                    self.transactions += not inside


def child(url: str, creates: int, profile: str, profile_file: str, clients: int) -> None:
    """Run inside a process whose DATABASE_URL names the database under test."""
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
    os.environ["FRONTDESK_INTAKE_RATE"] = "1000000/s"  # the form's rate limit is not measured
    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from frontdesk.accounts.services import agent_create
    from frontdesk.accounts.tokens import token_create
    from frontdesk.mail.inbound import mail_receive
    from frontdesk.tickets.models import Ticket

    settings.ALLOWED_HOSTS = ["*"]
    agent = agent_create(username="bench", role="agent", full_name="Bench Agent")
    token = token_create(user=agent, scope="write")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    form = Client()
    counter = iter(range(10**9))

    def body(n: int) -> str:
        return f"Hello, the invoice {n} shows the wrong amount. Could you look at it please?"

    def api_create(email: str, client: Client = api) -> None:
        n = next(counter)
        answer = client.post(
            "/api/v1/tickets",
            {
                "customer": {"name": f"Customer {n}", "email": email},
                "channel": "web",
                "subject": f"Invoice {n}",
                "body": body(n),
            },
            content_type="application/json",
        )
        assert answer.status_code == 201, answer.content

    def form_create() -> None:
        n = next(counter)
        answer = form.post(
            reverse("portal:new"),
            {
                "name": f"Customer {n}",
                "email": f"form{n}@example.com",
                "subject": f"Invoice {n}",
                "body": body(n),
            },
        )
        assert answer.status_code == 302, answer.content

    def mail_create() -> None:
        n = next(counter)
        mail = EmailMessage()
        mail["From"] = f"Customer {n} <mail{n}@example.com>"
        mail["To"] = "help@desk.example"
        mail["Subject"] = f"Invoice {n}"
        mail["Message-ID"] = f"<bench{n}@example.com>"
        mail.set_content(body(n))
        inbound = mail_receive(raw=mail.as_bytes(), source="smtp")
        assert inbound.ticket_id is not None, inbound.error

    ways: dict[str, Callable[[], None]] = {
        "api-new": lambda: api_create(f"new{next(counter)}@example.com"),
        "api-known": lambda: api_create("known@example.com"),
        "form": form_create,
        "mail": mail_create,
    }
    results = []
    for name, create in ways.items():
        for _ in range(10):  # warm up: models loaded, caches filled, as on a running desk
            create()
        tally = Tally()
        tickets_before = Ticket.objects.count()
        profiler = cProfile.Profile() if name == profile else None
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(creates):
            with CaptureQueriesContext(connection) as one:
                if profiler:
                    profiler.enable()
                create()
                if profiler:
                    profiler.disable()
            tally.add([query["sql"] for query in one.captured_queries])
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        assert Ticket.objects.count() - tickets_before == creates
        if profiler:
            with CaptureQueriesContext(connection) as one:
                create()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
            statements = "\n".join(query["sql"][:160] for query in one.captured_queries)
            Path(profile_file).write_text(
                f"{connection.vendor}, {name}, one create's statements:\n{statements}\n\n"
                f"{connection.vendor}, {name}, where the CPU goes:\n{out.getvalue()}"
            )
        results.append(
            {
                "way": name,
                "queries": round(tally.queries / creates, 2),
                "writes": round(tally.writes / creates, 2),
                "transactions": round(tally.transactions / creates, 2),
                "savepoints": round(tally.savepoints / creates, 2),
                "cpu_ms": round(cpu * 1000 / creates, 2),
                "wall_ms": round(wall * 1000 / creates, 2),
            }
        )
    if clients > 1:
        results.append(
            concurrent(
                clients,
                creates,
                lambda client: api_create(f"many{next(counter)}@example.com", client),
                token,
            )
        )
    print(json.dumps(results))


def concurrent(
    clients: int, creates: int, create: Callable[[Any], None], token: str
) -> dict[str, object]:
    """`creates` API creates by `clients` threads at once, each its own connection: requests a
    second and latency percentiles (SQLite's writers queue for its one write lock)."""
    from django.db import connection
    from django.test import Client

    latencies: list[float] = []
    errors: list[BaseException] = []
    start = threading.Barrier(clients)

    def work() -> None:
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
        try:
            start.wait()
            for _ in range(creates // clients):
                began = time.perf_counter()
                create(client)
                latencies.append((time.perf_counter() - began) * 1000)
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    if errors:
        raise errors[0]
    latencies.sort()
    return {
        "way": f"api-new, {clients} threads",
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--creates", type=int, default=200)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--profile", choices=["", *WAYS], default="")
    parser.add_argument("--clients", type=int, default=8, help="threads creating at once; 0: none")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--profile-file", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.creates, args.profile, args.profile_file, args.clients)
        return
    report: dict[str, object] = {}
    for database in args.databases.split(","):
        url = (
            "sqlite"
            if database == "sqlite"
            else postgres_fresh(args.postgres, "frontdesk_create_bench")
        )
        with tempfile.NamedTemporaryFile("r", suffix=".txt") as profile:
            arguments = ["--creates", str(args.creates), "--profile", args.profile]
            arguments += ["--clients", str(args.clients)]
            report[database] = measure_in_child(
                __file__, url, [*arguments, "--profile-file", profile.name]
            )
            print(profile.read())
    header = ["database", "way", "queries", "writes", "transactions", "savepoints"]
    header += ["CPU ms", "wall ms"]
    measured = [(d, row) for d, rows in report.items() for row in rows]  # type: ignore[attr-defined]
    rows = [[d, *row.values()] for d, row in measured if "queries" in row]
    table(f"One new ticket, by the way it came in ({args.creates} each)", header, rows)
    rows = [[d, *row.values()] for d, row in measured if "queries" not in row]
    if rows:
        header = ["database", "way", "requests/s", "p50 ms", "p99 ms"]
        table(f"API creates by {args.clients} threads of one process at once", header, rows)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("\n" + json.dumps({"bench": "create", "creates": args.creates, **report}))


if __name__ == "__main__":
    main()
