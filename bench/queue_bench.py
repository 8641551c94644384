"""How long "next item" and "take next" take for agents with 1,000, 10,000 and 100,000 open
tickets, on SQLite and PostgreSQL, one agent alone and eight taking at once. Prints a table and
one JSON line.

Run: .venv/bin/python bench/queue_bench.py [--sizes 1000,10000,100000] [--runs 1000]
     [--agents 8] [--takes 40] [--postgres postgresql://postgres@127.0.0.1:5432/postgres]

Each database is made fresh (a temporary SQLite file; a `frontdesk_bench` database on the
PostgreSQL server, dropped first). The desk grows as a real one does, and as the issue that
found SQLite's statistics going stale described it: the first `--service` tickets (default 1,000)
come in through the intake flow (triage, ticket, first message), the workers' periodic upkeep
runs, and the desk then grows to each size by bulk insertion (the same rows the flow writes, much
faster: 100,000 through the flow would take an hour here), with the upkeep run again after each
growth exactly as the workers run it (`database-optimize`); on PostgreSQL `VACUUM ANALYZE` stands
in for the autovacuum a desk would see in its first minute. Open tickets of every level, quick
wins, key customers, a fifth already taken by other agents. Measured at each size:
- next item: the selector that finds the first free item of the agent's queue (its id);
- take next: the whole service (presence check, lock, conditional assignment, status change,
  system note), rolled back after each run so every run takes from the same queue;
- 8 at once: `--agents` threads, each an agent with its own connection, each taking `--takes`
  items for real (committed); p50/p99 of one take, and how many were answered "nothing
  waiting" although thousands of items were free (wrong: must be 0).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from common import measure_in_child, postgres_fresh, table

HERE = Path(__file__).resolve().parent


def percentiles(timings: list[float]) -> dict[str, float]:
    """p50 and p99 of timings in milliseconds."""
    timings = sorted(timings)
    return {
        "p50_ms": round(statistics.median(timings), 3),
        "p99_ms": round(timings[max(int(len(timings) * 0.99) - 1, 0)], 3),
    }


def child(url: str, sizes: list[int], runs: int, service: int, agents: int, takes: int) -> None:
    """Run inside a process whose DATABASE_URL names the database under test."""
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
    django.setup()
    call_command("migrate", verbosity=0)

    from django.db import connection, transaction
    from django.utils import timezone

    from frontdesk.accounts.services import agent_create, presence_set
    from frontdesk.customers.models import Customer
    from frontdesk.engine.queue import QueueItem, QueueWeights, sort_key
    from frontdesk.intake.flows import contact_open
    from frontdesk.periodic.tasks import database_optimize
    from frontdesk.routing.services import queue_take_next
    from frontdesk.tickets.models import Ticket
    from frontdesk.tickets.selectors import queue_next_id
    from frontdesk.tickets.services import ticket_take_next

    rng = random.Random(7)  # noqa: S311 - reproducible data, not secrets
    password = secrets.token_urlsafe()

    def agent_made(username: str, *, available: bool) -> object:
        made = agent_create(username=username, role="agent", password=password, full_name=username)
        if available:
            presence_set(agent=made, state="available")
        return made

    agent = agent_made("bench", available=True)
    others = [agent_made(f"other{n}", available=False) for n in range(5)]
    takers = [agent_made(f"taker{n}", available=True) for n in range(agents)]
    customers = Customer.objects.bulk_create(
        Customer(name=f"Customer {n}", is_key=rng.random() < 0.08, search_text=f"customer {n}")
        for n in range(2000)
    )
    for n in range(min(service, min(sizes))):
        contact_open(
            customer=rng.choice(customers),
            subject=f"Question {n}",
            body="Where is my invoice? Please send it again.",
            channel="web",
        )
    # The workers' upkeep on the small desk: the statistics the issue found going stale.
    database_optimize.call()
    weights = QueueWeights()
    now = timezone.now()
    results = []
    made = Ticket.objects.count()
    for size in sorted(sizes):
        batch = []
        for n in range(made, size):
            customer = rng.choice(customers)
            since = now - timedelta(minutes=rng.randint(0, 60 * 24 * 30))
            level = rng.choices([1, 2, 3, 4], weights=[10, 15, 5, 70])[0]
            quick = rng.random() < 0.3
            item = QueueItem(
                ticket_id=n,
                arrived_at=since,
                level=level,
                quick_win=quick,
                key_customer=customer.is_key,
            )
            batch.append(
                Ticket(
                    reference=f"B{n:09d}",
                    customer=customer,
                    subject=f"Question {n}",
                    channel="email",
                    status=rng.choice(["new", "open"]),
                    level=level,
                    quick_win=quick,
                    assignee=rng.choice(others) if rng.random() < 0.2 else None,
                    created_at=since,
                    queue_since=since,
                    queue_key=sort_key(item, weights),
                )
            )
            if len(batch) == 5000:
                Ticket.objects.bulk_create(batch)
                batch = []
        Ticket.objects.bulk_create(batch)
        made = max(made, size)
        upkeep = database_optimize.call()
        if connection.vendor == "postgresql":
            # Autovacuum's part; also clears the row versions earlier rolled-back runs left.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE tickets_ticket")

        def next_item() -> None:
            queue_next_id(agent=agent)

        def take_next() -> None:
            with transaction.atomic():
                ticket_take_next(agent=agent)
                transaction.set_rollback(True)

        row: dict[str, object] = {"open_tickets": size, "upkeep": upkeep}
        for name, action in (("next_item", next_item), ("take_next", take_next)):
            for _ in range(20):  # warm the caches the way a running desk has them warm
                action()
            row[name] = percentiles([timed(action) for _ in range(runs)])
        free = Ticket.objects.filter(queue_key__isnull=False, assignee__isnull=True).count()
        row["together"] = together(takers, takes, queue_take_next)
        row["together"]["free_before"] = free
        results.append(row)
    print(json.dumps(results))


def timed(action: Callable[[], object]) -> float:
    """How long one call of `action` took, in milliseconds."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def together(takers: list[object], takes: int, take: Callable[..., object]) -> dict[str, object]:
    """Every taker takes `takes` items at once, each in a thread with its own connection."""
    from django.db import connection

    timings: list[float] = []
    empty: list[int] = []
    taken: list[int] = []
    errors: list[str] = []
    start = threading.Barrier(len(takers))

    def work(taker: object) -> None:
        try:
            start.wait()
            for _ in range(takes):
                started = time.perf_counter()
                ticket = take(agent=taker)
                timings.append((time.perf_counter() - started) * 1000)
                if ticket is None:
                    empty.append(1)
                else:
                    taken.append(ticket.pk)
        except Exception as error:  # counted and shown; the run goes on
            errors.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(taker,)) for taker in takers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "agents": len(takers),
        "calls": len(timings),
        **percentiles(timings or [0.0]),
        "wrong_204": len(empty),
        "taken_twice": len(taken) - len(set(taken)),
        "errors": errors[:3],
        "error_count": len(errors),
    }


def measure(url: str, args: argparse.Namespace) -> list[dict[str, object]]:
    arguments = ["--sizes", args.sizes, "--runs", str(args.runs), "--service", str(args.service)]
    arguments += ["--agents", str(args.agents), "--takes", str(args.takes)]
    return measure_in_child(__file__, url, arguments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--service", type=int, default=1000, help="tickets made by the flow")
    parser.add_argument("--agents", type=int, default=8)
    parser.add_argument("--takes", type=int, default=40, help="items each agent takes at once")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.child:
        child(args.child, sizes, args.runs, args.service, args.agents, args.takes)
        return
    report = {}
    if args.only != "postgresql":
        report["sqlite"] = measure("sqlite", args)
    if args.only != "sqlite":
        report["postgresql"] = measure(postgres_fresh(args.postgres, "frontdesk_queue_bench"), args)
    header = ["database", "open tickets", "next p50 ms", "next p99 ms", "take p50 ms"]
    header += ["take p99 ms", f"{args.agents} at once p50", "p99", "wrong 204", "twice", "errors"]
    rows = [
        [
            database,
            f"{row['open_tickets']:,}",
            row["next_item"]["p50_ms"],
            row["next_item"]["p99_ms"],
            row["take_next"]["p50_ms"],
            row["take_next"]["p99_ms"],
            row["together"]["p50_ms"],
            row["together"]["p99_ms"],
            f"{row['together']['wrong_204']}/{row['together']['calls']}",
            row["together"]["taken_twice"],
            row["together"]["error_count"],
        ]
        for database, measured in report.items()
        for row in measured
    ]
    table(f'"Next item" and "take next" ({args.runs} runs each; load {load()})', header, rows)
    for database, measured in report.items():
        for row in measured:
            for error in row["together"]["errors"]:
                print(f"{database} {row['open_tickets']:,}: {error}")
    print("\n" + json.dumps({"bench": "queue", **report}))


def load() -> str:
    """The load average, as uptime prints it."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
