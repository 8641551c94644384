"""Triage on the labelled corpus of issue 18, as its "Done when" asks: per language and per
expected level, level accuracy, level-1 recall and precision and quick-win accuracy, and the
confusions that remain (id, wanted, got, reasons).

Train and dev are what lexicons and rules may be fitted on; the holdout split is read only with
`--split holdout`, once, for the figure reported, and its confusions are never listed.

Run: .venv/bin/python bench/triage_corpus_eval.py [--split train+dev|train|dev|holdout]
     [--batch c2|c3|all] [--rules-only]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from common import table

from frontdesk.engine.triage import LanguageDetection, Lexicon, Triage, lexicons_load, triage_rules
from frontdesk.engine.triage.jsonlines import contact_from_json

CORPUS = Path(__file__).resolve().parent / "data" / "triage_corpus"
SPLITS = {"train+dev": {"train", "dev"}, "train": {"train"}, "dev": {"dev"}, "holdout": {"holdout"}}


def corpus_languages() -> list[str]:
    """The corpus's languages, one file each."""
    return sorted(path.stem for path in CORPUS.glob("*.jsonl"))


def corpus_rows(
    splits: set[str], *, batch: str = "all"
) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """The corpus's lines in these splits (and this batch, "c2", "c3", or "all"): each one's
    language, its line without its labels, and its labels. Other splits are never read."""
    for language in corpus_languages():
        for line in (CORPUS / f"{language}.jsonl").read_text(encoding="utf-8").splitlines():
            data = json.loads(line)
            if data["split"] not in splits or batch not in ("all", data["id"].split("-")[0]):
                continue
            expected = data.pop("expected")
            yield language, data, expected


def corpus_triaged(
    splits: set[str],
    lexicons: Mapping[str, Lexicon],
    *,
    batch: str = "all",
    meaning: bool = True,
) -> Iterator[tuple[str, dict[str, Any], dict[str, Any], Triage]]:
    """The corpus's contacts in these splits (and batch), each triaged (by the rules alone when
    `meaning` is False): its language, its line (without its labels), its labels and the
    decision."""
    detection = LanguageDetection(corpus_languages())
    for language, data, expected in corpus_rows(splits, batch=batch):
        # The desk knows its customer's language; it stands in when detection cannot tell.
        decided = triage_rules(
            contact_from_json(data),
            lexicons=lexicons,
            detection=detection,
            fallback_language=language,
            meaning=meaning,
        )
        yield language, data, expected, decided


def evaluate(
    split: str, *, batch: str = "all", meaning: bool = True
) -> tuple[dict[str, Counter[str]], list[list[str]]]:
    """Counts per language (and "all") and the confusions, one row each."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    confusions = []
    triaged = corpus_triaged(SPLITS[split], lexicons_load(), batch=batch, meaning=meaning)
    for language, data, expected, decided in triaged:
        want, got = expected["level"], decided.level
        for key in (language, "all"):
            c = counts[key]
            c["n"] += 1
            c["level"] += want == got
            c["quick"] += decided.quick_win == expected["quick_win"]
            c["level1"] += want == 1
            c["found1"] += got == 1
            c["right1"] += want == got == 1
            c[f"level {want} n"] += 1
            c[f"level {want} right"] += want == got
            c[f"level {want} quick"] += decided.quick_win == expected["quick_win"]
        if want != got or decided.quick_win != expected["quick_win"]:
            wanted_quick = expected["quick_win"]
            quick = "/".join("q" if q else "-" for q in (wanted_quick, decided.quick_win))
            reasons = "; ".join(decided.reason_texts()) or "-"
            confusions.append([data["id"], str(want), str(got), quick, reasons[:110]])
    return counts, confusions


def _share(right: int, n: int) -> str:
    return f"{right / n:.3f}" if n else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=sorted(SPLITS), default="train+dev")
    parser.add_argument(
        "--batch", default="all", help="the batch written together: c2, c3, … or all (default)"
    )
    parser.add_argument(
        "--rules-only", action="store_true", help="triage by the rules alone, without the model"
    )
    args = parser.parse_args()
    counts, confusions = evaluate(args.split, batch=args.batch, meaning=not args.rules_only)
    order = [*sorted(k for k in counts if k != "all"), "all"]
    layer = "rules alone" if args.rules_only else "rules and the shipped model"
    table(
        f"Triage on the labelled corpus, {args.split} split, batch {args.batch} ({layer})",
        ["lang", "n", "level acc", "L1 recall", "L1 precision", "quick-win acc"],
        [
            [
                key,
                c["n"],
                _share(c["level"], c["n"]),
                _share(c["right1"], c["level1"]),
                _share(c["right1"], c["found1"]),
                _share(c["quick"], c["n"]),
            ]
            for key, c in ((key, counts[key]) for key in order)
        ],
    )
    table(
        f"By expected level, {args.split} split (level acc / quick-win acc)",
        ["lang", *(f"level {level}" for level in (1, 2, 4))],
        [
            [
                key,
                *(
                    f"{_share(counts[key][f'level {lv} right'], counts[key][f'level {lv} n'])} / "
                    f"{_share(counts[key][f'level {lv} quick'], counts[key][f'level {lv} n'])}"
                    for lv in (1, 2, 4)
                ),
            ]
            for key in order
        ],
    )
    if args.split != "holdout":
        table(
            f"Confusions, {args.split} split ({len(confusions)}; quick: wanted/got)",
            ["id", "want", "got", "quick", "reasons"],
            confusions,
        )
    total = counts["all"]
    result = {
        "bench": "triage_corpus",
        "split": args.split,
        "batch": args.batch,
        "layer": "rules" if args.rules_only else "rules+model",
        "contacts": total["n"],
        "per_language": {
            key: {
                "level_accuracy": round(c["level"] / c["n"], 3),
                "level1_recall": round(c["right1"] / c["level1"], 3) if c["level1"] else None,
                "level1_precision": round(c["right1"] / c["found1"], 3) if c["found1"] else None,
                "quick_win_accuracy": round(c["quick"] / c["n"], 3),
            }
            for key, c in ((key, counts[key]) for key in order)
        },
        "confusions": len(confusions),
    }
    print("\n" + json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
