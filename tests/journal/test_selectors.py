"""Reads for the journal that depend on the desk's day."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytest_django import Settings

from frontdesk.customers.models import Interaction
from frontdesk.journal.selectors import interactions_logged_today
from frontdesk.journal.services import log_line_save
from frontdesk.sla.services import business_hours_set
from tests import factories

pytestmark = pytest.mark.django_db


def test_todays_lines_are_those_since_the_desks_midnight(settings: Settings) -> None:
    settings.TIME_ZONE = "UTC"
    writer = factories.agent(role="lead")
    business_hours_set(
        actor=writer,
        team=None,
        time_zone="Europe/Tallinn",
        windows={str(day): [["09:00", "17:00"]] for day in range(5)},
    )
    factories.customer(name="Rami Cohen")
    factories.customer(name="Mari Maasikas")
    yesterday = log_line_save(line="Rami Cohen. viruses.", writer=writer)
    today = log_line_save(line="Mari Maasikas. invoice.", writer=writer)
    # 21:30 UTC is 23:30 in Tallinn on Sunday; 22:30 UTC is half past midnight on Monday.
    Interaction.objects.filter(pk=yesterday.pk).update(
        created_at=datetime(2026, 12, 6, 21, 30, tzinfo=UTC)
    )
    Interaction.objects.filter(pk=today.pk).update(
        created_at=datetime(2026, 12, 6, 22, 30, tzinfo=UTC)
    )
    now = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
    assert list(interactions_logged_today(agent=writer, now=now)) == [today]
