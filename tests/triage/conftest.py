from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_django import Settings

from frontdesk.triage import runtime
from tests.engine.triage.conftest import ENGLISH


@pytest.fixture(autouse=True)
def test_lexicon(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Iterator[None]:
    """The desk's own lexicon folder holds the small English test lexicon, so these tests do not
    move when the shipped word lists grow."""
    folder: Path = tmp_path_factory.mktemp("lexicons")
    (folder / "en.json").write_text(json.dumps(ENGLISH), encoding="utf-8")
    settings.TRIAGE_LEXICON_DIR = str(folder)
    runtime.lexicons.cache_clear()
    yield
    runtime.lexicons.cache_clear()
