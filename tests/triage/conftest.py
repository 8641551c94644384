from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_django import Settings

from frontdesk.accounts.models import User
from frontdesk.tickets.choices import Status
from frontdesk.tickets.services import ticket_set_status
from frontdesk.triage import runtime
from frontdesk.triage.services import triage_correct
from tests import factories
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


def desk_history(agent: User) -> None:
    """Solved tickets: printer questions were level 2 at this desk, weather chat level 4."""
    for n in range(15):
        printer = factories.ticket(
            subject="Printer setup", body=f"How do I connect printer model {n} to the app?"
        )
        triage_correct(ticket=printer, agent=agent, level=2, quick_win=False)
        ticket_set_status(ticket=printer, actor=agent, status=Status.SOLVED)
        chat = factories.ticket(
            subject="Hello there", body=f"Nice weather today number {n}, just saying hi."
        )
        ticket_set_status(ticket=chat, actor=agent, status=Status.SOLVED)
