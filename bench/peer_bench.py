"""frontdesk beside django-helpdesk 2.6.1, its closest open-source peer, measured in one run,
interleaved, on one generated multilingual corpus. Prints a table and one JSON line.

Run: .venv/bin/python bench/peer_bench.py [--quick] [--rounds 3]
     [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--no-postgres]

The peer is installed from the package registry into `bench/.peer-venv` (ignored by git, kept
between runs while its pins are these) and run as its documentation describes, in a small
Django project this script writes: DEBUG off, SQLite in WAL with the same connection options as
frontdesk's, REST framework token authentication, served by gunicorn with 4 sync workers; no
code of the peer is copied here. frontdesk is started as an operator starts it: a fresh data
folder, `frontdesk migrate`, an admin and a write token, `frontdesk serve` (with `--workers 4`
when the command has it) and `frontdesk mail listen`.

Each round measures, frontdesk first and then the peer, for each measure:
- intake: the corpus over SMTP into `frontdesk mail listen` (8 connections), until the desk has
  a ticket for every message; the peer filing the same messages from its local mail folder with
  its own `get_email` code (process_email, in a process started and warmed beforehand), until it
  has a ticket for every one. On PostgreSQL, frontdesk alone with 1 and 2 listener processes;
- API create with 1 and 8 clients (a new connection per request on both sides): req/s, p50, p99;
Then both desks are filled to the list size through their own ORM, and the API's first page of
tickets (25 a page on both) is read by one client, alternating, per round; last, the memory of
every process of each desk (RSS and PSS). Nothing here asserts a figure.
"""

from __future__ import annotations

import argparse
import csv
import email.policy
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import smtplib
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from common import postgres_fresh, process_stop, table

HERE = Path(__file__).resolve().parent
PEER_VENV = HERE / ".peer-venv"
# The peer's version, the Django frontdesk runs, and what the peer needs to serve its API.
PEER_PINS = (
    "django-helpdesk==2.6.1",
    "Django==5.2.19",
    "djangorestframework==3.18.3",
    "gunicorn==27.0.1",
)
WORKERS = 4
CONNECTIONS = 8
SHARED_FILE = "support_tickets_multilang_5lang_sample.csv"

# Short customer texts in the desk's home languages (subject, body), written for this bench.
TEXTS = {
    "en": [
        ("Invoice charged twice", "Hello, my card was charged twice for the March invoice."),
        ("Cannot log in", "Since this morning the portal says my password is wrong."),
        ("Delivery late", "My parcel was due on Monday and has not arrived yet."),
    ],
    "et": [
        ("Arve on topelt", "Tere, minu kaardilt võeti märtsi arve eest raha kaks korda."),
        ("Ei saa sisse logida", "Alates hommikust ütleb portaal, et mu parool on vale."),
        ("Tarne hilineb", "Pakk pidi saabuma esmaspäeval, kuid seda pole siiani tulnud."),
    ],
    "he": [
        ("חויבתי פעמיים", "שלום, הכרטיס שלי חויב פעמיים על החשבונית של מרץ."),
        ("לא מצליח להתחבר", "מאז הבוקר הפורטל אומר שהסיסמה שלי שגויה."),
        ("המשלוח מאחר", "החבילה הייתה אמורה להגיע ביום שני ועדיין לא הגיעה."),
    ],
    "hu": [
        (
            "Kétszer terhelték a számlát",
            "Jó napot, a kártyámat kétszer terhelték a márciusi díjjal.",
        ),
        ("Nem tudok belépni", "Ma reggel óta a portál szerint hibás a jelszavam."),
        ("Késik a szállítás", "A csomagnak hétfőn kellett volna megérkeznie, de még nincs itt."),
    ],
    "bs": [
        ("Račun naplaćen dvaput", "Dobar dan, kartica mi je dvaput zadužena za martovski račun."),
        ("Ne mogu se prijaviti", "Od jutros portal kaže da mi je lozinka pogrešna."),
        ("Dostava kasni", "Paket je trebao stići u ponedjeljak i još nije došao."),
    ],
    "de": [
        ("Rechnung doppelt abgebucht", "Guten Tag, meine Karte wurde für März zweimal belastet."),
        ("Anmeldung geht nicht", "Seit heute Morgen sagt das Portal, mein Passwort sei falsch."),
        ("Lieferung verspätet", "Mein Paket sollte am Montag kommen und ist noch nicht da."),
    ],
    "ru": [
        ("Двойное списание", "Здравствуйте, с моей карты дважды списали оплату за март."),
        ("Не могу войти", "С утра портал пишет, что мой пароль неверный."),
        ("Доставка задерживается", "Посылка должна была прийти в понедельник, но её всё нет."),
    ],
}
# The charset a mail program in that language might still use; utf-8 otherwise.
MAIL_DATE = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
CHARSETS = {"et": "iso-8859-13", "hu": "iso-8859-2", "ru": "koi8-r", "bs": "iso-8859-2"}


# --- the corpus ------------------------------------------------------------------------------


def corpus(count: int, shared_folder: Path, seed: int = 20) -> list[dict[str, Any]]:
    """`count` customer mails, the same on every run: a language, subject, body, and the shape
    (plain, alternative with HTML, HTML only; every fifth with an attachment)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
    shared: list[tuple[str, str]] = []
    if (shared_folder / SHARED_FILE).exists():
        with (shared_folder / SHARED_FILE).open(encoding="utf-8") as rows:
            shared = [
                (row["subject"], row["body"])
                for row in csv.DictReader(rows)
                if row["subject"] and row["body"]
            ]
    made = []
    languages = sorted(TEXTS)
    for n in range(count):
        if shared and n % 4 == 3:
            language, (subject, body) = "shared", rng.choice(shared)
        else:
            language = languages[n % len(languages)]
            subject, body = rng.choice(TEXTS[language])
        shape = ("plain", "alternative", "plain", "html")[n % 4 if n % 10 else 3]
        attachment = None
        if n % 5 == 0:
            kind = rng.choice(["pdf", "png", "txt"])
            size = rng.randint(2_000, 40_000)
            attachment = (kind, rng.randbytes(size) if kind != "txt" else body.encode() * 20)
        made.append(
            {
                "n": n,
                "language": language,
                "subject": f"{subject} ({n})",
                "body": f"{body}\n\n{rng.choice(['Thanks', 'Köszönöm', 'Aitäh', 'Danke'])}",
                "shape": shape,
                "attachment": attachment,
            }
        )
    return made


def mail_bytes(item: dict[str, Any], tag: str, to: str) -> tuple[str, bytes]:
    """One corpus item as a raw RFC 5322 message (7-bit: RFC 2047 headers, QP or base64 bodies)
    with its own sender and Message-ID for this `tag`."""
    sender = f"customer{item['n']}-{tag}@bench.example"
    message = EmailMessage()
    message["From"] = f"Customer {item['n']} <{sender}>"
    message["To"] = to
    message["Subject"] = item["subject"]
    message["Date"] = format_datetime(MAIL_DATE)
    message["Message-ID"] = f"<{tag}.{item['n']}@bench.example>"
    charset = CHARSETS.get(item["language"], "utf-8")
    try:
        item["body"].encode(charset)
    except UnicodeEncodeError:
        charset = "utf-8"
    html = "<html><body><p>" + item["body"].replace("\n\n", "</p><p>") + "</p></body></html>"
    if item["shape"] == "html":
        message.set_content(html, subtype="html", charset="utf-8", cte="quoted-printable")
    else:
        message.set_content(item["body"], charset=charset, cte="quoted-printable")
        if item["shape"] == "alternative":
            message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    if item["attachment"]:
        kind, data = item["attachment"]
        maintype, subtype = {
            "pdf": ("application", "pdf"),
            "png": ("image", "png"),
            "txt": ("text", "plain"),
        }[kind]
        if maintype == "text":
            message.add_attachment(
                data.decode(), filename="notes.txt", charset="utf-8", cte="quoted-printable"
            )
        else:
            message.add_attachment(data, maintype, subtype, filename=f"scan.{kind}")
    # CRLF line ends, as on the wire (smtplib sends bytes as they are).
    return sender, message.as_bytes(policy=email.policy.SMTP)


# --- processes and memory --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _descendants(root: int) -> list[int]:
    """`root` and every process below it, read from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def memory_of(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of one process in MB."""
    rss = pss = 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss, pss


def _name_of(pid: int) -> str:
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    text = " ".join(w.decode(errors="replace") for w in words if w)
    text = re.sub(r"\S*/(python3?(\.\d+)?|gunicorn)\b", r"\1", text)
    return text[:60]


def _wait_http(port: int, path: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answered on port {port} in {seconds:.0f} s")


# --- HTTP load -------------------------------------------------------------------------------


def http_load(
    port: int, requests: list[tuple[str, str, bytes | None]], headers: dict[str, str], clients: int
) -> dict[str, float]:
    """Send the requests from `clients` threads, a new connection each (as many different
    clients would); req/s, p50 and p99 in ms, and how many did not answer 2xx."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def client(mine: list[tuple[str, str, bytes | None]]) -> None:
        for method, path, body in mine:
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            connection.close()
            took = time.perf_counter() - started
            with lock:
                latencies.append(took)
                if response.status >= 300:
                    failures.append(f"{response.status} {payload[:200]!r}")

    started = time.perf_counter()
    threads = [
        threading.Thread(target=client, args=(requests[c::clients],)) for c in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    if failures:
        print(f"  {len(failures)} failed, e.g. {failures[0]}", file=sys.stderr)
    ordered = sorted(latencies)
    return {
        "requests_per_second": len(requests) / seconds,
        "p50_ms": 1000 * statistics.median(ordered),
        "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "failed": len(failures),
    }


def _count(url: str, table_name: str) -> int:
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30) as connection:
            return int(connection.execute(f"SELECT COUNT(*) FROM {table_name}").fetchone()[0])  # noqa: S608
    import psycopg

    with psycopg.connect(url) as connection:
        row = connection.execute(f"SELECT COUNT(*) FROM {table_name}").fetchone()  # noqa: S608
        return int(row[0]) if row else 0


def _wait_count(url: str, table_name: str, target: int, seconds: float = 600) -> int:
    deadline = time.monotonic() + seconds
    while (now := _count(url, table_name)) < target and time.monotonic() < deadline:
        time.sleep(0.05)
    return now


# --- frontdesk -------------------------------------------------------------------------------


class Desk:
    """What both desks answer over HTTP: creates and the list, through their own API."""

    web_port: int
    create_path: str
    list_path: str

    def create_body(self, item: dict[str, Any], tag: str) -> dict[str, Any]:
        raise NotImplementedError

    def headers(self) -> dict[str, str]:
        raise NotImplementedError

    def creates(self, items: list[dict[str, Any]], tag: str, clients: int) -> dict[str, float]:
        """Create a ticket for each item from `clients` at once."""
        requests = [
            ("POST", self.create_path, json.dumps(self.create_body(item, tag)).encode())
            for item in items
        ]
        return http_load(self.web_port, requests, self.headers(), clients)

    def lists(self, runs: int, clients: int = 1) -> dict[str, float]:
        """Read the first page of the ticket list `runs` times."""
        requests: list[tuple[str, str, bytes | None]] = [("GET", self.list_path, None)] * runs
        return http_load(self.web_port, requests, self.headers(), clients)


class Frontdesk(Desk):
    """A frontdesk started as an operator would: fresh data folder, migrate, agent, token,
    serve and mail listen."""

    def __init__(self, data: Path, url: str, *, web: bool, listeners: int) -> None:
        self.data, self.url = data, url
        self.env = {
            **os.environ,
            "FRONTDESK_DATA_DIR": str(data),
            "DATABASE_URL": url,
            "FRONTDESK_LOG_LEVEL": "WARNING",
        }
        self.processes: dict[str, subprocess.Popen[str]] = {}
        run = [sys.executable, "-m", "frontdesk"]
        subprocess.run([*run, "migrate"], env=self.env, check=True, capture_output=True)  # noqa: S603
        self.mail_port = _free_port()
        listener = subprocess.Popen(  # noqa: S603 - our own command
            [*run, "mail", "listen", "--port", str(self.mail_port), "--processes", str(listeners)],
            env=self.env,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.processes["mail listen"] = listener
        self.web_port = 0
        self.token = ""
        if web:
            password = secrets.token_urlsafe(16)
            add = [*run, "agent", "add", "bench", "--role", "admin", "--password", password]
            subprocess.run(add, env=self.env, check=True, capture_output=True)  # noqa: S603
            made = subprocess.run(  # noqa: S603
                [*run, "token", "create", "bench", "--scope", "write", "--name", "bench"],
                env=self.env,
                check=True,
                capture_output=True,
                text=True,
            )
            self.token = made.stdout.strip().splitlines()[-1]
            self.web_port = _free_port()
            serve = [*run, "serve", "--host", "127.0.0.1", "--port", str(self.web_port)]
            help_text = subprocess.run(  # noqa: S603
                [*run, "serve", "--help"], env=self.env, capture_output=True, text=True, check=False
            ).stdout
            self.workers = "--workers" in help_text
            if self.workers:
                serve += ["--workers", str(WORKERS)]
            # Its warnings (waitress's "task queue depth") go to a file, not between the figures.
            log = (data / "serve.log").open("w")
            self.processes["serve"] = subprocess.Popen(  # noqa: S603
                serve, env=self.env, stderr=log
            )
        self._wait_listening(listener, listeners)
        if web:
            _wait_http(self.web_port, "/healthz")

    @staticmethod
    def _wait_listening(listener: subprocess.Popen[str], processes: int) -> None:
        assert listener.stdout is not None
        ready = 0
        while ready < processes:
            line = listener.stdout.readline()
            if not line:
                raise SystemExit("frontdesk mail listen ended before it answered")
            ready += " on 127.0.0.1:" in line and "processes" not in line
        # Keep reading what it says, so a full pipe never stops it.
        threading.Thread(target=listener.stdout.read, daemon=True).start()

    def tickets(self) -> int:
        return _count(self.url, "tickets_ticket")

    def intake(self, items: list[dict[str, Any]], tag: str) -> dict[str, float]:
        """Send the mails over SMTP from 8 connections; filed/s until every one is a ticket."""
        before = self.tickets()
        todo = [mail_bytes(item, tag, "help@frontdesk.example") for item in items]
        refused: list[str] = []

        def sender(first: int) -> None:
            with smtplib.SMTP("127.0.0.1", self.mail_port, timeout=120) as client:
                for envelope, raw in todo[first::CONNECTIONS]:
                    try:
                        client.sendmail(envelope, ["help@frontdesk.example"], raw)
                    except smtplib.SMTPException as error:
                        refused.append(str(error))

        started = time.perf_counter()
        threads = [threading.Thread(target=sender, args=(c,)) for c in range(CONNECTIONS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        filed = _wait_count(self.url, "tickets_ticket", before + len(items) - len(refused))
        seconds = time.perf_counter() - started
        if refused or filed < before + len(items):
            print(
                f"  frontdesk filed {filed - before} of {len(items)}: {refused[:2]}",
                file=sys.stderr,
            )
        return {
            "per_second": (filed - before) / seconds,
            "seconds": seconds,
            "filed": filed - before,
        }

    create_path, list_path = "/api/v1/tickets", "/api/v1/tickets?limit=25"

    def create_body(self, item: dict[str, Any], tag: str) -> dict[str, Any]:
        """A new ticket from a new customer, as `POST /api/v1/tickets` takes it."""
        return {
            "customer": {
                "name": f"Customer {item['n']}",
                "email": f"api{item['n']}-{tag}@bench.example",
            },
            "channel": "email",
            "subject": item["subject"],
            "body": item["body"],
        }

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}

    def fill(self, size: int) -> None:
        subprocess.run(  # noqa: S603 - our own script
            [sys.executable, __file__, "--child-fill", str(size)],
            env={**self.env, "DJANGO_SETTINGS_MODULE": "frontdesk.config.settings"},
            check=True,
        )

    def roots(self) -> dict[str, int]:
        return {name: process.pid for name, process in self.processes.items()}

    def start_worker(self) -> None:
        worker = [sys.executable, "-m", "frontdesk", "worker"]
        self.processes["worker"] = subprocess.Popen(worker, env=self.env)  # noqa: S603

    def stop(self) -> None:
        for process in self.processes.values():
            process_stop(process, how=signal.SIGINT, seconds=30)


def child_fill(size: int) -> None:
    """In frontdesk's environment: add tickets through its ORM until there are `size`."""
    import django

    django.setup()
    from datetime import timedelta

    from django.utils import timezone

    from frontdesk.customers.models import Customer
    from frontdesk.engine.search import search_text_build
    from frontdesk.engine.text import fold
    from frontdesk.periodic.services import database_optimize
    from frontdesk.tickets.models import Ticket

    rng = random.Random(5)  # noqa: S311 - reproducible data, not secrets
    have = Ticket.objects.count()
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    customers = Customer.objects.bulk_create(
        Customer(name=f"Filled Customer {n}", search_text=fold(f"Filled Customer {n}"))
        for n in range(1000)
    )
    now = timezone.now()
    batch = []
    for n in range(have, size):
        customer = rng.choice(customers)
        # Past the 32**5 the real references draw from at random: no collision in practice.
        reference = "FD-Z" + "".join(alphabet[n // 32**i % 32] for i in range(5))
        subject, body = rng.choice(TEXTS[rng.choice(sorted(TEXTS))])
        batch.append(
            Ticket(
                reference=reference,
                customer=customer,
                subject=subject,
                channel="email",
                status=rng.choice(["new", "open", "waiting", "solved"]),
                created_at=now - timedelta(minutes=rng.randint(60, 60 * 24 * 365)),
                search_text=search_text_build(
                    reference.removeprefix("FD-"), customer.search_text, subject, body, limit=1500
                ),
            )
        )
    for start in range(0, len(batch), 2000):
        Ticket.objects.bulk_create(batch[start : start + 2000])
    database_optimize()


# --- the peer --------------------------------------------------------------------------------

PEER_SETTINGS = '''\
"""A minimal Django project serving django-helpdesk, written by frontdesk's bench/peer_bench.py
following the peer's installation docs."""
import os

BASE = os.path.dirname(os.path.abspath(__file__))
SECRET_KEY = os.environ["PEER_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "helpdesk",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "peer_urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
WSGI_APPLICATION = "peer_wsgi.application"
DATABASES = {"default": {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": os.path.join(BASE, "peer.sqlite3"),
    # The same options frontdesk gives SQLite: WAL, synchronous NORMAL, IMMEDIATE transactions.
    "OPTIONS": {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    },
}}
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.TokenAuthentication"],
}
SITE_ID = 1
HELPDESK_TEAMS_MODE_ENABLED = False  # pinax-teams is an optional extra
LOGIN_URL = "helpdesk:login"
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = os.path.join(BASE, "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = os.path.join(BASE, "media")
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
# Notifications are composed but not delivered (frontdesk queues its own for a worker).
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
DEFAULT_FROM_EMAIL = "help@peer.example"
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "root": {"level": "WARNING"}}
'''

PEER_URLS = """\
from django.contrib import admin
from django.urls import include, path

urlpatterns = [path("admin/", admin.site.urls), path("", include("helpdesk.urls"))]
"""

PEER_WSGI = """\
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer_settings")
application = get_wsgi_application()
"""

# Run by the peer's own Python: set up the desk, file its mail folder, fill it.
PEER_CONTROL = """\
import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer_settings")
django.setup()
from django.core.management import call_command
from django.db import connection

command = sys.argv[1]
if command == "setup":
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=WAL")
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token
    from helpdesk.models import Queue

    user = get_user_model().objects.create_superuser("bench", "bench@peer.example", sys.argv[3])
    queue = Queue.objects.create(
        title="Help", slug="help", email_address="help@peer.example",
        allow_email_submission=True, email_box_type="local", email_box_local_dir=sys.argv[2],
        email_box_interval=0,
    )
    print(json.dumps({"token": Token.objects.create(user=user).key, "queue": queue.pk}))
elif command == "intake":
    # What `manage.py get_email` runs, in a process already started, so both desks are warm.
    from helpdesk.email import process_email
    from helpdesk.models import Queue

    Queue.objects.update(email_box_last_check=None)
    print("ready", flush=True)
    sys.stdin.readline()
    process_email(quiet=True)
    print("done", flush=True)
    sys.stdin.readline()
elif command == "fill":
    import random
    from datetime import timedelta

    from django.utils import timezone
    from helpdesk.models import Queue, Ticket

    rng = random.Random(5)
    queue = Queue.objects.get(slug="help")
    have = Ticket.objects.count()
    now = timezone.now()
    texts = json.loads(sys.argv[3])
    batch = []
    for n in range(have, int(sys.argv[2])):
        subject, body = rng.choice(texts)
        when = now - timedelta(minutes=rng.randint(60, 60 * 24 * 365))
        batch.append(Ticket(
            queue=queue, title=subject, description=body,
            submitter_email=f"filled{n % 1000}@bench.example",
            status=rng.choice([1, 2, 3, 4]), priority=3, created=when, modified=when,
        ))
    for start in range(0, len(batch), 2000):
        Ticket.objects.bulk_create(batch[start:start + 2000])
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA optimize")
"""


def peer_python() -> Path:
    """The peer's venv, made (or remade, when its pins changed) from the package registry."""
    python = PEER_VENV / "bin" / "python"
    stamp = PEER_VENV / "pins.txt"
    if python.exists() and stamp.exists() and stamp.read_text() == "\n".join(PEER_PINS):
        return python
    shutil.rmtree(PEER_VENV, ignore_errors=True)
    print(f"installing {', '.join(PEER_PINS)} into {PEER_VENV}…", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [str(python), "-m", "pip", "install", "-q", *PEER_PINS], check=True
    )
    stamp.write_text("\n".join(PEER_PINS))
    return python


class Peer(Desk):
    """django-helpdesk 2.6.1 in a project of its own, served by gunicorn with 4 sync workers."""

    def __init__(self, home: Path) -> None:
        self.python = peer_python()
        self.home = home
        for name, text in {
            "peer_settings.py": PEER_SETTINGS,
            "peer_urls.py": PEER_URLS,
            "peer_wsgi.py": PEER_WSGI,
            "peer_control.py": PEER_CONTROL,
        }.items():
            (home / name).write_text(text)
        self.maildir = home / "maildir"
        self.maildir.mkdir()
        self.url = f"sqlite:///{home}/peer.sqlite3"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PYTHONPATH"}},
            "PEER_SECRET_KEY": secrets.token_urlsafe(40),
            "DJANGO_SETTINGS_MODULE": "peer_settings",
            "PYTHONPATH": str(home),
        }
        made = self._control("setup", str(self.maildir), secrets.token_urlsafe(16))
        setup = json.loads(made.strip().splitlines()[-1])
        self.token, self.queue = setup["token"], setup["queue"]
        self.web_port = _free_port()
        gunicorn = PEER_VENV / "bin" / "gunicorn"
        self.server = subprocess.Popen(  # noqa: S603
            [
                str(gunicorn),
                "peer_wsgi:application",
                "--workers",
                str(WORKERS),
                "--worker-class",
                "sync",
                "--bind",
                f"127.0.0.1:{self.web_port}",
                "--log-level",
                "warning",
                "--chdir",
                str(home),
            ],
            env=self.env,
            cwd=home,
        )
        self.intake_process: subprocess.Popen[str] | None = None
        _wait_http(self.web_port, "/api/")

    def _control(self, *arguments: str) -> str:
        done = subprocess.run(  # noqa: S603
            [str(self.python), str(self.home / "peer_control.py"), *arguments],
            env=self.env,
            cwd=self.home,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise SystemExit(f"the peer's {arguments[0]} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def tickets(self) -> int:
        return _count(self.url, "helpdesk_ticket")

    def intake(self, items: list[dict[str, Any]], tag: str) -> dict[str, float]:
        """Put the mails in the queue's local folder, then time its get_email code until every
        one is a ticket."""
        before = self.tickets()
        for n, item in enumerate(items):
            (self.maildir / f"{tag}-{n:05d}.eml").write_bytes(
                mail_bytes(item, tag, "help@peer.example")[1]
            )
        process = subprocess.Popen(  # noqa: S603
            [str(self.python), str(self.home / "peer_control.py"), "intake"],
            env=self.env,
            cwd=self.home,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdin is not None
        assert process.stdout is not None
        if process.stdout.readline().strip() != "ready":
            raise SystemExit("the peer's intake did not start")
        started = time.perf_counter()
        process.stdin.write("go\n")
        process.stdin.flush()
        process.stdout.readline()  # done
        filed = self.tickets()
        seconds = time.perf_counter() - started
        if self.intake_process is not None:
            self.intake_process.stdin.close()  # type: ignore[union-attr]
            self.intake_process.wait()
        self.intake_process = process  # kept until the next round, for its memory
        left = len(list(self.maildir.iterdir()))
        if filed - before < len(items):
            print(
                f"  the peer filed {filed - before} of {len(items)}, {left} left", file=sys.stderr
            )
        return {
            "per_second": (filed - before) / seconds,
            "seconds": seconds,
            "filed": filed - before,
        }

    create_path, list_path = "/api/tickets/", "/api/tickets/?page_size=25"

    def create_body(self, item: dict[str, Any], tag: str) -> dict[str, Any]:
        """A new ticket in the queue, as its REST framework endpoint takes it."""
        return {
            "queue": self.queue,
            "title": item["subject"],
            "description": item["body"],
            "submitter_email": f"api{item['n']}-{tag}@bench.example",
            "priority": 3,
        }

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Token {self.token}", "Content-Type": "application/json"}

    def fill(self, size: int) -> None:
        texts = [pair for pairs in TEXTS.values() for pair in pairs]
        self._control("fill", str(size), json.dumps(texts))

    def roots(self) -> dict[str, int]:
        roots = {"gunicorn": self.server.pid}
        if self.intake_process is not None:
            roots["get_email"] = self.intake_process.pid
        return roots

    def stop(self) -> None:
        if self.intake_process is not None and self.intake_process.stdin is not None:
            self.intake_process.stdin.close()
            self.intake_process.wait()
        self.server.send_signal(signal.SIGTERM)
        self.server.wait(timeout=30)


# --- the run ---------------------------------------------------------------------------------


def load() -> str:
    """The load average now, as three numbers."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def spread(values: list[float], digits: int = 0, *, significant: bool = False) -> str:
    """One value, or the min–max of several; `significant`: three significant digits."""
    shape = ".3g" if significant else f".{digits}f"
    if len(values) == 1:
        return f"{values[0]:{shape}}"
    return f"{min(values):{shape}}–{max(values):{shape}}"


class Figures:
    """Each measure's values per side and round, printed as they come with the load average."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, list[float]]] = {}

    def note(self, measure: str, frontdesk: float, peer: float, unit: str = "") -> None:
        self.rows.setdefault(measure, {}).setdefault("frontdesk", []).append(frontdesk)
        self.rows[measure].setdefault("peer", []).append(peer)
        ratio = f"{frontdesk / peer:.2f}" if peer else "-"
        print(
            f"  {measure}: frontdesk {frontdesk:.1f}{unit}, peer {peer:.1f}{unit}, "
            f"ratio {ratio}; load {load()}",
            flush=True,
        )

    def table_rows(self) -> list[list[object]]:
        rows: list[list[object]] = []
        for measure, sides in self.rows.items():
            fd, pe = sides["frontdesk"], sides["peer"]
            ratios = [a / b for a, b in zip(fd, pe, strict=True) if b]
            digits = 1 if any(abs(v) < 100 for v in fd + pe) else 0
            lower = any(word in measure for word in ("p50", "p99", "MB", " ms"))
            better = "lower" if lower else "higher"
            rows.append(
                [
                    measure,
                    spread(fd, digits),
                    spread(pe, digits),
                    spread(ratios, significant=True),
                    better,
                ]
            )
        return rows


def desks_start(
    root: Path, args: argparse.Namespace
) -> tuple[Frontdesk, Peer, dict[int, Frontdesk]]:
    """Both desks, and frontdesk's PostgreSQL listeners, started side by side: migrations are
    most of a start on a busy machine."""
    for part in ("frontdesk", "peer", "pg1", "pg2"):
        (root / part).mkdir()
    with ThreadPoolExecutor(4) as pool:
        desk_started = pool.submit(
            Frontdesk,
            root / "frontdesk",
            f"sqlite:///{root}/frontdesk/desk.sqlite3",
            web=True,
            listeners=1,
        )
        peer_started = pool.submit(Peer, root / "peer")
        postgres_started = {
            processes: pool.submit(
                Frontdesk,
                root / f"pg{processes}",
                postgres_fresh(args.postgres, f"frontdesk_peer_bench_{processes}"),
                web=False,
                listeners=processes,
            )
            for processes in ([] if args.no_postgres else [1, 2])
        }
        postgres = {n: started.result() for n, started in postgres_started.items()}
        return desk_started.result(), peer_started.result(), postgres


def round_measure(
    figures: Figures,
    desk: Frontdesk,
    peer: Peer,
    postgres: dict[int, Frontdesk],
    items: list[dict[str, Any]],
    *,
    tag: str,
    mails: int,
    creates: int,
) -> None:
    """One round: intake, then API creates with 1 and 8 clients; frontdesk first each time."""
    fd = desk.intake(items[:mails], tag)
    pe = peer.intake(items[:mails], tag)
    figures.note("intake filed/s, SQLite", fd["per_second"], pe["per_second"], "/s")
    for processes, pg_desk in postgres.items():
        pg = pg_desk.intake(items[:mails], tag)
        figures.note(
            f"intake filed/s, frontdesk on PostgreSQL, {processes} listener(s), peer SQLite",
            pg["per_second"],
            pe["per_second"],
            "/s",
        )
    for clients in (1, CONNECTIONS):
        fd = desk.creates(items[:creates], f"{tag}c{clients}", clients)
        pe = peer.creates(items[:creates], f"{tag}c{clients}", clients)
        figures.note(
            f"API create, {clients} client(s), req/s",
            fd["requests_per_second"],
            pe["requests_per_second"],
        )
        for key in ("p50", "p99"):
            measure = f"API create, {clients} client(s), {key} ms"
            figures.note(measure, fd[f"{key}_ms"], pe[f"{key}_ms"])


def memory_read(desk: Frontdesk, peer: Peer) -> dict[str, list[dict[str, Any]]]:
    """RSS and PSS of every process of each desk."""
    found: dict[str, list[dict[str, Any]]] = {}
    for side, roots in (("frontdesk", desk.roots()), ("peer", peer.roots())):
        found[side] = [
            {
                "role": role,
                "pid": pid,
                "command": _name_of(pid),
                "rss_mb": memory_of(pid)[0],
                "pss_mb": memory_of(pid)[1],
            }
            for role, root in roots.items()
            for pid in _descendants(root)
        ]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="200 mails, 200 creates, list at 2k")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--mails", type=int, help="instead of 500 (200 with --quick)")
    parser.add_argument("--creates", type=int, help="instead of 1,000 (200 with --quick)")
    parser.add_argument("--list-size", type=int, help="instead of 10,000 (2,000 with --quick)")
    parser.add_argument("--child-fill", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_fill:
        child_fill(args.child_fill)
        return
    mails, creates, list_size = (200, 200, 2000) if args.quick else (500, 1000, 10_000)
    mails, creates = args.mails or mails, args.creates or creates
    list_size = args.list_size or list_size
    list_runs = 15 if args.quick else 20
    items = corpus(max(mails, creates, 17), args.shared)
    # Stopped from outside, the desks started here are stopped too (the `finally` below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    figures = Figures()
    started_at = time.monotonic()
    print(f"load average at start: {load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="peer-bench-") as scratch:
        desk, peer, postgres = desks_start(Path(scratch), args)
        served = f"--workers {WORKERS}" if desk.workers else "in one process, 8 threads"
        print(
            f"desks up in {time.monotonic() - started_at:.0f} s; frontdesk serve {served}; "
            f"load {load()}",
            flush=True,
        )
        try:
            # The first create after start pays for what each desk loads lazily: shown on its
            # own, then both are warmed alike (every worker has created and listed).
            fd, pe = desk.creates(items[:1], "first", 1), peer.creates(items[:1], "first", 1)
            figures.note("first API create after start, ms", fd["p50_ms"], pe["p50_ms"])
            for side in (desk, peer):
                side.creates(items[1:17], "warm", 4)
                side.lists(8, 4)
            for r in range(args.rounds):
                print(f"\nround {r + 1} of {args.rounds}", flush=True)
                round_measure(
                    figures, desk, peer, postgres, items, tag=f"r{r}", mails=mails, creates=creates
                )
            print(f"\nfilling both to {list_size} tickets…", flush=True)
            desk.fill(list_size)
            peer.fill(list_size)
            print(f"  frontdesk has {desk.tickets()}, the peer {peer.tickets()}", flush=True)
            for _ in range(args.rounds):
                fd, pe = desk.lists(list_runs), peer.lists(list_runs)
                for key in ("p50", "p99"):
                    measure = f"list at {list_size}, API first page of 25, {key} ms"
                    figures.note(measure, fd[f"{key}_ms"], pe[f"{key}_ms"])
            desk.start_worker()
            time.sleep(10)  # the worker loads the desk before its memory is read
            processes = memory_read(desk, peer)
            for unit in ("rss", "pss"):
                figures.note(
                    f"memory, {unit.upper()} sum MB",
                    sum(p[f"{unit}_mb"] for p in processes["frontdesk"]),
                    sum(p[f"{unit}_mb"] for p in processes["peer"]),
                )
        finally:
            desk.stop()
            peer.stop()
            for pg_desk in postgres.values():
                pg_desk.stop()
    if postgres:
        import psycopg

        with psycopg.connect(args.postgres, autocommit=True) as connection:
            for n in postgres:
                connection.execute(f'DROP DATABASE IF EXISTS "frontdesk_peer_bench_{n}"')
    table(
        f"frontdesk beside django-helpdesk 2.6.1: {args.rounds} round(s), {mails} mails, "
        f"{creates} creates, list at {list_size}; frontdesk serve {served}, the peer gunicorn "
        f"{WORKERS} sync workers (min–max over rounds; load average at the end {load()})",
        ["measure", "frontdesk", "peer", "frontdesk/peer", "better"],
        figures.table_rows(),
    )
    for side, found in processes.items():
        table(
            f"memory of every process, {side}",
            ["role", "pid", "command", "RSS MB", "PSS MB"],
            [
                [p["role"], p["pid"], p["command"], f"{p['rss_mb']:.0f}", f"{p['pss_mb']:.0f}"]
                for p in found
            ],
        )
    summary = {
        "bench": "peer",
        "rounds": args.rounds,
        "mails": mails,
        "creates": creates,
        "list_size": list_size,
        "frontdesk_serve": served,
        "peer_workers": WORKERS,
        "load_average_end": os.getloadavg(),
        "figures": figures.rows,
        "processes": processes,
    }
    print("\n" + json.dumps(summary))


if __name__ == "__main__":
    main()
