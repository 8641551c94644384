"""`frontdesk mail`: receive e-mail over SMTP or LMTP, fetch it over IMAP, file it again."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import sys
from collections.abc import Callable

from frontdesk.cli.startup import NEEDS_TABLES


def cmd_mail_listen(args: argparse.Namespace) -> int:
    """Receive mail over SMTP (or LMTP) from an MTA until stopped."""
    import asyncio

    from django.conf import settings

    from frontdesk.mail.listener import listen, start_up, warm_up

    host = args.host or settings.MAIL_LISTEN_HOST
    port = args.port or settings.MAIL_LISTEN_PORT
    processes = args.processes or settings.MAIL_PROCESSES
    if processes > 1 and settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        # SQLite lets one writer in at a time, and waiting writers are not served in turn: more
        # processes only wait for each other, and a sender's mail could be filed out of order.
        print("frontdesk mail listen: more than one process needs PostgreSQL", file=sys.stderr)
        return 2
    # Ready before taking connections: a sender never waits seconds for the first 250. Several
    # processes are forked from this one once it is warm, so they load nothing again and share
    # what was loaded (copy-on-write); warm_up() leaves no database connection to cross a fork.
    warm_up()
    listening = _bind(host, port)
    if listening is None:
        return 2
    # Mail a killed listener stored but never filed is filed before new mail is taken; the port
    # stays closed meanwhile (a socket nobody accepts on would still queue senders), and MTAs
    # try again shortly.
    listening.close()
    start_up()
    listening = _bind(host, port)
    if listening is None:
        return 2

    def serve() -> int:
        try:
            asyncio.run(listen(listening, lmtp=args.lmtp, lanes=args.lanes))
        except KeyboardInterrupt:
            return 0
        return 0

    if processes == 1:
        return serve()
    print(f"frontdesk mail: {processes} processes on {host}:{port}", flush=True)
    return _forked(serve, processes)


def _forked(serve: Callable[[], int], processes: int) -> int:
    """Run `serve` in `processes` forked children that share the listening socket; when one
    ends or we are stopped, stop them all.

    One socket shared, rather than one each with SO_REUSEPORT: the kernel then hands a new
    connection to whichever process accepts first, the least busy one, instead of by a hash of
    the addresses, which with few long connections (an MTA's) left one process most of them.
    """
    children: list[int] = []
    for _ in range(processes):
        pid = os.fork()
        if pid == 0:  # the child: serve until stopped, never return into the parent's code
            code = 1
            try:
                code = serve()
            finally:
                os._exit(code)
        children.append(pid)
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True
        for child in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGTERM)

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, stop)
    failed = False
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        children.remove(pid)
        if not stopping:
            # One listener ended by itself: stop the others too, so that whatever supervises
            # the desk sees it and starts it again whole.
            failed = failed or os.waitstatus_to_exitcode(status) != 0
            stop(signal.SIGTERM, None)
    return 1 if failed else 0


def _bind(host: str, port: int) -> socket.socket | None:
    """The listening socket, or None after saying on standard error why there is none."""
    try:
        return socket.create_server((host, port), backlog=128)
    except OSError as error:
        print(f"frontdesk mail listen: cannot listen on {host}:{port}: {error}", file=sys.stderr)
        return None


def cmd_mail_fetch(args: argparse.Namespace) -> int:
    """Collect new mail from the configured IMAP mailbox once."""
    from frontdesk.mail.fetch import MailFetchError, mail_fetch

    try:
        fetched = mail_fetch()
    except MailFetchError as error:
        print(f"frontdesk mail fetch: {error}", file=sys.stderr)
        return 2
    print(f"{fetched} new message(s)")
    return 0


def cmd_mail_retry(args: argparse.Namespace) -> int:
    """File again the stored messages that could not be filed."""
    from datetime import timedelta

    from frontdesk.mail.inbound import mail_reprocess_failed

    print(f"{mail_reprocess_failed(older_than=timedelta(0))} message(s) filed")
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the group's commands to the `frontdesk` parser."""
    mail = commands.add_parser("mail", help="receive e-mail").add_subparsers(
        dest="action", required=True
    )
    listen = mail.add_parser("listen", help="receive mail over SMTP from an MTA")
    listen.add_argument("--host", default="", help="default FRONTDESK_MAIL_HOST (127.0.0.1)")
    listen.add_argument("--port", type=int, default=0, help="default FRONTDESK_MAIL_PORT (2525)")
    listen.add_argument("--lmtp", action="store_true", help="speak LMTP instead of SMTP")
    listen.add_argument(
        "--lanes", type=int, default=0, help="mail stored and filed at once (FRONTDESK_MAIL_LANES)"
    )
    listen.add_argument(
        "--processes", type=int, default=0, help="listener processes (FRONTDESK_MAIL_PROCESSES)"
    )
    listen.set_defaults(handler=cmd_mail_listen, database=NEEDS_TABLES)
    fetch = mail.add_parser("fetch", help="collect new mail from the IMAP mailbox once")
    fetch.set_defaults(handler=cmd_mail_fetch)
    retry = mail.add_parser("retry", help="file again the messages that could not be filed")
    retry.set_defaults(handler=cmd_mail_retry)
