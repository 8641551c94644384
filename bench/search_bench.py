"""How long the ticket list's search takes with 10,000 and 100,000 tickets, on SQLite and
PostgreSQL, for each kind of query people type. Prints a table and one JSON line.

Run: .venv/bin/python bench/search_bench.py [--sizes 10000,100000] [--runs 30]
     [--postgres postgresql://postgres@127.0.0.1:5432/postgres]

Each database is made fresh (a temporary SQLite file; a `frontdesk_bench_search` database on
the PostgreSQL server, dropped first) and filled with tickets of 3,000 customers whose search
texts hold a reference, the customer's name, a subject and about 80 words of messages drawn
from a 6,000-word vocabulary. Measured: what the ticket list page does for a search — count the
matches and read the first page of 50 — per kind of query.
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

from common import measure_in_child, postgres_fresh, table

FIRST = ["Ildikó", "Dávid", "Mari", "Noa", "Amir", "Emina", "Jasmin", "Kadri", "Ödön", "Tamar"]
LAST = ["Szabó", "Cohen", "Tamm", "Levi", "Hodžić", "Kovács", "Mizrahi", "Kask", "Nagy", "Begić"]
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
QUERIES = {
    "reference": "{code}",
    "name": "Ildikó Szabó",
    "reversed name": "szabo ildiko",
    "message words": "{word1} {word2}",
    "typo": "Ildko Szabo",
    "typo surname": "Cohne",
    "no match": "xylophone quokka",
}


def child(sizes: list[int], runs: int) -> None:
    """Run inside a process whose DATABASE_URL names the database under test."""
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
    django.setup()
    call_command("migrate", verbosity=0)

    from django.db import connection
    from django.utils import timezone

    from frontdesk.accounts.services import agent_create
    from frontdesk.customers.models import Customer
    from frontdesk.engine.search import search_text_build
    from frontdesk.engine.text import fold
    from frontdesk.periodic.services import database_optimize
    from frontdesk.tickets.models import Ticket
    from frontdesk.tickets.selectors import TicketFilter, ticket_list

    rng = random.Random(11)  # noqa: S311 - reproducible data, not secrets
    agent = agent_create(
        username="bench", role="agent", password=secrets.token_urlsafe(), full_name="Bench"
    )
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = [
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(6000)
    ]
    names = [
        f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}" if n else "Ildikó Szabó" for n in range(3000)
    ]
    customers = Customer.objects.bulk_create(
        Customer(name=name, search_text=fold(name)) for name in names
    )
    now = timezone.now()
    results = []
    made = 0
    code = ""
    for size in sorted(sizes):
        batch = []
        for n in range(made, size):
            customer = rng.choice(customers)
            # A real reference's six letters, unique by the ticket's number.
            reference = "FD-" + "".join(ALPHABET[n // 32**i % 32] for i in range(6))
            subject = " ".join(rng.choices(vocabulary, k=5))
            words = " ".join(rng.choices(vocabulary, k=80))
            batch.append(
                Ticket(
                    reference=reference,
                    customer=customer,
                    subject=subject,
                    channel="email",
                    status=rng.choice(["new", "open", "waiting", "solved"]),
                    created_at=now - timedelta(minutes=rng.randint(0, 60 * 24 * 365)),
                    search_text=search_text_build(
                        reference.removeprefix("FD-"),
                        customer.search_text,
                        subject,
                        words,
                        limit=1500,
                    ),
                )
            )
            if len(batch) == 5000:
                Ticket.objects.bulk_create(batch)
                batch = []
        Ticket.objects.bulk_create(batch)
        made = size
        database_optimize()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE tickets_ticket")
        sample = Ticket.objects.order_by("?").first()
        assert sample is not None
        code = sample.reference.removeprefix("FD-").lower()
        word1, word2 = sample.search_text.split()[-2:]
        row: dict[str, object] = {"tickets": size}
        for kind, template in QUERIES.items():
            query = template.format(code=code, word1=word1, word2=word2)

            def search(query: str = query) -> int:
                tickets = ticket_list(actor=agent, filters=TicketFilter(query=query))
                count = tickets.count()
                list(tickets[:50])
                return count

            found = search()
            for _ in range(3):
                search()
            timings = []
            for _ in range(runs):
                started = time.perf_counter()
                search()
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            row[kind] = {
                "found": found,
                "p50_ms": round(statistics.median(timings), 1),
                "p99_ms": round(timings[max(0, int(len(timings) * 0.99) - 1)], 1),
            }
        results.append(row)
    print(json.dumps(results))


def measure(url: str, sizes: list[int], runs: int) -> list[dict[str, object]]:
    sizes_text = ",".join(map(str, sizes))
    return measure_in_child(__file__, url, ["--sizes", sizes_text, "--runs", str(runs)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--child", nargs="?", const="-", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.child:
        child(sizes, args.runs)
        return
    report = {
        "sqlite": measure("sqlite", sizes, args.runs),
        "postgresql": measure(
            postgres_fresh(args.postgres, "frontdesk_bench_search"), sizes, args.runs
        ),
    }
    header = ["database", "tickets", "query", "found", "p50 ms", "p99 ms"]
    rows = [
        [
            database,
            f"{row['tickets']:,}",
            kind,
            row[kind]["found"],
            row[kind]["p50_ms"],
            row[kind]["p99_ms"],
        ]  # type: ignore[index]
        for database, measured in report.items()
        for row in measured
        for kind in QUERIES
    ]
    table(f"Ticket search: count and first page of 50 ({args.runs} runs each)", header, rows)
    print("\n" + json.dumps({"bench": "search", **report}))


if __name__ == "__main__":
    main()
