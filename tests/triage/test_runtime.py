"""The process's triage state: warming up loads everything once, and only the desk's languages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_django import Settings

from frontdesk.macros.services import macro_save
from frontdesk.triage import runtime
from frontdesk.triage.services import model_retrain
from tests import factories
from tests.triage.conftest import desk_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk_languages(settings: Settings) -> Iterator[None]:
    settings.TRIAGE_LANGUAGES = ["en", "de"]
    runtime.detection.cache_clear()
    runtime.lexicons.cache_clear()
    yield
    runtime.detection.cache_clear()
    runtime.lexicons.cache_clear()


def test_after_warming_up_a_triage_loads_nothing_more() -> None:
    desk_history(factories.agent())
    assert model_retrain() is not None
    macro_save(
        code="delivery",
        language="en",
        name="Delivery times",
        text="We deliver in three working days.",
        questions=["How long does delivery take?"],
    )
    runtime.warm_up(freeze=False)
    loaded = runtime.loads()

    english = factories.ticket(subject="Printer setup", body="How long does delivery take?")
    estonian = factories.ticket(subject="Tarne", body="Kui kaua tarne aega võtab? Palun vastake.")

    english.refresh_from_db()
    estonian.refresh_from_db()
    assert (english.language, estonian.language) == ("en", "et")
    assert runtime.loads() == loaded


@pytest.mark.usefixtures("desk_languages")
def test_only_the_desks_languages_are_told_apart() -> None:
    estonian = "Tere, mu arve on vale ja ma ei saa sellest aru. Palun aidake mind kiiresti."

    ticket = factories.ticket(subject="Arve", body=estonian)

    ticket.refresh_from_db()
    assert runtime.detection().codes == ("en", "de")
    assert ticket.language in {"en", "de"}
