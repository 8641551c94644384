"""Quick wins a kept answer settles (engine/answers/): how many more the matcher finds than the
word lists alone, and how many false ones, per language; the threshold sweep it was tuned by;
and how fast an index builds and a contact is matched.

The contacts are data/answers.jsonl: 168 in en, et, he, hu, bs, de and ru, each labelled with
the demo macro that answers it ("" for none) and its kind: a question an answer settles, in
other words and often another language than the macro's, or a look-alike that must not match
(a complaint about a delivery, a customer's own order, a long story, a question no macro
answers). They were written before any score was seen; the threshold and the concept weight
were chosen on the rows marked "tune", and the "held-out" rows are the honest figure. The
macros are the demo desk's (demo/content.py) and the onboarding answers every desk ships with, as
the desk reads them (the holding reply left out).

Run: .venv/bin/python bench/answers_bench.py [--quick]
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from collections import defaultdict
from pathlib import Path
from statistics import median
from typing import Any

from common import table

from frontdesk.demo import content
from frontdesk.engine.answers import Answer, AnswerIndex, AnswerPolicy, answer_find
from frontdesk.engine.triage import Contact, LanguageDetection, lexicons_load, triage_rules
from frontdesk.engine.triage.language import lexicon_languages

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "answers.jsonl"
LANGUAGES = ("en", "et", "he", "hu", "bs", "de", "ru")


def demo_answers() -> list[Answer]:
    """The demo desk's macros, every language version, as the engine reads them."""
    answers = [
        Answer(macro.code, macro.language, macro.name, macro.text, macro.questions)
        for macro in content.demo_macros()
    ]
    # A desk ships with the onboarding answers (macros migration 0005), which are macros like
    # any other; the holding reply answers no question, and the desk leaves it out too.
    shipped = importlib.import_module("frontdesk.macros.migrations.0005_onboarding_answers")
    for code, versions in shipped.ANSWERS.items():
        for language, (name, text) in versions.items():
            answers.append(Answer(code, language, name, text))
    return answers


def _load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


def _figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    true_quick = sum(row["quick"] for row in rows)
    listed = [row for row in rows if row["word_lists"]]
    either = [row for row in rows if row["word_lists"] or row["matched"]]
    extra = [row for row in rows if row["matched"] and not row["word_lists"]]
    found = sum(row["quick"] for row in either)
    return {
        "contacts": len(rows),
        "true_quick": true_quick,
        "word_lists": sum(row["quick"] for row in listed),
        "word_lists_false": sum(not row["quick"] for row in listed),
        "with_matcher": found,
        "extra_true": sum(row["quick"] for row in extra),
        "false": sum(not row["quick"] for row in either),
        "matcher_false": sum(bool(row["matched"]) and not row["quick"] for row in rows),
        "wrong_macro": sum(
            bool(row["matched"]) and row["quick"] and row["matched"] != row["answer"]
            for row in rows
        ),
        "precision": round(found / len(either), 3) if either else 0.0,
        "recall_word_lists": round(sum(r["quick"] for r in listed) / true_quick, 3),
        "recall": round(found / true_quick, 3) if true_quick else 0.0,
    }


def _row(name: str, figures: dict[str, Any]) -> list[object]:
    return [
        name,
        figures["contacts"],
        figures["true_quick"],
        f"{figures['word_lists']} ({figures['recall_word_lists']:.0%})",
        f"{figures['with_matcher']} ({figures['recall']:.0%})",
        figures["extra_true"],
        figures["false"],
        figures["matcher_false"],
        figures["wrong_macro"],
        f"{figures['precision']:.3f}",
    ]


HEADER = [
    "set",
    "contacts",
    "quick (labelled)",
    "word lists",
    "with matcher",
    "extra true",
    "false",
    "matcher false",
    "wrong macro",
    "precision",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer timing repeats")
    repeat = 3 if parser.parse_args().quick else 20

    detection = LanguageDetection()
    lexicons = lexicons_load(languages=lexicon_languages(detection.codes))
    answers = demo_answers()
    builds = []
    for _ in range(repeat):
        started = time.perf_counter()
        index = AnswerIndex(answers)
        builds.append(time.perf_counter() - started)
    policy = AnswerPolicy()

    rows = _load()
    contacts = []
    for row in rows:
        contact = Contact(id=row["id"], channel="email", subject=row["subject"], body=row["body"])
        decision = triage_rules(contact, lexicons=lexicons, detection=detection)
        match = answer_find(contact, decision, index, policy)
        row["word_lists"] = decision.quick_win
        row["matched"] = match.code if match else ""
        row["score"] = max((m.score for m in index.ranked(row["subject"], row["body"])), default=0)
        contacts.append((contact, decision))

    by_set = {name: [r for r in rows if r["set"] == name] for name in ("tune", "fresh")}
    by_set["all"] = rows
    summary = {name: _figures(part) for name, part in by_set.items()}
    table(
        "Quick wins: word lists alone, and with the answer matcher",
        HEADER,
        [_row(name, figures) for name, figures in summary.items()],
    )
    languages = {lang: _figures([r for r in rows if r["language"] == lang]) for lang in LANGUAGES}
    table(
        "Per language (both sets)",
        HEADER,
        [_row(lang, figures) for lang, figures in languages.items()],
    )
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        kinds[row["kind"]][0] += 1
        kinds[row["kind"]][1] += bool(row["matched"])
    table(
        "What the matcher made of each kind of contact (both sets)",
        ["kind", "contacts", "matched"],
        [[kind, total, matched] for kind, (total, matched) in sorted(kinds.items())],
    )
    sweep = []
    for step in range(8, 21):
        threshold = step / 20
        tune = [r for r in by_set["tune"] if r["score"] >= threshold]
        swept = AnswerPolicy(threshold=threshold)
        true = false = 0
        for row, (contact, decision) in zip(rows, contacts, strict=True):
            if row["set"] != "tune":
                continue
            match = answer_find(contact, decision, index, swept)
            true += bool(match) and row["quick"]
            false += bool(match) and not row["quick"]
        sweep.append([f"{threshold:.2f}", len(tune), true, false])
    table(
        f"Threshold sweep on the tune set (in use: {policy.threshold})",
        ["threshold", "scored above", "matched true", "matched false"],
        sweep,
    )
    timings = []
    for contact, decision in contacts:
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            answer_find(contact, decision, index, policy)
            best = min(best, time.perf_counter() - started)
        timings.append(best)
    timings.sort()
    speed = {
        "answers": len(answers),
        "codes": len(index),
        "index_build_ms": round(median(builds) * 1000, 2),
        "match_p50_us": round(median(timings) * 1e6),
        "match_p99_us": round(timings[int(len(timings) * 0.99) - 1] * 1e6),
    }
    table(
        "Speed (one core; a match is the question check, the concepts and the n-gram scores)",
        ["macros (language versions)", "codes", "index build ms", "match p50 µs", "match p99 µs"],
        [list(speed.values())],
    )
    result = {"summary": summary, "languages": languages, "speed": speed}
    print("\n" + json.dumps({"bench": "answers", **result}, ensure_ascii=False))


if __name__ == "__main__":
    main()
