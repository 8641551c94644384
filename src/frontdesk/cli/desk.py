"""`frontdesk migrate`, `serve`, `worker` and `demo`: the desk's database and processes."""

from __future__ import annotations

import argparse
import os
import sys

from frontdesk.cli.startup import NEEDS_REACH, NEEDS_TABLES
from frontdesk.core.constants import DEFAULT_HOST, DEFAULT_WEB_PORT

DEFAULT_PORT = DEFAULT_WEB_PORT
# Threads per web process: requests mostly wait for the database, during which others run.
DEFAULT_THREADS = 4


def cmd_migrate(args: argparse.Namespace) -> int:
    """Bring the database schema up to date, and the collected static files."""
    from django.core.management import call_command

    from frontdesk.cli.static import static_collect

    call_command("migrate", interactive=False, verbosity=args.verbosity)
    call_command("createcachetable", verbosity=args.verbosity)
    static_collect()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the web pages and the API: warm up, then fork the workers."""
    from django.conf import settings

    from frontdesk.cli.static import static_collect
    from frontdesk.config.webserver import web_serve

    static_collect()

    def said(port: int) -> None:  # the one bound, for --port 0
        print(f"frontdesk is serving on http://{url_host(args.host)}:{port}", flush=True)

    return web_serve(
        host=args.host,
        port=args.port,
        workers=args.workers or settings.WEB_WORKERS or _cores(),
        threads=args.threads,
        said=said,
    )


def cmd_worker(args: argparse.Namespace) -> int:
    """Run background tasks (mail, clocks, retraining) until stopped."""
    from django.core.management import call_command

    from frontdesk.periodic.clock import clock_start, worker_id_make
    from frontdesk.periodic.services import heartbeat_forget

    # One id for the heartbeat and the task claims, so a lost worker's tasks can be found.
    worker_id = worker_id_make()
    stop = clock_start(worker_id=worker_id)
    try:
        call_command(
            "db_worker",
            queue_name="*",
            interval=args.interval,
            reload=False,
            verbosity=args.verbosity,
            worker_id=worker_id,
        )
    finally:
        # A clean stop (the worker finishes its task first): nothing of this worker is lost.
        stop.set()
        heartbeat_forget(worker_id=worker_id)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill an empty database with a believable demo desk (migrating it first)."""
    from frontdesk.demo.services import DemoError, demo_load

    cmd_migrate(argparse.Namespace(verbosity=0))
    try:
        summary = demo_load(seed=args.seed, customers=args.customers, force=args.force)
    except DemoError as error:
        print(f"frontdesk demo: {error}", file=sys.stderr)
        return 2
    print(summary)
    return 0


def url_host(host: str) -> str:
    """The host as a link names it: a wildcard address is reached through this machine."""
    if host in ("", "0.0.0.0", "::"):  # noqa: S104 - naming the wildcard, not binding it
        return DEFAULT_HOST
    return f"[{host}]" if ":" in host else host


def _cores() -> int:
    """The cores this process may run on (a container's or `taskset`'s share, where it shows)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _at_least_one(text: str) -> int:
    """A count for argparse: a whole number from 1."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"{count} is less than 1")
    return count


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the group's commands to the `frontdesk` parser."""
    serve = commands.add_parser("serve", help="serve the web pages and the API")
    serve.add_argument("--host", default=DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)  # 0: any free port
    serve.add_argument(
        "--workers",
        type=_at_least_one,
        default=0,
        help="processes (default FRONTDESK_WEB_WORKERS, else one per core)",
    )
    serve.add_argument(
        "--threads", type=_at_least_one, default=DEFAULT_THREADS, help="threads per process"
    )
    serve.set_defaults(handler=cmd_serve, database=NEEDS_TABLES)

    worker = commands.add_parser("worker", help="run background tasks")
    worker.add_argument(
        "--interval", type=float, default=1.0, help="seconds between polls when idle"
    )
    worker.add_argument("--verbosity", type=int, default=1)
    worker.set_defaults(handler=cmd_worker, database=NEEDS_TABLES)

    migrate = commands.add_parser("migrate", help="create or update the database schema")
    migrate.add_argument("--verbosity", type=int, default=1)
    migrate.set_defaults(handler=cmd_migrate, database=NEEDS_REACH)

    demo = commands.add_parser("demo", help="fill an empty database with a demo desk")
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--customers", type=int, default=300)
    demo.add_argument(
        "--force", action="store_true", help="add demo data even if the desk has data"
    )
    demo.set_defaults(handler=cmd_demo, database=NEEDS_REACH)
