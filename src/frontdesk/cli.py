"""The `frontdesk` command: serve, work, migrate, fill a demo desk, manage agents and tokens."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command must start before Django is set up
    from frontdesk.accounts.models import User

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# What a command needs of the database before it starts: to reach it (it migrates by itself),
# every migration applied (a one-shot command would fail half-way on a schema behind the code),
# or its tables (a long-running process only warns: in a rolling upgrade the new code may start
# before `frontdesk migrate` has run, and /healthz answers 503 until it has).
NEEDS_REACH, NEEDS_SCHEMA, NEEDS_TABLES = "reach", "schema", "tables"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
    from frontdesk.config.env import SettingsError

    try:
        import django

        django.setup()
    except SettingsError as error:
        print(error, file=sys.stderr)
        raise SystemExit(2) from error


def cmd_migrate(args: argparse.Namespace) -> int:
    """Bring the database schema up to date."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=args.verbosity)
    call_command("createcachetable", verbosity=args.verbosity)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the web pages and the API."""
    import waitress

    from frontdesk.config.wsgi import application

    print(f"frontdesk is serving on http://{args.host}:{args.port}", flush=True)
    waitress.serve(
        application, host=args.host, port=args.port, threads=args.threads, ident="frontdesk"
    )
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    """Run background tasks (mail, clocks, retraining) until stopped."""
    from django.core.management import call_command

    from frontdesk.periodic.clock import clock_start

    clock_start()
    call_command(
        "db_worker", queue_name="*", interval=args.interval, reload=False, verbosity=args.verbosity
    )
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


def cmd_agent_add(args: argparse.Namespace) -> int:
    """Create an agent."""
    from frontdesk.accounts.services import AccountError, agent_create

    try:
        agent = agent_create(
            username=args.username,
            role=args.role,
            password=args.password,
            full_name=args.name,
            email=args.email,
        )
    except AccountError as error:
        print(f"frontdesk agent add: {error}", file=sys.stderr)
        return 2
    print(f"created {agent.role} {agent.username}")
    return 0


def _active_agent(username: str, command: str) -> User | None:
    """The active agent of that name, or None after saying so on standard error."""
    from frontdesk.accounts.selectors import agent_by_username

    agent = agent_by_username(username=username)
    if agent is None or not agent.is_active:
        print(f"frontdesk {command}: no active agent called {username!r}", file=sys.stderr)
        return None
    return agent


def cmd_token_create(args: argparse.Namespace) -> int:
    """Print a new API token for an agent, alone on standard output."""
    from frontdesk.accounts.services import token_create

    agent = _active_agent(args.username, "token create")
    if agent is None:
        return 2
    print(token_create(user=agent, name=args.name))
    return 0


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
        return _supervise([child] * processes)
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

    from frontdesk.mail.services import mail_reprocess_failed

    print(f"{mail_reprocess_failed(older_than=timedelta(0))} message(s) filed")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    """Log a contact in one line: `customer. agent. problem. time.`"""
    import json

    from frontdesk.config.errors import Invalid
    from frontdesk.journal.services import log_line_json, log_line_read, log_line_save

    writer = _active_agent(args.writer, "log")
    if writer is None:
        return 2
    parsed = log_line_read(line=args.line, writer=writer)
    if args.json:
        print(json.dumps(log_line_json(parsed), ensure_ascii=False))
    else:
        for warning in parsed.warnings:
            print(f"note: {warning.text()}")
    if args.dry_run:
        return 0
    try:
        saved = log_line_save(
            line=args.line,
            writer=writer,
            customer_id=args.customer,
            new_customer=args.new_customer,
        )
    except Invalid as error:
        print(f"frontdesk log: {error}", file=sys.stderr)
        return 1
    if not args.json:
        print(f"logged on {saved.customer.name}'s timeline: {saved.summary}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Migrate, load the demo into an empty desk, then run web, worker and mail listener."""
    from frontdesk.accounts.models import User
    from frontdesk.demo.services import demo_logins

    cmd_migrate(argparse.Namespace(verbosity=0))
    if not User.objects.exists() and not args.no_demo:
        print("Loading the demo desk (first run)…", flush=True)
        cmd_demo(argparse.Namespace(seed=7, customers=300, force=False))
    if User.objects.filter(username__in=[login[0] for login in demo_logins()]).exists():
        print("\nDemo log-ins (username / password):")
        for username, password, role in demo_logins():
            print(f"  {username:<8} {password}   ({role})")
    print(
        f"\nAgents: http://{args.host}:{args.port}/desk/  "
        f"Customers: http://{args.host}:{args.port}/\n"
    )
    children = [
        [sys.executable, "-m", "frontdesk", "serve", "--host", args.host, "--port", str(args.port)],
        [sys.executable, "-m", "frontdesk", "worker"],
        [sys.executable, "-m", "frontdesk", "mail", "listen"],
    ]
    return _supervise(children)


def _supervise(commands: Sequence[Sequence[str]]) -> int:
    """Start every command; when one ends or we are stopped, stop them all."""
    processes = [subprocess.Popen(command) for command in commands]  # noqa: S603
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        while not stopping and all(p.poll() is None for p in processes):
            time.sleep(0.5)
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    failed = [p.returncode for p in processes if p.returncode not in (0, -signal.SIGTERM, None)]
    return 0 if stopping or not failed else 1


def cmd_staffing(args: argparse.Namespace) -> int:
    """Print the agents a load needs (Erlang C) and what that many achieve."""
    import json

    from frontdesk.engine.staffing import StaffingError, agents_needed

    try:
        found = agents_needed(
            rate_per_hour=args.rate,
            aht_seconds=args.aht,
            target_level=args.target_level,
            target_seconds=args.target_seconds,
            max_occupancy=args.max_occupancy,
        )
    except StaffingError as error:
        print(f"frontdesk staffing: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(
            json.dumps(
                {
                    "agents": found.agents,
                    "service_level": round(found.service_level, 6),
                    "asa_seconds": round(found.asa_seconds, 3),
                    "p_wait": round(found.p_wait, 6),
                    "occupancy": round(found.occupancy, 6),
                }
            )
        )
        return 0
    print(f"agents needed:        {found.agents}")
    print(f"service level:        {found.service_level:.1%} within {args.target_seconds:g} s")
    print(f"average speed answer: {found.asa_seconds:.1f} s")
    print(f"probability to wait:  {found.p_wait:.1%}")
    print(f"occupancy:            {found.occupancy:.1%}")
    return 0


def cmd_triage(args: argparse.Namespace) -> int:
    """Triage JSON Lines contacts without a database: one output line per input line."""
    from pathlib import Path

    from frontdesk.engine.triage import (
        DEFAULT_LANGUAGES,
        LanguageDetection,
        LevelModel,
        LexiconError,
        ModelError,
        lexicons_load,
        triage_contact,
    )
    from frontdesk.engine.triage.jsonlines import triage_lines
    from frontdesk.engine.triage.language import LanguageError, lexicon_languages

    languages = (
        [c.strip() for c in args.languages.split(",") if c.strip()] if args.languages else None
    )
    try:
        detection = LanguageDetection(languages or DEFAULT_LANGUAGES)
        lexicons = lexicons_load(
            languages=lexicon_languages(detection.codes),
            extra_dirs=[Path(d) for d in args.lexicons],
        )
        model = LevelModel.load(Path(args.model)) if args.model else None
    except (LexiconError, ModelError, LanguageError) as error:
        print(f"frontdesk triage: {error}", file=sys.stderr)
        return 2
    try:
        source = open(args.file, encoding="utf-8") if args.file else sys.stdin  # noqa: SIM115
    except OSError as error:
        print(f"frontdesk triage: {error}", file=sys.stderr)
        return 2
    failed = False
    with source:
        for line, ok in triage_lines(
            source,
            lambda contact: triage_contact(
                contact, lexicons=lexicons, detection=detection, model=model
            ),
        ):
            print(line, flush=args.flush)
            failed = failed or not ok
    return 1 if failed else 0


def cmd_triage_model(args: argparse.Namespace) -> int:
    """Train the learned triage model now, or write the newest one to a file."""
    from pathlib import Path

    from frontdesk.triage.selectors import model_latest
    from frontdesk.triage.services import model_retrain

    if args.action == "train":
        model = model_retrain()
        if model is None:
            print(
                "frontdesk triage-model: too little labelled history to train on", file=sys.stderr
            )
            return 2
        print(f"trained on {model.examples} tickets, held-out accuracy {model.accuracy}")
        return 0
    latest = model_latest()
    if latest is None:
        print("frontdesk triage-model: no model has been trained yet", file=sys.stderr)
        return 2
    Path(args.path).write_bytes(bytes(latest.data))
    print(f"wrote model {latest.pk} ({latest.examples} examples) to {args.path}")
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    """Run any Django management command (createsuperuser, shell, dbshell, …)."""
    from django.core.management import execute_from_command_line

    execute_from_command_line(["frontdesk manage", *args.rest])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frontdesk", description="frontdesk help desk")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "run", help="migrate, load the demo if empty, run web, worker and mail listener"
    )
    run.add_argument("--host", default=DEFAULT_HOST)
    run.add_argument("--port", type=int, default=DEFAULT_PORT)
    run.add_argument(
        "--no-demo", action="store_true", help="do not load demo data into an empty database"
    )
    run.set_defaults(handler=cmd_run, database=NEEDS_REACH)

    serve = commands.add_parser("serve", help="serve the web pages and the API")
    serve.add_argument("--host", default=DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--threads", type=int, default=8)
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

    agent = commands.add_parser("agent", help="manage agents").add_subparsers(
        dest="agent_command", required=True
    )
    agent_add = agent.add_parser("add", help="create an agent")
    agent_add.add_argument("username")
    agent_add.add_argument("--role", default="agent", choices=["agent", "lead", "admin"])
    agent_add.add_argument("--password", default=None)
    agent_add.add_argument("--name", default="", help="full name")
    agent_add.add_argument("--email", default="")
    agent_add.set_defaults(handler=cmd_agent_add)

    token = commands.add_parser("token", help="manage API tokens").add_subparsers(
        dest="token_command", required=True
    )
    token_create = token.add_parser("create", help="print a new API token for an agent")
    token_create.add_argument("username")
    token_create.add_argument("--name", default="", help="what the token is for")
    token_create.set_defaults(handler=cmd_token_create)

    staffing = commands.add_parser(
        "staffing", help="agents needed for a load, by Erlang C (no database needed)"
    )
    staffing.add_argument(
        "--rate", type=float, required=True, metavar="CONTACTS_PER_HOUR", help="contacts an hour"
    )
    staffing.add_argument(
        "--aht", type=float, required=True, metavar="SECONDS", help="average handling time"
    )
    staffing.add_argument(
        "--target-level",
        type=float,
        required=True,
        metavar="FRACTION",
        help="share answered in time, e.g. 0.8",
    )
    staffing.add_argument(
        "--target-seconds", type=float, required=True, metavar="T", help="answered within T s"
    )
    staffing.add_argument(
        "--max-occupancy", type=float, default=1.0, metavar="FRACTION", help="e.g. 0.85"
    )
    staffing.add_argument("--json", action="store_true", help="one JSON object")
    staffing.set_defaults(handler=cmd_staffing, needs_django=False)

    triage = commands.add_parser("triage", help="triage JSON Lines contacts (no database needed)")
    triage.add_argument("file", nargs="?", help="JSON Lines file; standard input when omitted")
    triage.add_argument(
        "--model", help="a learned model file (from `frontdesk triage-model export`)"
    )
    triage.add_argument("--languages", help="restrict detection, e.g. en,et,he,hu,bs (faster)")
    triage.add_argument(
        "--lexicons", action="append", default=[], help="a folder of extra lexicons"
    )
    triage.add_argument("--flush", action="store_true", help="flush after every line (for pipes)")
    triage.set_defaults(handler=cmd_triage, needs_django=False)

    triage_model = commands.add_parser("triage-model", help="train or export the learned model")
    triage_model_actions = triage_model.add_subparsers(dest="action", required=True)
    triage_model_actions.add_parser("train", help="retrain on the desk's history now")
    export = triage_model_actions.add_parser("export", help="write the newest model to a file")
    export.add_argument("path")
    triage_model.set_defaults(handler=cmd_triage_model)

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

    log = commands.add_parser(
        "log", help="log a contact in one line: customer. agent. topic. time."
    )
    log.add_argument("line")
    log.add_argument("--as", dest="writer", required=True, help="the agent writing the line")
    log.add_argument(
        "--dry-run", action="store_true", help="print what was understood, save nothing"
    )
    log.add_argument("--json", action="store_true", help="print the parse as JSON")
    log.add_argument("--customer", type=int, help="the customer id, when the name was a choice")
    log.add_argument("--new-customer", action="store_true", help="create the customer if unknown")
    log.set_defaults(handler=cmd_log)

    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    # Django's own commands (migrate, showmigrations, dbshell, …) decide what they need.
    manage.set_defaults(handler=cmd_manage, database=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "needs_django", True):
        _setup()
        if not _database_check(_command_name(args), getattr(args, "database", NEEDS_SCHEMA)):
            return 2
    return int(args.handler(args))


def _command_name(args: argparse.Namespace) -> str:
    words = [args.command]
    words += [getattr(args, dest, None) for dest in ("agent_command", "token_command", "action")]
    return " ".join(["frontdesk", *(word for word in words if word)])


def _database_check(command: str, needs: str | None) -> bool:
    """Whether the command may start; says on standard error why not, or what to mind."""
    from frontdesk.config.health import MIGRATE_COMMAND, database_state

    if needs is None:
        return True
    state = database_state()
    if not state.reachable:
        print(
            f"{command}: cannot reach the database ({state.label}): {state.error}", file=sys.stderr
        )
        return False
    if needs == NEEDS_REACH:
        return True
    if state.never_migrated:
        print(
            f"{command}: the database ({state.label}) has no frontdesk tables yet; "
            f"run `{MIGRATE_COMMAND}` first.",
            file=sys.stderr,
        )
        return False
    if not state.pending:
        return True
    count = len(state.pending)
    names = ", ".join(state.pending[:5]) + (", …" if count > 5 else "")
    missing = (
        f"1 database migration is not applied ({names})"
        if count == 1
        else f"{count} database migrations are not applied ({names})"
    )
    if needs == NEEDS_SCHEMA:
        print(f"{command}: {missing}; run `{MIGRATE_COMMAND}` first.", file=sys.stderr)
        return False
    print(
        f"{command}: warning: {missing}; run `{MIGRATE_COMMAND}`. Until then some pages and "
        "jobs may fail, and /healthz answers 503.",
        file=sys.stderr,
        flush=True,
    )
    return True


if __name__ == "__main__":
    sys.exit(main())
