"""Leads planning the same week at the same moment never place a break twice."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, time

import pytest
from django.db import connection
from pytest_django import Settings

from frontdesk.accounts.models import User
from frontdesk.schedules.models import Break
from frontdesk.schedules.services import breaks_plan, shift_pattern_add
from tests import factories

LEADS = 4
AGENTS = 6
MONDAY = datetime(2026, 12, 7, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
def test_concurrent_planning_of_one_week_places_each_break_once(settings: Settings) -> None:
    settings.TIME_ZONE = "UTC"
    leads = [factories.agent(role="lead") for _ in range(LEADS)]
    agents = [factories.agent() for _ in range(AGENTS)]
    for agent in agents:
        for weekday in range(5):
            shift_pattern_add(
                actor=leads[0],
                agent=agent,
                weekday=weekday,
                start=time(8),
                end=time(16),
                time_zone="UTC",
            )
    errors: list[BaseException] = []
    start = threading.Barrier(LEADS)

    def plan(lead: User) -> None:
        try:
            start.wait()
            breaks_plan(actor=lead, monday=MONDAY.date(), now=MONDAY)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=plan, args=(lead,)) for lead in leads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    # Three rules for an 8-hour shift, five shifts a week, each break once.
    per_agent = Counter(Break.objects.values_list("agent_id", flat=True))
    assert per_agent == {agent.pk: 3 * 5 for agent in agents}
    assert Break.objects.values("agent_id", "start").distinct().count() == 3 * 5 * AGENTS
