"""The waiting-room screen's language: the desk's default, the one asked for, or several in
turn."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from frontdesk.live.selectors import screen_language, visit_minutes_each
from tests import factories

NOON = datetime(2026, 12, 7, 12, 0, 0, tzinfo=UTC)  # a whole number of 20-second turns


@pytest.mark.parametrize(
    ("asked", "seconds", "language"),
    [
        ("", 0, "en"),
        ("he", 0, "he"),
        ("he", 25, "he"),
        ("et,he", 0, "et"),
        ("et,he", 19, "et"),
        ("et,he", 20, "he"),
        ("et,he", 40, "et"),
        ("xx", 0, "en"),
        ("xx, hu", 0, "hu"),
    ],
)
def test_the_screen_shows_the_language_asked_for_or_several_in_turn(
    asked: str, seconds: int, language: str
) -> None:
    moment = NOON.replace(second=seconds % 60, minute=seconds // 60)
    assert screen_language(asked=asked, now=moment) == language


@pytest.mark.django_db
def test_visits_the_desk_closed_itself_do_not_stretch_the_expected_wait() -> None:
    served = timezone.now() - timedelta(hours=4)
    for n in range(3):
        factories.visit(number=n + 1, served_at=served, done_at=served + timedelta(minutes=5))
        factories.visit(
            number=n + 11,
            served_at=served,
            done_at=served + timedelta(minutes=120),
            timed_out_at=served + timedelta(minutes=120),
        )
    assert visit_minutes_each() == 5.0
