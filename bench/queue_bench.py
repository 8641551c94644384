"""How long "next item" takes for one agent with 10,000 and 100,000 open tickets, on SQLite and
PostgreSQL. Prints a table and one JSON line.

Run: .venv/bin/python bench/queue_bench.py [--sizes 10000,100000] [--runs 1000]
     [--postgres postgresql://postgres@127.0.0.1:5432/postgres]

Each database is made fresh (a temporary SQLite file; a `frontdesk_bench` database on the
PostgreSQL server, dropped first) and filled with open tickets of every level, quick wins, key
customers, assigned and unassigned, a fifth already taken by other agents. Measured:
- next item: the selector that finds the first free item of the agent's queue (its id);
- take next: the whole service (presence check, lock, conditional assignment, status change,
  system note), rolled back after each run so every run takes from the same queue.
Planner statistics are refreshed after loading, as the workers' hourly upkeep does on a desk.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import time
from datetime import timedelta
from pathlib import Path

from common import measure_in_child, postgres_fresh, table

HERE = Path(__file__).resolve().parent


def child(url: str, sizes: list[int], runs: int) -> None:
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
    from frontdesk.periodic.services import database_optimize
    from frontdesk.tickets.models import Ticket
    from frontdesk.tickets.selectors import queue_next_id
    from frontdesk.tickets.services import ticket_take_next

    rng = random.Random(7)  # noqa: S311 - reproducible data, not secrets
    password = secrets.token_urlsafe()
    agent = agent_create(username="bench", role="agent", password=password, full_name="Bench")
    others = [
        agent_create(username=f"other{n}", role="agent", password=password, full_name=f"O {n}")
        for n in range(5)
    ]
    presence_set(agent=agent, state="available")
    customers = Customer.objects.bulk_create(
        Customer(name=f"Customer {n}", is_key=rng.random() < 0.08, search_text=f"customer {n}")
        for n in range(2000)
    )
    weights = QueueWeights()
    now = timezone.now()
    results = []
    made = 0
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
        made = size
        # What the workers' hourly upkeep does on a running desk (PostgreSQL: autovacuum).
        database_optimize()
        if connection.vendor == "postgresql":
            # Also clears the row versions the previous size's rolled-back runs left behind.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE tickets_ticket")

        def next_item() -> None:
            queue_next_id(agent=agent)

        def take_next() -> None:
            with transaction.atomic():
                ticket_take_next(agent=agent)
                transaction.set_rollback(True)

        row = {"open_tickets": size}
        for name, action in (("next_item", next_item), ("take_next", take_next)):
            for _ in range(20):  # warm the caches the way a running desk has them warm
                action()
            timings = []
            for _ in range(runs):
                started = time.perf_counter()
                action()
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            row[name] = {
                "p50_ms": round(statistics.median(timings), 3),
                "p99_ms": round(timings[int(len(timings) * 0.99) - 1], 3),
            }
        results.append(row)
    print(json.dumps(results))


def measure(url: str, sizes: list[int], runs: int) -> list[dict[str, object]]:
    sizes_text = ",".join(map(str, sizes))
    return measure_in_child(__file__, url, ["--sizes", sizes_text, "--runs", str(runs)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.child:
        child(args.child, sizes, args.runs)
        return
    report = {
        "sqlite": measure("sqlite", sizes, args.runs),
        "postgresql": measure(postgres_fresh(args.postgres, "frontdesk_bench"), sizes, args.runs),
    }
    header = ["database", "open tickets", "next p50 ms", "next p99 ms"]
    header += ["take p50 ms", "take p99 ms"]
    rows = [
        [
            database,
            f"{row['open_tickets']:,}",
            row["next_item"]["p50_ms"],
            row["next_item"]["p99_ms"],
            row["take_next"]["p50_ms"],
            row["take_next"]["p99_ms"],
        ]
        for database, measured in report.items()
        for row in measured
    ]
    table(f'"Next item" for one agent ({args.runs} runs each)', header, rows)
    print("\n" + json.dumps({"bench": "queue", **report}))


if __name__ == "__main__":
    main()
