"""Mail throughput: messages per second over SMTP into the desk, sustained until every one is
stored, parsed, threaded, triaged and on a ticket, on SQLite and PostgreSQL; and replies per
second out to an SMTP relay. Prints a table and one JSON line.

Run: .venv/bin/python bench/mail_bench.py [--messages 1200] [--connections 8] [--lanes N]
     [--processes 1,2]
     [--postgres postgresql://postgres@127.0.0.1:5432/postgres]
     .venv/bin/python bench/mail_bench.py --profile [--messages 300] [--batches 0,8] [--only sqlite]

`--profile` files the same messages in one process, one at a time as a lane does, and prints
what one message costs: queries, transactions, and CPU milliseconds spent parsing the MIME,
in triage, and in the rest (the database and the ORM).

The desk is the real `frontdesk mail listen` process on a fresh database; the senders are this
process, as an MTA would be. Two rates are printed: *accepted* (the last 250 received) and
*filed* (the last message on its ticket, read from the database): the second is the one that
counts, since a listener that answers fast but files slowly only grows a backlog.
Acknowledgements are queued for the worker, as on a running desk (the worker is not running:
sending is measured on its own, as replies out). The messages are the home-language corpus of
tests/mail, each with its own Message-ID, from 300 senders, a fifth of them replies that thread
onto an earlier ticket.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import smtplib
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from common import postgres_fresh, table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # for tests.mail.corpus
SENDERS = 300


def messages(count: int) -> list[tuple[str, bytes]]:
    """(envelope sender, raw message) for each message; every fifth answers an earlier one."""
    from tests.mail import corpus

    shapes = [
        corpus.estonian_cp1257(),
        corpus.hungarian_latin2(),
        corpus.hebrew(),
        corpus.bosnian_alternative(),
    ]
    made = []
    for n in range(count):
        sender = f"customer{n % SENDERS}@bench.example"
        if n % 5 == 4 and n >= SENDERS:
            # The same sender wrote message n - SENDERS earlier: this is the reply to our answer.
            raw = corpus.english_reply(
                message_id=f"<b{n}@bench.example>", in_reply_to=f"<b{n - SENDERS}@bench.example>"
            )
        else:
            own_id = f"Message-ID: <b{n}@bench.example>".encode()
            raw = re.sub(rb"Message-ID: <[^>]*>", own_id, shapes[n % len(shapes)], count=1)
        raw = re.sub(rb"<[a-z]+@[a-z]+\.example>", f"<{sender}>".encode(), raw, count=1)
        made.append((sender, raw))
    return made


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_listening(listener: subprocess.Popen[str], processes: int) -> None:
    """Wait for every listener process to say it is serving: the kernel spreads connections
    only over the processes already listening, and the benchmark must not start on one."""
    assert listener.stdout is not None
    ready = 0
    while ready < processes:
        line = listener.stdout.readline()
        if not line:
            raise SystemExit("the listener ended before it answered")
        ready += " on 127.0.0.1:" in line and "processes" not in line


def _state_counter(url: str) -> Callable[[], dict[str, int]]:
    """Count stored mail by state, straight from the database (the listener holds the desk)."""
    if url.startswith("sqlite"):
        import sqlite3

        path = url.removeprefix("sqlite:///")

        def count() -> dict[str, int]:
            with sqlite3.connect(path, timeout=30) as connection:
                rows = connection.execute(
                    "SELECT state, COUNT(*) FROM mail_inboundmail GROUP BY state"
                ).fetchall()
            return dict(rows)

        return count
    import psycopg

    def count_pg() -> dict[str, int]:
        with psycopg.connect(url) as connection:
            rows = connection.execute(
                "SELECT state, COUNT(*) FROM mail_inboundmail GROUP BY state"
            ).fetchall()
        return {state: int(n) for state, n in rows}

    return count_pg


def measure_inbound(  # type: ignore[type-arg]
    url: str, data: str, count: int, connections: int, lanes: int, processes: int
) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "FRONTDESK_DATA_DIR": data}
    run = [sys.executable, "-m", "frontdesk"]
    subprocess.run([*run, "migrate"], env=env, check=True, capture_output=True)  # noqa: S603
    port = _free_port()
    options = ["--processes", str(processes), *(["--lanes", str(lanes)] if lanes else [])]
    listener = subprocess.Popen(  # noqa: S603 - our own command, our own arguments
        [*run, "mail", "listen", "--port", str(port), *options],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_until_listening(listener, processes)
        todo = messages(count)
        counter = _state_counter(url)
        refused: list[str] = []

        def sender(first: int) -> None:
            # Each sender's mail goes through one connection, so a reply leaves only after the
            # message it answers was accepted: what a customer's mail program does.
            mine = [n for n in range(count) if n % SENDERS % connections == first]
            with smtplib.SMTP("127.0.0.1", port, timeout=120) as client:
                for n in mine:
                    envelope_sender, raw = todo[n]
                    try:
                        client.sendmail(envelope_sender, ["help@frontdesk.example"], raw)
                    except smtplib.SMTPException as error:
                        refused.append(str(error))

        started = time.perf_counter()
        threads = [threading.Thread(target=sender, args=(c,)) for c in range(connections)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        accepted = time.perf_counter() - started
        while True:
            states = counter()
            if states.get("received", 0) == 0 and sum(states.values()) >= count - len(refused):
                break
            time.sleep(0.05)
        filed = time.perf_counter() - started
    finally:
        listener.send_signal(signal.SIGINT)
        listener.wait(timeout=60)
    if refused or states.get("failed"):
        raise SystemExit(f"not all mail was filed: {states}, refused: {refused[:3]}")
    return {
        "messages": count,
        "accepted_per_second": count / accepted,
        "filed_per_second": count / filed,
        "states": states,
    }


def child_profile(count: int, batch: int) -> None:
    """In a process of its own: store and file `count` messages as a lane does, `batch` at a
    time (0: one at a time, each stored then filed on its own, as lanes did before batches),
    and print what one message costs on average."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from frontdesk.intake import mail as intake_mail
    from frontdesk.mail.inbound import (
        Arrival,
        mail_process,
        mail_process_many,
        mail_store,
        mail_store_many,
    )
    from frontdesk.mail.listener import warm_up

    warm_up()
    spent = {"parse": 0.0, "triage": 0.0}

    def timed(name: str, function: Callable) -> Callable:  # type: ignore[type-arg]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started

        return wrapper

    intake_mail.mail_parse = timed("parse", intake_mail.mail_parse)  # type: ignore[assignment]
    intake_mail.triage_new_contact = timed(  # type: ignore[assignment]
        "triage", intake_mail.triage_new_contact
    )
    commits = [0]
    autocommitted = [0]

    def counting(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        # A write outside an atomic block is a transaction of its own.
        statement = sql.lstrip().upper()
        writes = not statement.startswith(("SELECT", "SAVEPOINT", "RELEASE", "BEGIN", "COMMIT"))
        if connection.get_autocommit() and writes:
            autocommitted[0] += 1
        return execute(sql, params, many, context)

    commit = connection.commit

    def counted_commit() -> None:
        commits[0] += 1
        commit()

    connection.commit = counted_commit  # type: ignore[method-assign]
    todo = messages(count)
    with connection.execute_wrapper(counting), CaptureQueriesContext(connection) as queries:
        started = time.process_time()
        for first in range(0, count, batch or 1):
            if not batch:
                sender, raw = todo[first]
                mail_process(inbound=mail_store(raw=raw, source="smtp", envelope_from=sender))
                continue
            arrivals = [
                Arrival(raw=raw, source="smtp", envelope_from=sender)
                for sender, raw in todo[first : first + batch]
            ]
            mail_process_many(inbounds=mail_store_many(arrivals=arrivals))
        total = time.process_time() - started
    per = 1000 / count
    print(
        json.dumps(
            {
                "messages": count,
                "batch": batch,
                "queries": len(queries) / count,
                "transactions": (commits[0] + autocommitted[0]) / count,
                "cpu_ms": total * per,
                "parse_ms": spent["parse"] * per,
                "triage_ms": spent["triage"] * per,
                "rest_ms": (total - spent["parse"] - spent["triage"]) * per,
            }
        )
    )


def profile(url: str, count: int, batch: int) -> dict:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as data:
        if url.startswith("sqlite"):
            url = f"sqlite:///{data}/b.sqlite3"
        env = {**os.environ, "DATABASE_URL": url, "FRONTDESK_DATA_DIR": data}
        run = [sys.executable, "-m", "frontdesk"]
        subprocess.run([*run, "migrate"], env=env, check=True, capture_output=True)  # noqa: S603
        return _child(env, ["--child-profile", str(count), "--batch", str(batch)])


def _child(env: dict[str, str], arguments: list[str]) -> dict:  # type: ignore[type-arg]
    """Run this script in a process of its own with `arguments`; the JSON line it prints last."""
    done = subprocess.run(  # noqa: S603 - our own script, our own arguments
        [sys.executable, __file__, *arguments],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main_profile(args: argparse.Namespace) -> None:
    report = {}
    for batch in args.batches:
        if args.only != "postgresql":
            report[f"sqlite, batch {batch}"] = profile("sqlite", args.messages, batch)
        if args.only != "sqlite":
            url = postgres_fresh(args.postgres, args.database)
            report[f"postgresql, batch {batch}"] = profile(url, args.messages, batch)
    header = ["database, batch", "messages", "queries", "transactions", "CPU ms", "parse"]
    header += ["triage", "rest (DB, ORM)"]
    rows = [
        [name, r["messages"], f"{r['queries']:.1f}", f"{r['transactions']:.2f}"]
        + [f"{r[k]:.2f}" for k in ("cpu_ms", "parse_ms", "triage_ms", "rest_ms")]
        for name, r in report.items()
    ]
    title = "One message, stored and filed as a lane does (averages; batch 0: before batches)"
    table(title, header, rows)
    print(f"load average {os.getloadavg()[0]:.2f}")
    print("\n" + json.dumps({"bench": "mail_profile", **report}))


def child_outbound(replies: int) -> None:
    """In a process of its own: count the tickets, then send `replies` replies to a relay."""
    import asyncio

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
    django.setup()
    from aiosmtpd.smtp import SMTP
    from django.conf import settings
    from django.db.models import Count

    from frontdesk.accounts.services import agent_create
    from frontdesk.mail.outbound import mail_attempt
    from frontdesk.tickets.models import Message, Ticket
    from frontdesk.tickets.services import message_mail, ticket_reply

    class Sink:
        count = 0

        async def handle_DATA(self, server, session, envelope) -> str:  # type: ignore[no-untyped-def]
            Sink.count += 1
            return "250 OK"

    loop = asyncio.new_event_loop()
    ready = threading.Event()
    ports: list[int] = []

    def serve() -> None:
        asyncio.set_event_loop(loop)
        relay = loop.run_until_complete(
            loop.create_server(lambda: SMTP(Sink()), host="127.0.0.1", port=0)
        )
        ports.append(relay.sockets[0].getsockname()[1])
        ready.set()
        loop.run_forever()

    threading.Thread(target=serve, daemon=True).start()
    ready.wait(10)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", ports[0]
    password = "bench-" + os.urandom(8).hex()
    agent = agent_create(username="bench", role="agent", password=password, full_name="B")
    sent = [
        ticket_reply(ticket=ticket, agent=agent, text="Thank you, it is fixed.")
        for ticket in Ticket.objects.select_related("customer")[:replies]
    ]
    started = time.perf_counter()
    for reply in sent:
        # Worded, threaded and handed to the relay, as a worker does for each reply.
        queued = message_mail(message=reply)
        assert queued is not None
        mail_attempt(mail_id=queued.pk)
    seconds = time.perf_counter() - started
    by_language = dict(
        Ticket.objects.values_list("language").annotate(n=Count("id")).order_by("language")
    )
    by_level = dict(Ticket.objects.values_list("level").annotate(n=Count("id")).order_by("level"))
    print(
        json.dumps(
            {
                "tickets": Ticket.objects.count(),
                "messages_in": Message.objects.filter(direction="in").count(),
                "by_language": by_language,
                "by_level": {str(k): v for k, v in by_level.items()},
                "replies": Sink.count,
                "outbound_per_second": Sink.count / seconds,
            }
        )
    )


def measure(  # type: ignore[type-arg]
    url: str, count: int, connections: int, lanes: int, processes: int
) -> dict:
    with tempfile.TemporaryDirectory() as data:
        if url.startswith("sqlite"):
            url = f"sqlite:///{data}/b.sqlite3"
        report = measure_inbound(url, data, count, connections, lanes, processes)
        env = {**os.environ, "DATABASE_URL": url, "FRONTDESK_DATA_DIR": data}
        report.update(_child(env, ["--child-outbound", "200"]))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1200)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--lanes", type=int, default=0, help="default: the desk's default")
    parser.add_argument(
        "--processes",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[1, 2],
        help="listener processes to measure, e.g. 1,2",
    )
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument(
        "--database", default="frontdesk_mail_bench", help="the PostgreSQL database to make"
    )
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--profile", action="store_true", help="what one message costs")
    parser.add_argument("--child-outbound", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--batches",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[0, 8],
        help="with --profile: messages a lane stores and files at once (0: one by one, unbatched)",
    )
    parser.add_argument("--batch", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--child-profile", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_outbound:
        child_outbound(args.child_outbound)
        return
    if args.child_profile:
        child_profile(args.child_profile, args.batch)
        return
    if args.profile:
        main_profile(args)
        return
    report = {}
    for processes in args.processes:
        # More than one listener process needs PostgreSQL (SQLite has one writer at a time).
        if args.only != "postgresql" and processes == 1:
            report[f"sqlite, {processes} process"] = measure(
                "sqlite", args.messages, args.connections, args.lanes, processes
            )
        if args.only != "sqlite":
            url = postgres_fresh(args.postgres, args.database)
            report[f"postgresql, {processes} process"] = measure(
                url, args.messages, args.connections, args.lanes, processes
            )
    header = ["database, listener", "messages", "tickets", "accepted/s", "filed/s"]
    header += ["replies", "out/s"]
    rows = [
        [
            name,
            r["messages"],
            r["tickets"],
            f"{r['accepted_per_second']:.0f}",
            f"{r['filed_per_second']:.0f}",
            r["replies"],
            f"{r['outbound_per_second']:.0f}",
        ]
        for name, r in report.items()
    ]
    title = (
        f"Mail over SMTP into `frontdesk mail listen` ({args.connections} connections, "
        f"{args.lanes or 'default'} lanes a process) and out to a relay"
    )
    table(title, header, rows)
    for name, r in report.items():
        print(f"{name}: languages {r['by_language']}, levels {r['by_level']}")
    print("\n" + json.dumps({"bench": "mail", **report}))


if __name__ == "__main__":
    main()
