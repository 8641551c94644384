"""The calendar feed: an agent's shifts and breaks on the desk's clock, in their language."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from icalendar import Calendar
from pytest_django import Settings

from frontdesk.schedules.calendar import agent_calendar
from frontdesk.schedules.services import break_add, shift_pattern_add
from frontdesk.sla.services import business_hours_set
from tests import factories

pytestmark = pytest.mark.django_db
# Monday 7 December 2026.
NOW = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)


def test_the_feed_keeps_the_desks_zone_so_a_calendar_shows_the_desks_hours(
    settings: Settings,
) -> None:
    settings.TIME_ZONE = "UTC"
    lead, agent = factories.agent(role="lead"), factories.agent(language="et")
    business_hours_set(
        actor=lead,
        team=None,
        time_zone="Europe/Tallinn",
        windows={str(day): [["09:00", "17:00"]] for day in range(5)},
    )
    shift_pattern_add(actor=lead, agent=agent, weekday=0, start=time(9), end=time(17))
    # 10:30 UTC is 12:30 in Tallinn.
    break_add(actor=lead, agent=agent, start=NOW.replace(hour=10, minute=30), minutes=30)

    body = agent_calendar(agent=agent, now=NOW).decode()
    assert "DTSTART;TZID=Europe/Tallinn:20261207T090000" in body
    assert "DTEND;TZID=Europe/Tallinn:20261207T170000" in body
    assert "DTSTART;TZID=Europe/Tallinn:20261207T123000" in body
    calendar = Calendar.from_ical(body)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Tallinn"
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert summaries == {"Vahetus", "Paus"}
