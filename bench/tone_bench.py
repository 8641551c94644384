"""The outgoing tone check (engine/tone/) on labelled replies: per language, how many rude replies
it flags (recall) and how many of its flags are rude (precision), with the reply's language named
and with none (every language's phrases read); and how many replies a second it checks.

The replies are in data/tone_replies/<lang>.jsonl, one {"text", "rude"} a line: half rude, half
kind, many of the kind ones worded like a rude one ("you should have received", "as you told
us", "it's not your fault", quoted capitals). They were written for this bench after the
phrases, in other words than the tests use; a flag is any warning at all.

Run: .venv/bin/python bench/tone_bench.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from common import table

from frontdesk.engine.tone import check_reply

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "tone_replies"


def _load() -> dict[str, list[tuple[str, bool]]]:
    sets = {}
    for path in sorted(DATA.glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        sets[path.stem] = [(row["text"], bool(row["rude"])) for row in rows]
    return sets


def _scores(replies: list[tuple[str, bool]], language: str | None) -> dict[str, float | int]:
    tp = fp = fn = 0
    for text, rude in replies:
        flagged = bool(check_reply(text, language))
        tp += flagged and rude
        fp += flagged and not rude
        fn += rude and not flagged
    return {
        "replies": len(replies),
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
        "false_flags": fp,
        "missed": fn,
    }


def _speed(replies: list[str], repeat: int) -> float:
    batch = replies * repeat
    check_reply("warm up")  # the patterns compile once, on first use
    best = float("inf")
    for _ in range(3):  # best of three: the figure of the code, not of a noisy neighbour
        started = time.perf_counter()
        for text in batch:
            check_reply(text)
        best = min(best, time.perf_counter() - started)
    return len(batch) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a shorter speed run")
    args = parser.parse_args()
    sets = _load()
    named = {lang: _scores(replies, lang) for lang, replies in sets.items()}
    unnamed = {lang: _scores(replies, None) for lang, replies in sets.items()}
    table(
        "Tone check on labelled replies (a flag is any warning; rude is the positive class)",
        ["lang", "replies", "precision", "recall", "precision (no lang)", "recall (no lang)"],
        [
            [
                lang,
                named[lang]["replies"],
                named[lang]["precision"],
                named[lang]["recall"],
                unnamed[lang]["precision"],
                unnamed[lang]["recall"],
            ]
            for lang in sets
        ],
    )
    texts = [text for replies in sets.values() for text, _ in replies]
    per_second = _speed(texts, 5 if args.quick else 50)
    chars = sum(len(t) for t in texts) / len(texts)
    table(
        "Tone check speed (one core, every language's phrases read)",
        ["replies", "avg chars", "replies/s"],
        [[len(texts), round(chars), f"{per_second:,.0f}"]],
    )
    result = {"named": named, "no_language": unnamed, "replies_per_second": round(per_second)}
    print("\n" + json.dumps({"bench": "tone", **result}, ensure_ascii=False))


if __name__ == "__main__":
    main()
