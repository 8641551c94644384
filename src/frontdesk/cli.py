"""The `frontdesk` command: serve, work, migrate, fill a demo desk, manage agents and tokens."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from frontdesk.core.constants import DEFAULT_HOST, DEFAULT_MAIL_PORT, DEFAULT_WEB_PORT

if TYPE_CHECKING:  # the command must start before Django is set up
    from frontdesk.accounts.models import User
    from frontdesk.demo.services import DemoLogin

DEFAULT_PORT = DEFAULT_WEB_PORT
# The processes `run` starts are this same command, run by this same Python.
FRONTDESK_CHILD = (sys.executable, "-m", "frontdesk")
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

    try:
        server = waitress.create_server(
            application, host=args.host, port=args.port, threads=args.threads, ident="frontdesk"
        )
    except OSError as error:
        print(
            f"frontdesk serve: cannot listen on {args.host}:{args.port}: {error.strerror}",
            file=sys.stderr,
        )
        return 2
    port = getattr(server, "effective_port", args.port)  # the one chosen, for --port 0
    print(f"frontdesk is serving on http://{_url_host(args.host)}:{port}", flush=True)
    server.run()
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
    from frontdesk.accounts.services import agent_create
    from frontdesk.core.errors import Invalid

    try:
        agent = agent_create(
            username=args.username,
            role=args.role,
            password=args.password,
            full_name=args.name,
            email=args.email,
        )
    except Invalid as error:
        print(f"frontdesk agent add: {error}", file=sys.stderr)
        return 2
    print(f"created {agent.role} {agent.username}")
    return 0


def cmd_agent_role(args: argparse.Namespace) -> int:
    """Give an agent another role; what they may reach follows it."""
    from frontdesk.accounts.selectors import agent_by_username
    from frontdesk.accounts.services import agent_set_role

    agent = agent_by_username(username=args.username)
    if agent is None:
        print(f"frontdesk agent role: no agent called {args.username!r}", file=sys.stderr)
        return 2
    agent_set_role(agent=agent, role=args.role)
    print(f"{agent.username} is now {agent.role}")
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

    from frontdesk.mail.services import mail_reprocess_failed

    print(f"{mail_reprocess_failed(older_than=timedelta(0))} message(s) filed")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    """Log a contact in one line: `customer. agent. problem. time.`"""
    import json

    from frontdesk.core.errors import Invalid
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
    from django.conf import settings

    from frontdesk.accounts.models import User
    from frontdesk.demo.services import demo_logins

    # Ports first: a newcomer learns in a second, not after the demo has loaded.
    web_taken = _port_taken(args.host, args.port)
    if web_taken:
        other = args.port + 100
        print(
            f"frontdesk run: port {args.port} on {args.host} is taken by another program "
            f"({web_taken}); choose another: make run PORT={other} "
            f"(or frontdesk run --port {other}).",
            file=sys.stderr,
        )
        return 2
    mail_host, mail_port = settings.MAIL_LISTEN_HOST, settings.MAIL_LISTEN_PORT
    mail_taken = _port_taken(mail_host, mail_port)
    if mail_taken:
        # The desk is worth having without incoming mail; the newcomer is told, not stopped.
        print(
            f"frontdesk run: port {mail_port} on {mail_host} is taken by another program "
            f"({mail_taken}); carrying on without receiving mail. To receive it, set "
            "FRONTDESK_MAIL_PORT to a free port.",
            file=sys.stderr,
            flush=True,
        )
    cmd_migrate(argparse.Namespace(verbosity=0))
    if not User.objects.exists() and not args.no_demo:
        print("Loading the demo desk (first run, about a minute)…", flush=True)
        cmd_demo(argparse.Namespace(seed=7, customers=300, force=False))
    logins = demo_logins()
    if not User.objects.filter(username__in=[login.username for login in logins]).exists():
        logins = []
    children = {
        "web": [*FRONTDESK_CHILD, "serve", "--host", args.host, "--port", str(args.port)],
        "worker": [*FRONTDESK_CHILD, "worker"],
    }
    if not mail_taken:
        children["mail"] = [*FRONTDESK_CHILD, "mail", "listen"]

    def up(running: set[str]) -> bool:
        if not _answers(f"http://{_url_host(args.host)}:{args.port}/healthz"):
            return False
        receiving = "mail" in running
        if receiving and not _listens(mail_host, mail_port):
            return False
        _run_summary(args, mail=(mail_host, mail_port) if receiving else None, logins=logins)
        return True

    return supervise(children, optional={"mail"}, ready=up)


def _port_taken(host: str, port: int) -> str:
    """Why nothing of ours can listen on the port, or "" when it is free."""
    try:
        with socket.create_server((host, port)):
            return ""
    except OSError as error:
        return os.strerror(error.errno) if error.errno else str(error)


def _url_host(host: str) -> str:
    """The host as a link names it: a wildcard address is reached through this machine."""
    if host in ("", "0.0.0.0", "::"):  # noqa: S104 - naming the wildcard, not binding it
        return DEFAULT_HOST
    return f"[{host}]" if ":" in host else host


def _answers(url: str) -> bool:
    """Whether a web server answers the URL at all (any status)."""
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own http:// address
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False


def _listens(host: str, port: int) -> bool:
    try:
        socket.create_connection((_url_host(host).strip("[]"), port), timeout=2).close()
    except OSError:
        return False
    return True


def mail_port_for(web_port: int) -> int:
    """The mail port `frontdesk run` takes beside a web port: moved as far as the web port was,
    so that two desks on one machine (8000 and 8100) do not fight over mail (2525 and 2625)."""
    moved = DEFAULT_MAIL_PORT + web_port - DEFAULT_WEB_PORT
    return moved if 1024 <= moved <= 65535 else DEFAULT_MAIL_PORT


def _run_environment(args: argparse.Namespace) -> None:
    """Before settings are read: links in mail and the mail port follow `run`'s web port, and
    the console shows warnings only, unless the operator set these themselves (or -v)."""
    os.environ.setdefault("FRONTDESK_PUBLIC_URL", f"http://{_url_host(args.host)}:{args.port}")
    os.environ.setdefault("FRONTDESK_MAIL_PORT", str(mail_port_for(args.port)))
    if args.verbose:
        os.environ["FRONTDESK_LOG_LEVEL"] = "INFO"
    else:
        os.environ.setdefault("FRONTDESK_LOG_LEVEL", "WARNING")


def _run_summary(
    args: argparse.Namespace, *, mail: tuple[str, int] | None, logins: Sequence[DemoLogin]
) -> None:
    """What `run` started and where, then the demo log-ins last, so they stay on screen."""
    from django.conf import settings

    web = f"http://{_url_host(args.host)}:{args.port}"
    if mail is None:
        mail_in = "not receiving mail (see above why)"
    else:
        mail_in = f"SMTP on {mail[0]}:{mail[1]} (mail to any address there becomes a ticket)"
    if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
        mail_out = f"written to {settings.EMAIL_FILE_PATH}/ (no FRONTDESK_SMTP_HOST set)"
    else:
        mail_out = f"sent through {settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    console = {
        "DEBUG": "everything (FRONTDESK_LOG_LEVEL=DEBUG)",
        "INFO": "every background job",
        "WARNING": "warnings and errors only; `frontdesk run -v` shows every background job",
        "ERROR": "errors only; `frontdesk run -v` shows every background job",
        "CRITICAL": "critical errors only; `frontdesk run -v` shows every background job",
    }[settings.LOG_LEVEL]
    lines = [
        "",
        "frontdesk is up.",
        f"  Agents      {web}/desk/",
        f"  Customers   {web}/",
        f"  Visitors    {web}/visit/",
        f"  Status      {web}/status/",
        f"  Mail in     {mail_in}",
        f"  Mail out    {mail_out}; its links start {settings.PUBLIC_URL}",
        f"  Console     {console}",
        "Stop with Ctrl-C.",
    ]
    if logins:
        languages = {code: str(name) for code, name in settings.LANGUAGES}
        width = max(len(login.username) for login in logins) + 2
        lines += ["", "Demo log-ins (username, password, language, role):"]
        lines += [
            f"  {login.username:<{width}}{login.password:<{width + 5}}"
            f"{languages.get(login.language, login.language):<11}{login.role}"
            for login in logins
        ]
    print("\n".join(lines), flush=True)


def supervise(
    commands: Mapping[str, Sequence[str]],
    *,
    optional: set[str] | None = None,
    ready: Callable[[set[str]], bool] | None = None,
) -> int:
    """Start every command; when one ends or we are stopped, stop them all.

    An optional command may end alone (said on standard error). `ready` is asked every half
    second, with the names still running, until it answers True: it announces them once up.
    """
    processes = {
        name: subprocess.Popen(command)  # noqa: S603
        for name, command in commands.items()
    }
    optional = optional or set()
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {number: signal.signal(number, stop) for number in (signal.SIGINT, signal.SIGTERM)}
    running = dict(processes)
    try:
        while not stopping:
            ended = [name for name, process in running.items() if process.poll() is not None]
            if any(name not in optional for name in ended):
                break
            for name in ended:
                print(
                    f"frontdesk: {name} stopped (exit {running.pop(name).returncode}); "
                    "carrying on without it.",
                    file=sys.stderr,
                    flush=True,
                )
            if ready is not None and ready(set(running)):
                ready = None
            time.sleep(0.5)
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        for number, handler in previous.items():
            signal.signal(number, handler)
    failed = [
        name
        for name, process in running.items()
        if process.returncode not in (0, -signal.SIGTERM, None)
    ]
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
    run.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help="web port (default 8000); the mail port moves with it (8100: mail on 2625)",
    )
    run.add_argument(
        "--no-demo", action="store_true", help="do not load demo data into an empty database"
    )
    run.add_argument(
        "-v", "--verbose", action="store_true", help="log every background job to the console"
    )
    run.set_defaults(handler=cmd_run, database=NEEDS_REACH, before_setup=_run_environment)

    serve = commands.add_parser("serve", help="serve the web pages and the API")
    serve.add_argument("--host", default=DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)  # 0: any free port
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
    agent_role = agent.add_parser("role", help="give an agent another role")
    agent_role.add_argument("username")
    agent_role.add_argument("role", choices=["agent", "lead", "admin"])
    agent_role.set_defaults(handler=cmd_agent_role)

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


def _port(text: str) -> int:
    """A TCP port for argparse: 1 to 65535."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port (1 to 65535)")
    return port


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if before_setup := getattr(args, "before_setup", None):
        before_setup(args)
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
    from frontdesk.core.health import MIGRATE_COMMAND, database_state

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
