"""`frontdesk mail`: receive e-mail over SMTP or LMTP, fetch it over IMAP, file it again."""

from __future__ import annotations

import argparse
import socket
import sys

from frontdesk.cli.startup import NEEDS_TABLES
from frontdesk.cli.supervise import supervise


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
    if processes == 1:
        # Ready before taking connections: a sender never waits seconds for the first 250,
        # and a port shared by several processes gives none to a process still loading.
        warm_up()
    # Several processes each bind the port with SO_REUSEPORT and the kernel spreads the
    # connections among them: filing is Python work, and one process uses one core.
    shared = processes > 1 or args.share_port
    listening = _bind(host, port, shared=shared)
    if listening is None:
        return 2
    if not args.share_port:
        # Mail a killed listener stored but never filed is filed before new mail is taken; the
        # port stays closed meanwhile (a socket nobody accepts on would still queue senders),
        # and MTAs try again shortly.
        listening.close()
        start_up()
    if processes > 1:
        child = [sys.executable, "-m", "frontdesk", "mail", "listen", "--host", host]
        child += ["--port", str(port), "--lanes", str(args.lanes), "--processes", "1"]
        child += ["--share-port", *(["--lmtp"] if args.lmtp else [])]
        print(f"frontdesk mail: {processes} processes on {host}:{port}", flush=True)
        return supervise({f"mail listener {n + 1}": child for n in range(processes)})
    if not args.share_port:
        listening = _bind(host, port, shared=False)
        if listening is None:
            return 2
    try:
        asyncio.run(listen(listening, lmtp=args.lmtp, lanes=args.lanes))
    except KeyboardInterrupt:
        return 0
    return 0


def _bind(host: str, port: int, *, shared: bool) -> socket.socket | None:
    """The listening socket, or None after saying on standard error why there is none."""
    try:
        return socket.create_server((host, port), reuse_port=shared, backlog=128)
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
    listen.add_argument("--share-port", action="store_true", help=argparse.SUPPRESS)
    listen.set_defaults(handler=cmd_mail_listen, database=NEEDS_TABLES)
    fetch = mail.add_parser("fetch", help="collect new mail from the IMAP mailbox once")
    fetch.set_defaults(handler=cmd_mail_fetch)
    retry = mail.add_parser("retry", help="file again the messages that could not be filed")
    retry.set_defaults(handler=cmd_mail_retry)
