"""SQLite writers at once: Django's backend (SQLite's busy handler) against frontdesk's, whose
write transactions take turns on a lock file (src/frontdesk/core/sqlite3/base.py).

Each of `--writers` processes runs `--transactions` write transactions through the backend
(`transaction.atomic()`, one INSERT, a few milliseconds of Python inside and outside), the two
backends alternating `--rounds` times on a fresh database in WAL mode with frontdesk's options.
Prints transactions/s and the latency of a transaction (waiting included): p50, p99, worst.

Run: .venv/bin/python bench/sqlite_turns_bench.py [--writers 8] [--transactions 60] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import tempfile
import time
from pathlib import Path

from common import table

BACKENDS = {"busy handler": "django.db.backends.sqlite3", "turns": "frontdesk.core.sqlite3"}


def _busy(loops: int) -> int:
    total = 0
    for k in range(loops):
        total += k
    return total


def _writer(engine: str, path: str, count: int, done: multiprocessing.Queue) -> None:
    import django
    from django.conf import settings

    settings.configure(
        DATABASES={
            "default": {
                "ENGINE": engine,
                "NAME": path,
                "OPTIONS": {
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                    "transaction_mode": "IMMEDIATE",
                    "timeout": 20,
                },
            }
        }
    )
    django.setup()
    from django.db import connection, transaction

    waits = []
    for _ in range(count):
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("INSERT INTO written (text) VALUES (%s)", ["x" * 200])
            _busy(40_000)  # the ORM's work inside a transaction: a few milliseconds
        waits.append(time.perf_counter() - started)
        _busy(40_000)  # and outside it
    done.put(waits)


def measure(engine: str, writers: int, count: int) -> dict[str, float]:
    import sqlite3

    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "bench.sqlite3")
        with sqlite3.connect(path) as setup:
            setup.execute("PRAGMA journal_mode=WAL")
            setup.execute("CREATE TABLE written (id INTEGER PRIMARY KEY, text TEXT)")
        done: multiprocessing.Queue = multiprocessing.Queue()
        processes = [
            multiprocessing.Process(target=_writer, args=(engine, path, count, done))
            for _ in range(writers)
        ]
        started = time.perf_counter()
        for process in processes:
            process.start()
        waits = sorted(w for _ in processes for w in done.get())
        for process in processes:
            process.join()
        elapsed = time.perf_counter() - started
    return {
        "per_second": round(len(waits) / elapsed, 1),
        "p50_ms": round(waits[len(waits) // 2] * 1000, 1),
        "p99_ms": round(waits[int(len(waits) * 0.99)] * 1000, 1),
        "worst_ms": round(waits[-1] * 1000, 1),
        "load": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--transactions", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    results: dict[str, list[dict[str, float]]] = {name: [] for name in BACKENDS}
    for _ in range(args.rounds):
        for name, engine in BACKENDS.items():
            results[name].append(measure(engine, args.writers, args.transactions))
    rows = [
        [name, r["per_second"], r["p50_ms"], r["p99_ms"], r["worst_ms"], r["load"]]
        for name, rounds in results.items()
        for r in rounds
    ]
    table(
        f"{args.writers} processes writing at once, {args.transactions} transactions each",
        ["backend", "tx/s", "p50 ms", "p99 ms", "worst ms", "load"],
        rows,
    )
    print(json.dumps({"bench": "sqlite_turns", "writers": args.writers, "results": results}))


if __name__ == "__main__":
    main()
