"""Check the labelled triage corpus in data/triage_corpus/ and print its counts.

Validates every line's schema, that ids are unique, that each file holds one language, the
labelling rules that can be checked mechanically (level 1 is never a quick win, new customers are
never level 4, no single contact is level 3), the balance per language and the stratified split,
then prints the counts per language × level × quick win × split and the tricky kinds. Exits 1 and
lists every problem found.

Run: .venv/bin/python bench/triage_corpus_check.py [--data bench/data/triage_corpus]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from common import table

HERE = Path(__file__).resolve().parent
LANGUAGES = ["en", "et", "he", "hu", "bs", "de", "ru"]
CHANNELS = {"email", "web", "chat"}
LEVELS = {1, 2, 4}
SPLITS = {"train": 0.60, "dev": 0.15, "holdout": 0.25}
KEYS = {
    "id",
    "channel",
    "subject",
    "body",
    "customer",
    "headers",
    "split",
    "expected",
    "why",
    "tricky",
}
# The kinds of case issue 18 says triage gets wrong, plus trivial questions dressed as alarms.
KINDS = [
    "calm-level1",
    "money-facts",
    "affected-scope",
    "repetition",
    "idiom-not-blocked",
    "negated-urgency",
    "payment-background",
    "payment-negated",
    "sarcasm-praise",
    "short-not-quick",
    "alarm-trivial",
]
# Kinds that describe a contact which only looks urgent: on a level-1 contact they are a mislabel.
NOT_LEVEL_1 = {
    "idiom-not-blocked",
    "payment-background",
    "payment-negated",
    "sarcasm-praise",
    "alarm-trivial",
}
MINIMUM_TOTAL = 700
MINIMUM_PER_LANGUAGE = 90
# Share bounds per language: (low, high).
BALANCE = {
    "level 1": (0.25, 0.35),
    "level 2": (0.12, 0.18),
    "level 4": (0.50, 0.60),
    "quick win": (0.30, 0.40),
}
MINIMUM_TRICKY = 0.15


def line_problems(where: str, data: object, language: str) -> list[str]:
    """What is wrong with one decoded line, each problem prefixed with `where`."""
    if not isinstance(data, dict):
        return [f"{where}: not a JSON object"]
    problems = []
    if set(data) != KEYS:
        missing, extra = KEYS - set(data), set(data) - KEYS
        problems.append(f"{where}: keys missing {sorted(missing)}, unexpected {sorted(extra)}")
        return problems
    pattern = rf"c[2-9]-{language}-\d{{3}}"
    if not isinstance(data["id"], str) or not re.fullmatch(pattern, data["id"]):
        problems.append(f"{where}: id {data['id']!r} is not cB-{language}-NNN (B the batch)")
    if data["channel"] not in CHANNELS:
        problems.append(f"{where}: channel {data['channel']!r} not in {sorted(CHANNELS)}")
    if not isinstance(data["subject"], str):
        problems.append(f"{where}: subject must be a string")
    if not isinstance(data["body"], str) or not data["body"].strip():
        problems.append(f"{where}: body must be a non-empty string")
    customer = data["customer"]
    if (
        not isinstance(customer, dict)
        or set(customer) != {"is_key", "is_new"}
        or not all(isinstance(v, bool) for v in customer.values())
    ):
        problems.append(f"{where}: customer must be {{'is_key': bool, 'is_new': bool}}")
        customer = {"is_key": False, "is_new": False}
    headers = data["headers"]
    if not isinstance(headers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
    ):
        problems.append(f"{where}: headers must map strings to strings")
    if data["split"] not in SPLITS:
        problems.append(f"{where}: split {data['split']!r} not in {sorted(SPLITS)}")
    expected = data["expected"]
    if not isinstance(expected, dict) or set(expected) != {"level", "quick_win", "language"}:
        problems.append(f"{where}: expected must have level, quick_win and language")
        return problems
    level, quick = expected["level"], expected["quick_win"]
    if level not in LEVELS or isinstance(level, bool):
        problems.append(f"{where}: level {level!r} is not 1, 2 or 4 (a single contact is never 3)")
    if not isinstance(quick, bool):
        problems.append(f"{where}: quick_win must be true or false")
    if expected["language"] != language:
        problems.append(f"{where}: language {expected['language']!r} in the {language} file")
    if level == 1 and quick is True:
        problems.append(f"{where}: a level-1 contact is never a quick win")
    if customer["is_new"] and level == 4:
        problems.append(f"{where}: a new customer is level 1 or 2, never 4")
    if not isinstance(data["why"], str) or not data["why"].strip():
        problems.append(f"{where}: why must say in a short phrase why the labels are what they are")
    tricky = data["tricky"]
    if not isinstance(tricky, list) or len(set(tricky)) != len(tricky):
        problems.append(f"{where}: tricky must be a list without repeats")
        return problems
    for kind in tricky:
        if kind not in KINDS:
            problems.append(f"{where}: unknown tricky kind {kind!r}")
    if "calm-level1" in tricky and level != 1:
        problems.append(f"{where}: calm-level1 on a level-{level} contact")
    if level == 1 and NOT_LEVEL_1 & set(tricky):
        problems.append(f"{where}: {sorted(NOT_LEVEL_1 & set(tricky))} on a level-1 contact")
    if "short-not-quick" in tricky and quick is True:
        problems.append(f"{where}: short-not-quick on a quick win")
    return problems


def balance_problems(language: str, rows: list[dict]) -> list[str]:
    """Where one language's labels or split stray from the agreed balance."""
    n = len(rows)
    problems = []
    if n < MINIMUM_PER_LANGUAGE:
        problems.append(f"{language}: {n} contacts, fewer than {MINIMUM_PER_LANGUAGE}")
    levels = Counter(r["expected"]["level"] for r in rows)
    shares = {
        "level 1": levels[1] / n,
        "level 2": levels[2] / n,
        "level 4": levels[4] / n,
        "quick win": sum(r["expected"]["quick_win"] for r in rows) / n,
    }
    for name, (low, high) in BALANCE.items():
        if not low <= shares[name] <= high:
            problems.append(
                f"{language}: {name} is {shares[name]:.0%}, outside {low:.0%}–{high:.0%}"
            )
    calm = sum("calm-level1" in r["tricky"] for r in rows)
    if calm * 2 < levels[1]:
        problems.append(f"{language}: only {calm} of {levels[1]} level-1 contacts are calm")
    tricky = sum(bool(r["tricky"]) for r in rows)
    if tricky < MINIMUM_TRICKY * n:
        problems.append(f"{language}: only {tricky} tricky contacts of {n}")
    channels = {r["channel"] for r in rows}
    if channels != CHANNELS:
        problems.append(f"{language}: channels {sorted(channels)}, want all of {sorted(CHANNELS)}")
    # Each batch (the id's prefix, "c2" in "c2-en-001") was written and split on its own, so the
    # stratified split is checked per batch: a later batch's holdout is as fresh as the first's.
    batches: dict[str, list[dict]] = {}
    for r in rows:
        batches.setdefault(batch_of(r), []).append(r)
    for batch, members in sorted(batches.items()):
        strata: dict[tuple[int, bool], Counter[str]] = {}
        for r in members:
            strata.setdefault((r["expected"]["level"], r["expected"]["quick_win"]), Counter())[
                r["split"]
            ] += 1
        groups = [
            (f"level {level}, {'quick win' if quick else 'not quick'}", splits)
            for (level, quick), splits in sorted(strata.items())
        ]
        for name, splits in [*groups, ("all contacts", _splits(members))]:
            size = sum(splits.values())
            for split, share in SPLITS.items():
                # Stratified: each split holds its share of the stratum, rounded up or down.
                if abs(splits[split] - size * share) >= 1:
                    problems.append(
                        f"{language} {batch}, {name}: {splits[split]} of {size} in {split}, "
                        f"want about {size * share:.1f}"
                    )
    return problems


def batch_of(row: dict) -> str:
    """The batch a contact was written in: the prefix of its id ("c2" of "c2-en-001")."""
    return str(row["id"]).split("-", 1)[0]


def _splits(rows: list[dict]) -> Counter[str]:
    return Counter(r["split"] for r in rows)


def corpus_read(folder: Path) -> tuple[dict[str, list[dict]], list[str]]:
    """Each language's decoded lines, and the problems found line by line and across files."""
    problems: list[str] = []
    corpus: dict[str, list[dict]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        if path.stem not in LANGUAGES:
            problems.append(f"{path.name}: not one of the languages {LANGUAGES}")
    ids: Counter[str] = Counter()
    bodies: Counter[str] = Counter()
    for language in LANGUAGES:
        path = folder / f"{language}.jsonl"
        if not path.exists():
            problems.append(f"{path.name}: missing")
            continue
        rows = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"{where}: not valid JSON: {error.msg}")
                continue
            found = line_problems(where, data, language)
            problems += found
            if not found:
                rows.append(data)
                ids[data["id"]] += 1
                bodies[" ".join(data["body"].split()).casefold()] += 1
        corpus[language] = rows
    problems += [f"id {i} appears {c} times" for i, c in ids.items() if c > 1]
    problems += [f"body appears {c} times: {b[:60]!r}" for b, c in bodies.items() if c > 1]
    return corpus, problems


def counts_print(corpus: dict[str, list[dict]]) -> None:
    """The tables: summary per language, language × level × quick win × split, tricky kinds."""
    rows = []
    for language, lines in corpus.items():
        n = len(lines) or 1
        levels = Counter(r["expected"]["level"] for r in lines)
        channels = Counter(r["channel"] for r in lines)
        rows.append(
            [
                language,
                len(lines),
                f"{levels[1]} ({levels[1] / n:.0%})",
                sum("calm-level1" in r["tricky"] for r in lines),
                f"{levels[2]} ({levels[2] / n:.0%})",
                f"{levels[4]} ({levels[4] / n:.0%})",
                f"{sum(r['expected']['quick_win'] for r in lines) / n:.0%}",
                f"{sum(bool(r['tricky']) for r in lines) / n:.0%}",
                " ".join(f"{k}:{v}" for k, v in sorted(channels.items())),
            ]
        )
    everything = [r for lines in corpus.values() for r in lines]
    rows.append(["all", len(everything), "", "", "", "", "", "", ""])
    table(
        "Per language",
        ["lang", "n", "level 1", "calm", "level 2", "level 4", "quick", "tricky", "channels"],
        rows,
    )
    rows = []
    for language, lines in corpus.items():
        strata: dict[tuple[int, bool], Counter[str]] = {}
        for r in lines:
            key = (r["expected"]["level"], r["expected"]["quick_win"])
            strata.setdefault(key, Counter())[r["split"]] += 1
        for (level, quick), splits in sorted(strata.items()):
            rows.append(
                [
                    language,
                    level,
                    "yes" if quick else "no",
                    *(splits[s] for s in SPLITS),
                    sum(splits.values()),
                ]
            )
        splits = _splits(lines)
        rows.append([language, "all", "", *(splits[s] for s in SPLITS), len(lines)])
    splits = _splits(everything)
    rows.append(["all", "all", "", *(splits[s] for s in SPLITS), len(everything)])
    table("Language × level × quick win × split", ["lang", "level", "quick", *SPLITS, "n"], rows)
    rows = [
        [
            kind,
            *(sum(kind in r["tricky"] for r in corpus[lang]) for lang in corpus),
            sum(kind in r["tricky"] for r in everything),
        ]
        for kind in KINDS
    ]
    rows.append(
        [
            "any kind",
            *(sum(bool(r["tricky"]) for r in corpus[lang]) for lang in corpus),
            sum(bool(r["tricky"]) for r in everything),
        ]
    )
    table("Tricky kinds (contacts)", ["kind", *corpus, "all"], rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE / "data" / "triage_corpus")
    args = parser.parse_args()
    corpus, problems = corpus_read(args.data)
    for language, rows in corpus.items():
        if rows:
            problems += balance_problems(language, rows)
    total = sum(len(rows) for rows in corpus.values())
    if total < MINIMUM_TOTAL:
        problems.append(f"{total} contacts in all, fewer than {MINIMUM_TOTAL}")
    counts_print(corpus)
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print("\nOK: schema, ids, languages, labels, balance and split all check out.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
