"""Mail throughput: messages per second over SMTP into the desk (stored, parsed, threaded,
triaged, acknowledged) on SQLite and PostgreSQL, and replies per second out to an SMTP relay.
Prints a table and one JSON line.

Run: .venv/bin/python bench/mail_bench.py [--messages 600] [--connections 4]
     [--postgres postgresql://postgres@127.0.0.1:5432/postgres]

Each database is made fresh. Acknowledgements are queued for the worker, as on a running desk
(the worker is not running: sending is measured on its own, as replies out). The messages are
the home-language corpus of tests/mail, each with its own Message-ID, from 200 senders.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import smtplib
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import postgres_fresh, table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # for tests.mail.corpus


def child(messages: int, connections: int) -> None:
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # as `frontdesk migrate` does

    from aiosmtpd.smtp import SMTP
    from tests.mail import corpus

    from frontdesk.accounts.services import agent_create
    from frontdesk.mail.listener import server_factory, warm_up
    from frontdesk.tickets.models import Message, Ticket
    from frontdesk.tickets.services import message_deliver, ticket_reply

    shapes = [
        corpus.estonian_cp1257(),
        corpus.hungarian_latin2(),
        corpus.hebrew(),
        corpus.bosnian_alternative(),
        corpus.english_reply(),
    ]
    warm_up()  # as `frontdesk mail listen` does before it answers
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    ports: list[int] = []

    class Sink:
        count = 0

        async def handle_DATA(self, server, session, envelope) -> str:  # type: ignore[no-untyped-def]
            Sink.count += 1
            return "250 OK"

    def serve() -> None:
        asyncio.set_event_loop(loop)
        desk = loop.run_until_complete(
            loop.create_server(lambda: server_factory(), host="127.0.0.1", port=0)
        )
        relay = loop.run_until_complete(
            loop.create_server(lambda: SMTP(Sink()), host="127.0.0.1", port=0)
        )
        ports.extend([desk.sockets[0].getsockname()[1], relay.sockets[0].getsockname()[1]])
        ready.set()
        loop.run_forever()

    threading.Thread(target=serve, daemon=True).start()
    ready.wait(10)
    desk_port, relay_port = ports

    def raw(n: int) -> bytes:
        shape = shapes[n % len(shapes)]
        body = shape.replace(b"Message-ID: <", f"Message-ID: <b{n}.".encode(), 1)
        sender = f"customer{n % 200}@bench.example".encode()
        for old in (b"mari@posti.example", b"odon@kovacs.example", b"rami@cohen.example"):
            body = body.replace(old, sender)
        return body

    sent = [0]
    lock = threading.Lock()

    def sender(first: int) -> None:
        with smtplib.SMTP("127.0.0.1", desk_port, timeout=60) as client:
            for n in range(first, messages, connections):
                client.sendmail("x@bench.example", ["help@frontdesk.example"], raw(n))
                with lock:
                    sent[0] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=sender, args=(c,)) for c in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    inbound_seconds = time.perf_counter() - started
    tickets = Ticket.objects.count()
    from frontdesk.mail.models import InboundMail

    failed = InboundMail.objects.filter(state="failed")
    if failed.exists():  # a benchmark of failures measures nothing: say what went wrong
        raise SystemExit(f"{failed.count()} messages failed: {failed.first().error}")

    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", relay_port
    password = "bench-" + os.urandom(8).hex()
    agent = agent_create(username="bench", role="agent", password=password, full_name="B")
    replies = []
    for ticket in Ticket.objects.select_related("customer")[:200]:
        replies.append(ticket_reply(ticket=ticket, agent=agent, text="Thank you, it is fixed."))
    before = Sink.count
    started = time.perf_counter()
    for reply in replies:
        Message.objects.filter(pk=reply.pk).update(delivered_at=None)
        message_deliver(message_id=reply.pk)
    outbound_seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "messages": sent[0],
                "tickets": tickets,
                "inbound_per_second": sent[0] / inbound_seconds,
                "replies": Sink.count - before,
                "outbound_per_second": (Sink.count - before) / outbound_seconds,
            }
        )
    )


def measure(url: str, messages: int, connections: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as data:
        env = {
            **os.environ,
            "DATABASE_URL": url if not url.startswith("sqlite") else f"sqlite:///{data}/b.sqlite3",
            "FRONTDESK_DATA_DIR": data,
        }
        done = subprocess.run(  # noqa: S603 - our own script, our own arguments
            [sys.executable, __file__, "--child", str(messages), str(connections)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), int(args.child[1]))
        return
    report = {
        "sqlite": measure("sqlite", args.messages, args.connections),
        "postgresql": measure(
            postgres_fresh(args.postgres, "frontdesk_mail_bench"), args.messages, args.connections
        ),
    }
    header = ["database", "messages in", "tickets", "in per s", "replies out", "out per s"]
    rows = [
        [
            name,
            int(r["messages"]),
            int(r["tickets"]),
            f"{r['inbound_per_second']:.0f}",
            int(r["replies"]),
            f"{r['outbound_per_second']:.0f}",
        ]
        for name, r in report.items()
    ]
    table(f"Mail over SMTP ({args.connections} connections) and out to a relay", header, rows)
    print("\n" + json.dumps({"bench": "mail", **report}))


if __name__ == "__main__":
    main()
