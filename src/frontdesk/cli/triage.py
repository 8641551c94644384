"""`frontdesk triage` and `frontdesk triage-model`: triage contacts, train the learned model."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frontdesk.engine.triage import LanguageDetection, Lexicon


def cmd_triage(args: argparse.Namespace) -> int:
    """Triage JSON Lines contacts without a database: one output line per input line."""
    from frontdesk.engine.triage import LevelModel, LexiconError, ModelError, triage_contact
    from frontdesk.engine.triage.jsonlines import triage_lines
    from frontdesk.engine.triage.language import LanguageError

    languages = (
        [c.strip() for c in args.languages.split(",") if c.strip()] if args.languages else None
    )
    try:
        detection, lexicons = triage_parts(languages, extra_dirs=[Path(d) for d in args.lexicons])
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


def triage_parts(
    languages: list[str] | None = None, *, extra_dirs: Sequence[Path] = ()
) -> tuple[LanguageDetection, dict[str, Lexicon]]:
    """The language detector and the lexicons triage reads with (the defaults when not named)."""
    from frontdesk.engine.triage import DEFAULT_LANGUAGES, LanguageDetection, lexicons_load
    from frontdesk.engine.triage.language import lexicon_languages

    detection = LanguageDetection(languages or DEFAULT_LANGUAGES)
    lexicons = lexicons_load(
        languages=lexicon_languages(detection.codes), extra_dirs=list(extra_dirs)
    )
    return detection, lexicons


def cmd_triage_model(args: argparse.Namespace) -> int:
    """Train the learned triage model now, or write the newest one to a file."""
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


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the group's commands to the `frontdesk` parser."""
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
