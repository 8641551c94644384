"""`frontdesk run`: migrate, load the demo into an empty desk, then run web, worker and mail."""

from __future__ import annotations

import argparse
import os
import socket
import sys
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import TYPE_CHECKING

from frontdesk.cli.desk import DEFAULT_PORT, cmd_demo, cmd_migrate, url_host
from frontdesk.cli.startup import NEEDS_REACH
from frontdesk.cli.supervise import supervise
from frontdesk.core.constants import DEFAULT_HOST, DEFAULT_MAIL_PORT, DEFAULT_WEB_PORT

if TYPE_CHECKING:  # the command must start before Django is set up
    from frontdesk.demo.services import DemoLogin

# The processes `run` starts are this same command, run by this same Python.
FRONTDESK_CHILD = (sys.executable, "-m", "frontdesk")
# Web processes `run` forks unless FRONTDESK_WEB_WORKERS says otherwise: a trial desk on a
# laptop needs two at most, and each costs memory (docs/operator-guide.md, "Serving").
RUN_WEB_WORKERS = 2


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
        "web": [
            *FRONTDESK_CHILD,
            "serve",
            "--host",
            args.host,
            "--port",
            str(args.port),
            "--workers",
            str(settings.WEB_WORKERS or RUN_WEB_WORKERS),
        ],
        "worker": [*FRONTDESK_CHILD, "worker"],
    }
    if not mail_taken:
        children["mail"] = [*FRONTDESK_CHILD, "mail", "listen"]

    def up(running: set[str]) -> bool:
        if not _answers(f"http://{url_host(args.host)}:{args.port}/healthz"):
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
    """Whether something accepts connections on the port."""
    try:
        socket.create_connection((url_host(host).strip("[]"), port), timeout=2).close()
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
    os.environ.setdefault("FRONTDESK_PUBLIC_URL", f"http://{url_host(args.host)}:{args.port}")
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

    web = f"http://{url_host(args.host)}:{args.port}"
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


def _port(text: str) -> int:
    """A TCP port for argparse: 1 to 65535."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port (1 to 65535)")
    return port


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the group's commands to the `frontdesk` parser."""
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
