"""Build the shipped triage model (src/frontdesk/engine/triage/meaning.json.gz) from the corpus.

Reads every contact of the labelled corpus's train and dev splits through the rules (without the
model), chooses each decision's strength, calibration and threshold on 5-fold out-of-fold scores,
fits it on all of train and dev, and writes the model. The holdout split is never read. Prints
the out-of-fold figures and the model's size.

Run: .venv/bin/python bench/triage_model_build.py [--check]
  --check  build into memory and exit 1 if the shipped file differs (the build is deterministic)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from common import table
from triage_corpus_eval import corpus_languages, corpus_rows

from frontdesk.engine.triage import LanguageDetection, lexicons_load
from frontdesk.engine.triage.jsonlines import contact_from_json
from frontdesk.engine.triage.meaning import SHIPPED, MeaningModel
from frontdesk.engine.triage.meaning_train import FOLDS, Sample, fit_model
from frontdesk.engine.triage.rules import rules_read


def samples(splits: set[str]) -> dict[str, list[Sample]]:
    """The corpus's contacts in these splits as the model reads them, per split."""
    detection = LanguageDetection(corpus_languages())
    lexicons = lexicons_load()
    found: dict[str, list[Sample]] = {split: [] for split in splits}
    for language, data, expected in corpus_rows(splits):
        read = rules_read(
            contact_from_json(data),
            lexicons=lexicons,
            detection=detection,
            fallback_language=language,
        )
        found[data["split"]].append(
            Sample(
                words=read.words,
                cues=read.cues,
                level1=expected["level"] == 1,
                quick=bool(expected["quick_win"]),
                rules_level1=read.level == 1,
                rules_quick=read.quick_win,
            )
        )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    split = samples({"train", "dev"})
    everything = split["train"] + split["dev"]
    trained = {
        "corpus": "bench/data/triage_corpus",
        "splits": ["train", "dev"],
        "contacts": len(everything),
        "languages": corpus_languages(),
    }
    model, level1, quick = fit_model(everything, trained=trained)
    raw = model.dumps()
    table(
        f"Shipped model, fitted on {len(everything)} train+dev contacts "
        f"(figures: {FOLDS}-fold out-of-fold)",
        [
            "decision",
            "C",
            "threshold",
            "confirm",
            "cv acc",
            "cv recall",
            "cv precision",
            "grams",
            "cues",
        ],
        [
            [
                name,
                fitted.strength,
                fitted.decision.threshold,
                fitted.decision.confirm,
                f"{fitted.cv_accuracy:.3f}",
                f"{fitted.cv_recall:.3f}",
                f"{fitted.cv_precision:.3f}",
                len(fitted.decision.grams),
                len(fitted.decision.cues),
            ]
            for name, fitted in (("level 1", level1), ("quick win", quick))
        ],
    )
    seconds = time.perf_counter() - started
    print(f"\n{len(raw) / 1024:.0f} KiB gzipped; built in {seconds:.1f} s")
    if args.check:
        same = SHIPPED.exists() and MeaningModel.loads(SHIPPED.read_bytes()).dumps() == raw
        print("shipped model is up to date" if same else "shipped model differs from a fresh build")
        return 0 if same else 1
    Path(SHIPPED).write_bytes(raw)
    print(f"wrote {SHIPPED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
