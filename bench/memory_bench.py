"""What each model costs in memory, and what each process `make run` starts holds after warm-up.

Each model loads alone in a fresh process after django.setup() (the figure is its RSS growth);
lingua's models are loaded one language at a time, in its full mode (1- to 5-letter models) and in
its compact low-accuracy mode (3-letter models). Then, on a fresh demo desk (SQLite, `frontdesk
demo`), the three real commands `make run` starts — `serve`, `worker`, `mail listen` — run side by
side; one ticket is created over the API and one mail is sent to the listener, and each process's
VmRSS and PSS (its share of pages shared with forked siblings) are read from /proc.

Run: .venv/bin/python bench/memory_bench.py [--quick] [--models-only]
"""

from __future__ import annotations

import argparse
import json
import os
import smtplib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

from common import table

HERE = Path(__file__).resolve().parent
FRONTDESK = [sys.executable, "-m", "frontdesk"]
FIFTEEN = ("en", "et", "he", "hu", "bs", "hr", "sr", "de", "ru", "fi", "lv", "lt", "pl", "es", "fr")


def rss_mb(pid: int | str = "self") -> float:
    """A process's resident memory (VmRSS), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pss_mb(pid: int) -> float:
    """A process's proportional share of memory (pages shared with others counted in part)."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- one model per fresh process -------------------------------------------------------------


def _django() -> None:
    import django

    django.setup()


def _lexicons() -> None:
    from frontdesk.engine.triage import lexicons_load

    lexicons_load()


def _meaning() -> None:
    from frontdesk.engine.triage.meaning import meaning_model

    meaning_model()


def _sklearn() -> None:
    import joblib  # noqa: F401
    import sklearn.feature_extraction.text
    import sklearn.linear_model  # noqa: F401


def _answer_index() -> None:
    from answers_bench import demo_answers

    from frontdesk.engine.answers import AnswerIndex

    AnswerIndex(demo_answers())


def learned_train(path: str) -> None:
    """Train a small learned level model and store it at `path`, as a desk's worker would."""
    from frontdesk.engine.triage import Example, LevelModel

    examples = [
        Example(subject=f"Printer {n}", body=f"How do I connect printer {n}?", level=2)
        for n in range(20)
    ] + [Example(subject=f"Hello {n}", body=f"Nice weather, {n}.", level=4) for n in range(20)]
    LevelModel.train(examples).save(Path(path))


def _learned() -> None:
    # What a triaging process pays: reading a stored model (trained in another process).
    from frontdesk.engine.triage import LevelModel

    LevelModel.load(Path(os.environ["MEMORY_BENCH_MODEL"])).predict("Printer", "How?")


def _tone() -> None:
    from frontdesk.engine.tone import tone_warm_up

    tone_warm_up()


def _warm_up() -> None:
    from frontdesk.triage.runtime import warm_up

    warm_up()


PROBES: dict[str, Callable[[], None]] = {
    "django.setup() (from a bare interpreter)": _django,
    "lexicons (all shipped)": _lexicons,
    "meaning model (meaning.json.gz)": _meaning,
    "scikit-learn + joblib import": _sklearn,
    "answer index (demo macros)": _answer_index,
    "learned level model (stored, loaded)": _learned,
    "tone phrases (compiled)": _tone,
    "runtime.warm_up() (desk languages, no desk yet)": _warm_up,
}


def probe(name: str) -> dict[str, float]:
    """In this (fresh) process: the RSS growth and time of one model's load."""
    if name != "django.setup() (from a bare interpreter)":
        _django()
    before, started = rss_mb(), time.perf_counter()
    PROBES[name]()
    return {"mb": rss_mb() - before, "seconds": time.perf_counter() - started}


def probe_lingua(compact: bool) -> dict[str, float]:
    """In this (fresh) process: each language's RSS growth as lingua loads its models."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    grown: dict[str, float] = {}
    started = time.perf_counter()
    for code in FIFTEEN:
        before = rss_mb()
        language = Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
        # lingua keeps each language's models once per process, whichever detector loaded them.
        builder = LanguageDetectorBuilder.from_languages(language, Language.ENGLISH)
        if compact:
            builder = builder.with_low_accuracy_mode()
        builder.with_preloaded_language_models().build()
        grown[code] = rss_mb() - before
    grown["seconds"] = time.perf_counter() - started
    return grown


def _child(*arguments: str) -> dict[str, float]:
    done = subprocess.run(  # noqa: S603 - this script, our own arguments
        [sys.executable, __file__, *arguments],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "frontdesk.config.settings"},
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def models() -> dict[str, object]:
    """Each model's cost, each in a fresh process."""
    with tempfile.TemporaryDirectory() as folder:
        model = os.environ["MEMORY_BENCH_MODEL"] = f"{folder}/level.model"
        subprocess.run([sys.executable, __file__, "--train", model], check=True)  # noqa: S603
        loaded = {name: _child("--probe", name) for name in PROBES}
    table(
        "Each model alone, in a fresh process after django.setup()",
        ["model", "RSS growth (MB)", "seconds"],
        [[name, f"{r['mb']:.1f}", f"{r['seconds']:.2f}"] for name, r in loaded.items()],
    )
    lingua = {mode: _child("--lingua", mode) for mode in ("full", "compact")}
    table(
        "lingua, language by language (English first; RSS growth in MB)",
        ["language", "full (1-5 letters)", "compact (3 letters)"],
        [
            [code, f"{lingua['full'][code]:.1f}", f"{lingua['compact'][code]:.1f}"]
            for code in FIFTEEN
        ]
        + [
            [
                "all fifteen",
                f"{sum(lingua['full'][c] for c in FIFTEEN):.1f}",
                f"{sum(lingua['compact'][c] for c in FIFTEEN):.1f}",
            ],
            ["seconds", f"{lingua['full']['seconds']:.2f}", f"{lingua['compact']['seconds']:.2f}"],
        ],
    )
    return {
        "models_mb": {name: round(r["mb"], 1) for name, r in loaded.items()},
        "models_seconds": {name: round(r["seconds"], 2) for name, r in loaded.items()},
        "lingua_mb": {
            mode: {
                "all": round(sum(figures[c] for c in FIFTEEN), 1),
                "seconds": round(figures["seconds"], 2),
                **{c: round(figures[c], 1) for c in FIFTEEN},
            }
            for mode, figures in lingua.items()
        },
    }


# --- the real processes ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe_socket:
        probe_socket.bind(("127.0.0.1", 0))
        return int(probe_socket.getsockname()[1])


def _wait(ready: Callable[[], bool], seconds: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        try:
            if ready():
                return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"not ready after {seconds:.0f} s")


def _tree(pid: int) -> list[int]:
    """A process and all its descendants."""
    found = [pid]
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for text in child.read_text().split():
            found.extend(_tree(int(text)))
    return found


def processes(customers: int) -> dict[str, object]:
    """serve, worker and mail listen on a fresh demo desk, after one ticket and one mail."""
    with tempfile.TemporaryDirectory() as data:
        web, mail = _free_port(), _free_port()
        env = {
            **os.environ,
            "FRONTDESK_DATA_DIR": data,
            "DATABASE_URL": f"sqlite:///{data}/desk.sqlite3",
            "FRONTDESK_MAIL_PORT": str(mail),
            "FRONTDESK_PUBLIC_URL": f"http://127.0.0.1:{web}",
        }
        run = {"env": env, "check": True, "capture_output": True, "text": True}
        subprocess.run([*FRONTDESK, "demo", "--customers", str(customers)], **run)  # noqa: S603
        token_create = [*FRONTDESK, "token", "create", "admin", "--scope", "write"]
        token = subprocess.run(token_create, **run).stdout.strip()  # noqa: S603
        commands = {
            "serve": ["serve", "--host", "127.0.0.1", "--port", str(web)],
            "worker": ["worker"],
            "mail listen": ["mail", "listen"],
        }
        started = {
            name: subprocess.Popen(  # noqa: S603
                [*FRONTDESK, *arguments],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for name, arguments in commands.items()
        }
        try:
            ready = {
                "serve": _wait(
                    lambda: urllib.request.urlopen(f"http://127.0.0.1:{web}/healthz").status == 200,
                    120,
                ),
                "mail listen": _wait(
                    lambda: (
                        socket.create_connection(("127.0.0.1", mail), timeout=1).close() is None
                    ),
                    120,
                ),
            }
            request = urllib.request.Request(
                f"http://127.0.0.1:{web}/api/v1/tickets",
                data=json.dumps(
                    {
                        "customer": {"name": "Mari Maasikas", "email": "mari@example.com"},
                        "channel": "web",
                        "subject": "Arve on vale",
                        "body": "Tere, minu arve summa on vale. Palun parandage see.",
                    }
                ).encode(),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            first_ticket = time.perf_counter()
            try:
                urllib.request.urlopen(request).read()  # noqa: S310
            except urllib.error.HTTPError as error:
                raise SystemExit(f"creating a ticket: {error}: {error.read()!r}") from error
            ready["first ticket over the API"] = time.perf_counter() - first_ticket
            message = EmailMessage()
            message["From"], message["To"] = "jon@example.com", "help@example.com"
            message["Subject"] = "Invoice is wrong"
            message.set_content("Hello, the amount on my invoice is wrong. Please fix it.")
            first_mail = time.perf_counter()
            with smtplib.SMTP("127.0.0.1", mail, timeout=60) as smtp:
                smtp.send_message(message)
            ready["first mail accepted"] = time.perf_counter() - first_mail
            time.sleep(5)  # the worker picks up what the ticket and the mail queued
            figures = {}
            for name, process in started.items():
                pids = _tree(process.pid)
                figures[name] = {
                    "processes": len(pids),
                    "rss_mb": round(sum(rss_mb(pid) for pid in pids), 1),
                    "largest_rss_mb": round(max(rss_mb(pid) for pid in pids), 1),
                    "pss_mb": round(sum(pss_mb(pid) for pid in pids), 1),
                }
        finally:
            for process in started.values():
                process.terminate()
            for process in started.values():
                process.wait(30)
    table(
        "The processes `make run` starts, after one ticket over the API and one mail",
        ["command", "processes", "largest RSS (MB)", "RSS sum (MB)", "PSS sum (MB)"],
        [
            [name, f["processes"], f["largest_rss_mb"], f["rss_mb"], f["pss_mb"]]
            for name, f in figures.items()
        ]
        + [
            [
                "all",
                sum(f["processes"] for f in figures.values()),
                "",
                round(sum(f["rss_mb"] for f in figures.values()), 1),
                round(sum(f["pss_mb"] for f in figures.values()), 1),
            ]
        ],
    )
    table("Waits", ["what", "seconds"], [[k, f"{v:.2f}"] for k, v in ready.items()])
    return {
        "processes": figures,
        "total_rss_mb": round(sum(f["rss_mb"] for f in figures.values()), 1),
        "total_pss_mb": round(sum(f["pss_mb"] for f in figures.values()), 1),
        "waits_seconds": {k: round(v, 2) for k, v in ready.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a smaller demo desk")
    parser.add_argument("--models-only", action="store_true", help="skip the real processes")
    parser.add_argument(
        "--processes-only", action="store_true", help="skip the models, measure the processes"
    )
    parser.add_argument("--probe", help=argparse.SUPPRESS)
    parser.add_argument("--lingua", choices=("full", "compact"), help=argparse.SUPPRESS)
    parser.add_argument("--train", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.train:
        learned_train(args.train)
        return
    if args.probe:
        print(json.dumps(probe(args.probe)))
        return
    if args.lingua:
        print(json.dumps(probe_lingua(args.lingua == "compact")))
        return
    load = os.getloadavg()
    result: dict[str, object] = {} if args.processes_only else models()
    if not args.models_only:
        result.update(processes(customers=60 if args.quick else 300))
    print(f"\nload average at the start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(json.dumps({"bench": "memory", "load_average": round(load[0], 2), **result}))


if __name__ == "__main__":
    main()
