"""The data migrations keep the behaviour they were written with, whatever the engine does now."""

import importlib
from datetime import UTC, datetime, timedelta

import pytest

queue_migration = importlib.import_module("frontdesk.tickets.migrations.0003_ticket_queue")

ARRIVED = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("level", "quick_win", "key_customer", "head_start_hours"),
    [
        (4, False, False, 0),
        (3, False, False, 0),
        (2, False, False, 12),
        (1, False, False, 400),
        (4, True, False, 48),
        (4, False, True, 24),
        (2, True, True, 48),
        (1, True, True, 400),
    ],
)
def test_0003_places_waiting_tickets_by_the_weights_of_its_day(
    level: int, quick_win: bool, key_customer: bool, head_start_hours: int
) -> None:
    key = queue_migration.queue_key(
        arrived_at=ARRIVED, level=level, quick_win=quick_win, key_customer=key_customer
    )
    assert key == ARRIVED - timedelta(hours=head_start_hours)
