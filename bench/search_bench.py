"""How long the ticket list's search and its deep pages take with 1,000 to 100,000 tickets, on
SQLite and PostgreSQL, for each kind of query people type. Prints a table and one JSON line.

Run: .venv/bin/python bench/search_bench.py [--sizes 1000,10000,100000] [--runs 30]
     [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--src DIR]

`--src` measures the code of another checkout (its `src/`), e.g. main before a change, on the
same data: `git worktree add --detach /tmp/before main` then `--src /tmp/before/src`.

Each database is made fresh (a temporary SQLite file; a `frontdesk_bench_search` database on
the PostgreSQL server, dropped first; `--database` names another) and filled with tickets of
3,000 customers whose search texts hold a reference, the customer's name, a subject and about
80 words of messages drawn from a 6,000-word vocabulary. Measured: what the ticket list page
does for a search — count the matches (exact up to 10,000, an estimate past it, where the code
has core/pagination.py) and read the first page of 50 — per kind of query; then, without a
search, the list's count, the page of 50 at 90% of the list by offset, and the same page by
cursor (keyset), where the code has cursors.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import time
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

from common import measure_in_child, postgres_fresh, table

FIRST = ["Ildikó", "Dávid", "Mari", "Noa", "Amir", "Emina", "Jasmin", "Kadri", "Ödön", "Tamar"]
LAST = ["Szabó", "Cohen", "Tamm", "Levi", "Hodžić", "Kovács", "Mizrahi", "Kask", "Nagy", "Begić"]
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
QUERIES = {
    "reference": "{code}",
    "partial order number": "{middle}",
    "name": "Ildikó Szabó",
    "reversed name": "szabo ildiko",
    "message words": "{word1} {word2}",
    "typo": "Ildko Szabo",
    "typo surname": "Cohne",
    "no match": "xylophone quokka",
}
# What is measured on the list without a search.
LISTS = ("list count", "offset 90%", "next keyset page")


def timed(runs: int, action: Callable[[], int]) -> dict[str, object]:
    """What `action` answers, and its p50 and p99 over `runs` runs after three warm ones."""
    found = action()
    for _ in range(3):
        action()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "found": found,
        "p50_ms": round(statistics.median(timings), 1),
        "p99_ms": round(timings[max(0, int(len(timings) * 0.99) - 1)], 1),
    }


def child(sizes: list[int], runs: int) -> None:
    """Run inside a process whose DATABASE_URL names the database under test."""
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # as `frontdesk migrate` does

    from django.db import connection
    from django.utils import timezone

    from frontdesk.accounts.services import agent_create
    from frontdesk.customers.models import Customer
    from frontdesk.engine.search import search_text_build
    from frontdesk.engine.text import fold
    from frontdesk.tickets.models import Ticket
    from frontdesk.tickets.selectors import TicketFilter, ticket_list

    try:
        from frontdesk.core import pagination
    except ImportError:  # the code before cursors and estimates
        pagination = None

    def counted(tickets: Any) -> int:
        if pagination is None:
            return int(tickets.count())
        return int(pagination.count_estimated(tickets).value)

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
        # All tables: the customers' statistics choose how a typo of a name is looked up.
        cursor_sql = "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
        with connection.cursor() as cursor:
            cursor.execute(cursor_sql)
        sample = Ticket.objects.order_by("?").first()
        assert sample is not None
        code = sample.reference.removeprefix("FD-").lower()
        word1, word2 = sample.search_text.split()[-2:]
        row: dict[str, object] = {"tickets": size}
        for kind, template in QUERIES.items():
            query = template.format(code=code, middle=code[1:5], word1=word1, word2=word2)

            def search(query: str = query) -> int:
                tickets = ticket_list(actor=agent, filters=TicketFilter(query=query))
                count = counted(tickets)
                list(tickets[:50])
                return count

            row[kind] = timed(runs, search)
        listed = ticket_list(actor=agent)
        deep = int(size * 0.9)

        def offset_page(listed: Any = listed, deep: int = deep) -> int:
            return len(list(listed[deep : deep + 50]))

        def keyset_page(listed: Any = listed, cursor: str = "") -> int:
            return len(list(pagination.rows_after(listed, cursor)[:50]))

        row["list count"] = timed(runs, partial(counted, listed))
        row["offset 90%"] = timed(runs, offset_page)
        if pagination is not None:
            # The cursor the page before would have given: that of its last row.
            last = listed[deep - 1 : deep][0]
            cursor = pagination.cursor_of(last, [("created_at", True), ("id", True)])
            row["next keyset page"] = timed(runs, partial(keyset_page, cursor=cursor))
        results.append(row)
    print(json.dumps(results))


def measure(url: str, sizes: list[int], runs: int, src: str) -> list[dict[str, object]]:
    sizes_text = ",".join(map(str, sizes))
    if src:
        os.environ["PYTHONPATH"] = os.pathsep.join(
            filter(None, [src, os.environ.get("PYTHONPATH")])
        )
    return measure_in_child(__file__, url, ["--sizes", sizes_text, "--runs", str(runs)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument(
        "--database", default="frontdesk_bench_search", help="the PostgreSQL database to make"
    )
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--src", default="", help="measure the code of this src/ folder")
    parser.add_argument("--child", nargs="?", const="-", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.child:
        child(sizes, args.runs)
        return
    report = {}
    if "sqlite" in args.databases:
        report["sqlite"] = measure("sqlite", sizes, args.runs, args.src)
    if "postgresql" in args.databases:
        url = postgres_fresh(args.postgres, args.database)
        report["postgresql"] = measure(url, sizes, args.runs, args.src)
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
        for kind in [*QUERIES, *LISTS]
        if kind in row
    ]
    code = f" (code of {args.src})" if args.src else ""
    table(
        f"Ticket search: count and first page of 50; the list's count and page at 90%{code} "
        f"({args.runs} runs each; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())})",
        header,
        rows,
    )
    print("\n" + json.dumps({"bench": "search", "src": args.src or "this", **report}))


if __name__ == "__main__":
    main()
