"""Problem detection: precision, recall and time to alert on a generated stream with planted
bursts among ordinary traffic, and its speed. Prints tables and one JSON line at the end.

The stream runs at 10,000 contacts a day (busier by day than by night). Its background is the
shared multilingual tickets (sentences of two tickets of one language mixed, so no text repeats
whole), customer tweets, and our own labelled contacts in the home languages (bench/data/
triage_corpus, so Estonian or Hebrew words are not rare in themselves); a password-reset topic is
always 2% of it. The first day only builds
the baseline; on each later day, problems from `problems_bursts.py` are planted (5-40 reports
from distinct customers within 20-120 minutes, in 3-6 languages), with decoys: one customer
writing ten times, and the password resets doubling for 90 minutes.

Run: .venv/bin/python bench/problems_bench.py [--shared ../shared/data] [--days 4] [--quick]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import table
from problems_bursts import BURSTS, CLOSINGS, FILLERS, LOUD, OPENINGS, PASSWORD_RESET

from frontdesk.engine.problems import Alert, Baseline, ProblemDetector, Report, detect

HERE = Path(__file__).resolve().parent
PER_DAY = 10_000
START = datetime(2026, 11, 2, tzinfo=UTC)
# The share of each hour's traffic in a day (night quiet, late morning busiest).
HOURLY = [1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 8, 7, 7, 7, 7, 6, 5, 4, 3, 3, 2, 2, 1]
COMMON_SHARE = 0.02
LANGUAGES = ["en", "et", "hu", "bs", "he", "de"]


@dataclass
class Planted:
    """A burst planted in the stream."""

    name: str
    ids: set[str]
    first_at: datetime
    arrivals: list[datetime]


def corpus_pool() -> dict[str, list[tuple[str, str]]]:
    """Our labelled contacts in the home languages (bench/data/triage_corpus), per language."""
    contacts: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((HERE / "data" / "triage_corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                contacts.setdefault(path.stem, []).append((row["subject"], row["body"]))
    return contacts


def background_pool(shared: Path) -> tuple[dict[str, list[tuple[str, list[str]]]], list[str]]:
    """Tickets as (subject, sentences) per language, and customers' tweets."""
    tickets: dict[str, list[tuple[str, list[str]]]] = {}
    with (shared / "support_tickets_multilang_5lang_sample.csv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", row["body"] or "") if s.strip()]
            if sentences:
                tickets.setdefault(row["language"], []).append((row["subject"] or "", sentences))
    tweets: list[str] = []
    with (shared / "twcs_customer_support_on_twitter_sample.csv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["inbound"] == "True":
                tweets.append(re.sub(r"@\w+\s*", "", row["text"]).strip())
    return tickets, [t for t in tweets if t]


class Stream:
    """Makes the reports of the generated stream."""

    def __init__(self, rng: random.Random, shared: Path) -> None:
        self.rng = rng
        self.tickets, self.tweets = background_pool(shared)
        self.languages = sorted(self.tickets)
        self.corpus = corpus_pool()
        self.count = 0
        # Drawn as from shuffled decks, so one text does not come back from other customers
        # within hours (real traffic does not repeat a tweet word for word).
        self.decks: dict[str, list[int]] = {}

    def draw(self, name: str, size: int) -> int:
        deck = self.decks.setdefault(name, [])
        if not deck:
            deck.extend(range(size))
            self.rng.shuffle(deck)
        return deck.pop()

    def report(self, at: datetime, subject: str, body: str, customer: str, prefix: str) -> Report:
        self.count += 1
        return Report(f"{prefix}{self.count}", at, "email", subject, body, customer)

    def moment(self, day: datetime) -> datetime:
        hour = self.rng.choices(range(24), weights=HOURLY)[0]
        return day + timedelta(hours=hour, seconds=self.rng.uniform(0, 3600))

    def customer(self) -> str:
        return f"c{self.rng.randrange(60_000)}@example.com"

    def ordinary(self, at: datetime) -> Report:
        rng = self.rng
        if rng.random() < COMMON_SHARE:
            return self.password_reset(at, self.customer())
        if rng.random() < 0.3:
            language = rng.choice(sorted(self.corpus))
            subject, body = self.corpus[language][self.draw(language, len(self.corpus[language]))]
            if language in OPENINGS and rng.random() < 0.5:
                body = self.dress(language, body)
            return self.report(at, subject, body, self.customer(), "h")
        if rng.random() < 0.4:
            tweet = self.tweets[self.draw("tweets", len(self.tweets))]
            return self.report(at, "", tweet, self.customer(), "t")
        language = rng.choice(self.languages)
        pool = self.tickets[language]
        subject, first = pool[self.draw("tickets-" + language, len(pool))]
        _, second = rng.choice(pool)
        sentences = first[: rng.randint(1, len(first))] + second[: rng.randint(0, 2)]
        return self.report(at, subject, " ".join(sentences), self.customer(), "b")

    def password_reset(self, at: datetime, customer: str) -> Report:
        language = self.rng.choice(LANGUAGES)
        subject, body = self.rng.choice(PASSWORD_RESET[language])
        return self.report(at, subject, self.dress(language, body), customer, "pw")

    def dress(self, language: str, body: str) -> str:
        rng = self.rng
        parts = [rng.choice(OPENINGS[language]), body]
        parts += rng.sample(FILLERS[language], rng.randint(0, 2))
        parts.append(rng.choice(CLOSINGS[language]))
        return "\n".join(p for p in parts if p)

    def day(self, day: datetime) -> list[Report]:
        return [self.ordinary(self.moment(day)) for _ in range(PER_DAY)]

    def burst(self, name: str, at: datetime) -> tuple[list[Report], Planted]:
        rng = self.rng
        size = rng.randint(5, 40)
        minutes = rng.uniform(20, 120)
        languages = rng.sample(LANGUAGES, rng.randint(3, 6))
        reports = []
        for _ in range(size):
            language = rng.choice(languages)
            subject, body = rng.choice(BURSTS[name][language])
            moment = at + timedelta(minutes=rng.uniform(0, minutes))
            customer = f"burst-{name}-{self.count}@example.com"
            reports.append(self.report(moment, subject, self.dress(language, body), customer, "p"))
        reports.sort(key=lambda r: r.arrived_at)
        planted = Planted(
            name,
            {r.id for r in reports},
            reports[0].arrived_at,
            [r.arrived_at for r in reports],
        )
        return reports, planted


def build(
    rng: random.Random, shared: Path, days: int
) -> tuple[list[Report], list[Report], list[Planted], dict[str, set[str]]]:
    """The baseline day's reports, the replayed days' reports, the bursts and the decoys."""
    stream = Stream(rng, shared)
    history = stream.day(START)
    replayed: list[Report] = []
    planted: list[Planted] = []
    decoys: dict[str, set[str]] = {"loud customer": set(), "common topic doubling": set()}
    names = list(BURSTS)
    for index in range(1, days):
        day = START + timedelta(days=index)
        replayed += stream.day(day)
        rng.shuffle(names)
        for name in names[: rng.randint(3, 5)]:
            at = day + timedelta(hours=rng.uniform(7, 20))
            reports, burst = stream.burst(name, at)
            replayed += reports
            planted.append(burst)
        loud_at = day + timedelta(hours=rng.uniform(8, 18))
        for n in range(10):
            subject, body = LOUD[n % len(LOUD)]
            report = stream.report(
                loud_at + timedelta(minutes=6 * n), subject, body, "loud@example.com", "l"
            )
            replayed.append(report)
            decoys["loud customer"].add(report.id)
        # The password resets double for 90 minutes (2% of a busy hour is about 11 an hour).
        surge_at = day + timedelta(hours=rng.uniform(9, 16))
        for _ in range(17):
            at = surge_at + timedelta(minutes=rng.uniform(0, 90))
            report = stream.password_reset(at, stream.customer())
            replayed.append(report)
            decoys["common topic doubling"].add(report.id)
    replayed.sort(key=lambda r: r.arrived_at)
    return history, replayed, planted, decoys


def score(
    alerts: list[Alert], planted: list[Planted], decoys: dict[str, set[str]]
) -> dict[str, object]:
    """Precision, recall, time to alert and purity of the alerts against the planted bursts."""
    hits: dict[str, list[Alert]] = {}
    false: list[dict[str, object]] = []
    purities: list[float] = []
    for alert in alerts:
        ids = set(alert.ids)
        best = max(planted, key=lambda p: len(ids & p.ids))
        if 2 * len(ids & best.ids) > len(ids):
            hits.setdefault(f"{best.name}@{best.first_at:%d %H:%M}", []).append(alert)
            purities.append(len(ids & best.ids) / len(ids))
        else:
            kind = next(
                (name for name, got in decoys.items() if 2 * len(ids & got) > len(ids)),
                "background",
            )
            false.append({"kind": kind, "terms": list(alert.terms[:4]), "size": len(ids)})
    minutes: list[float] = []
    reports: list[int] = []
    rows = []
    for burst in planted:
        key = f"{burst.name}@{burst.first_at:%d %H:%M}"
        first = hits.get(key, [None])[0]
        if first is None:
            rows.append([key, len(burst.ids), "-", "-", "-", "missed"])
            continue
        delay = (first.alert_at - burst.first_at).total_seconds() / 60
        arrived = sum(1 for at in burst.arrivals if at <= first.alert_at)
        minutes.append(delay)
        reports.append(arrived)
        rows.append(
            [
                key,
                len(burst.ids),
                f"{delay:.1f}",
                arrived,
                len(hits[key]),
                ", ".join(first.languages),
            ]
        )
    table(
        "Planted bursts",
        ["burst", "reports", "minutes to alert", "reports to alert", "alerts", "languages"],
        rows,
    )
    table(
        "Alerts that hit no burst",
        ["kind", "reports", "terms"],
        [[f["kind"], f["size"], ", ".join(f["terms"])] for f in false] or [["none", "", ""]],
    )
    hit_alerts = sum(len(v) for v in hits.values())
    return {
        "alerts": len(alerts),
        "precision": round(hit_alerts / len(alerts), 3) if alerts else None,
        "recall": round(len(hits) / len(planted), 3),
        "bursts": len(planted),
        "duplicate_alerts": hit_alerts - len(hits),
        "false_alerts": Counter(str(f["kind"]) for f in false),
        "minutes_to_alert": {
            "median": round(statistics.median(minutes), 1),
            "worst": round(max(minutes), 1),
        }
        if minutes
        else None,
        "reports_to_alert": {"median": statistics.median(reports), "worst": max(reports)}
        if reports
        else None,
        "purity": {"mean": round(statistics.mean(purities), 3), "worst": round(min(purities), 3)}
        if purities
        else None,
    }


def window_call(replayed: list[Report], baseline: Baseline, repeats: int) -> dict[str, object]:
    """The desk's call: detect() over the busiest 2-hour window of the last day."""
    last = replayed[-1].arrived_at.replace(hour=10, minute=0, second=0, microsecond=0)
    window = [r for r in replayed if last <= r.arrived_at < last + timedelta(hours=2)]
    detect(window, baseline=baseline)  # the language models are loaded once per process
    seconds = []
    cpu = []
    for _ in range(repeats):
        began, began_cpu = time.perf_counter(), time.process_time()
        detect(window, baseline=baseline)
        seconds.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return {
        "reports": len(window),
        "seconds_median": round(statistics.median(seconds), 3),
        "seconds_worst": round(max(seconds), 3),
        "cpu_seconds_median": round(statistics.median(cpu), 3),
    }


def stream_write(path: Path, reports: list[Report]) -> None:
    """The reports as the command's JSON Lines input."""
    with path.open("w", encoding="utf-8") as file:
        for r in reports:
            row = {
                "id": r.id,
                "arrived_at": r.arrived_at.isoformat(),
                "channel": r.channel,
                "subject": r.subject,
                "body": r.body,
                "customer": r.customer,
            }
            file.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=str(HERE.parent.parent / "shared" / "data"))
    parser.add_argument(
        "--days", type=int, default=4, help="days generated; the first builds the baseline"
    )
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--quick", action="store_true", help="3 days")
    parser.add_argument(
        "--write-stream",
        metavar="FILE",
        help="also write the replayed days as JSON Lines for `frontdesk problems detect`",
    )
    args = parser.parse_args()
    days = 3 if args.quick else args.days
    rng = random.Random(args.seed)  # noqa: S311 - a reproducible stream, not a secret
    history, replayed, planted, decoys = build(rng, Path(args.shared), days)
    if args.write_stream:
        stream_write(Path(args.write_stream), replayed)
    began = time.perf_counter()
    baseline = Baseline.build(history, since=START, until=START + timedelta(days=1))
    baseline_seconds = time.perf_counter() - began
    detector = ProblemDetector(baseline=baseline)
    began, began_cpu = time.perf_counter(), time.process_time()
    alerts = [a for a in map(detector.observe, replayed) if a is not None]
    replay_seconds = time.perf_counter() - began
    replay_cpu = time.process_time() - began_cpu
    quality = score(alerts, planted, decoys)
    # The machine's load at the end of the replay: on a shared machine the wall-clock times are
    # as slow as it was busy; the CPU seconds (this process's own) much less so.
    load = round(os.getloadavg()[0], 2)
    speed = {
        "replayed_days": days - 1,
        "reports": len(replayed),
        "seconds_per_day": round(replay_seconds / (days - 1), 2),
        "cpu_seconds_per_day": round(replay_cpu / (days - 1), 2),
        "baseline_seconds_per_day": round(baseline_seconds, 2),
        "window_call": window_call(replayed, baseline, 3 if args.quick else 5),
        "load_average": load,
        "cpus": os.cpu_count(),
    }
    window = speed["window_call"]
    assert isinstance(window, dict)
    table(
        "Detection",
        ["figure", "value"],
        [
            ["alerts", quality["alerts"]],
            ["precision (alerts on a planted burst / alerts)", quality["precision"]],
            ["recall (bursts alerted / bursts)", f"{quality['recall']} of {quality['bursts']}"],
            ["duplicate alerts on one burst", quality["duplicate_alerts"]],
            ["minutes to alert (median, worst)", quality["minutes_to_alert"]],
            ["reports to alert (median, worst)", quality["reports_to_alert"]],
            ["purity of alerted groups (mean, worst)", quality["purity"]],
            [
                "seconds per day of traffic (10,000/day, full replay), wall (CPU)",
                f"{speed['seconds_per_day']} ({speed['cpu_seconds_per_day']})",
            ],
            ["baseline build, seconds for one day", speed["baseline_seconds_per_day"]],
            [
                f"desk call over a 2-hour window ({window['reports']} reports), seconds",
                f"{window['seconds_median']} (worst {window['seconds_worst']}; "
                f"CPU {window['cpu_seconds_median']})",
            ],
            [f"load average at the end of the replay ({os.cpu_count()} CPUs)", load],
        ],
    )
    print("\n" + json.dumps({"bench": "problems", **quality, "speed": speed}, ensure_ascii=False))


if __name__ == "__main__":
    main()
