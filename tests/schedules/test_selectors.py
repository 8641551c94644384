"""Shifts in a span (weekly patterns, one-off changes, midnight, DST), the forecast's need, and
what the desk tells customers."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from frontdesk.schedules.selectors import (
    Load,
    agents_required,
    desk_status,
    forecast,
    intervals,
    shifts_between,
)
from frontdesk.schedules.services import (
    break_add,
    break_step_away,
    breaks_warn_due,
    shift_change_set,
    shift_pattern_add,
)
from tests import factories

pytestmark = pytest.mark.django_db
TALLINN = ZoneInfo("Europe/Tallinn")
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday morning


def _day_shift(lead, agent) -> None:  # type: ignore[no-untyped-def]
    """08:00–18:00 UTC on Mondays."""
    shift_pattern_add(
        actor=lead, agent=agent, weekday=0, start=time(8), end=time(18), time_zone="UTC"
    )


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_weekly_shifts_with_a_changed_day_and_a_day_off() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    for weekday in range(5):
        shift_pattern_add(
            actor=lead,
            agent=agent,
            weekday=weekday,
            start=time(9),
            end=time(17),
            time_zone="Europe/Tallinn",
        )
    # Monday 7 December 2026: other hours; Tuesday: a day off.
    shift_change_set(
        actor=lead,
        agent=agent,
        day=date(2026, 12, 7),
        off=False,
        start=time(12),
        end=time(20),
        time_zone="Europe/Tallinn",
    )
    shift_change_set(actor=lead, agent=agent, day=date(2026, 12, 8), off=True)
    found = shifts_between(
        start=datetime(2026, 12, 7, tzinfo=TALLINN), end=datetime(2026, 12, 10, tzinfo=TALLINN)
    )
    assert [(s.start.astimezone(TALLINN).strftime("%a %H:%M"), s.end - s.start) for s in found] == [
        ("Mon 12:00", timedelta(hours=8)),
        ("Wed 09:00", timedelta(hours=8)),
    ]


def test_a_night_shift_across_the_dst_change_lasts_its_real_length() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    # Sunday 25 October 2026, clocks go back at 04:00 in Tallinn: 22:00 to 06:00 is 9 hours.
    shift_pattern_add(
        actor=lead, agent=agent, weekday=5, start=time(22), end=time(6), time_zone="Europe/Tallinn"
    )
    [night] = shifts_between(start=_utc(2026, 10, 24, 12), end=_utc(2026, 10, 25, 12))
    assert night.start == _utc(2026, 10, 24, 19)
    assert night.end - night.start == timedelta(hours=9)


def test_intervals_are_quarter_hours_in_real_time_across_dst() -> None:
    start = datetime(2026, 10, 25, 2, 0, tzinfo=TALLINN).astimezone(UTC)
    slots = intervals(start, start + timedelta(hours=4))
    assert len(slots) == 16
    assert all(b - a == timedelta(minutes=15) for a, b in itertools.pairwise(slots))


def test_the_forecast_reads_the_same_weekday_and_hour_of_the_last_weeks() -> None:
    customer = factories.customer()
    now = _utc(2026, 12, 7, 12)  # a Monday
    for weeks_ago in (0, 1, 2, 3):
        for _ in range(3):
            factories.ticket(
                customer_=customer,
                channel="phone",
                created_at=now - timedelta(weeks=weeks_ago, minutes=50),
            )
    loads = forecast(start=now - timedelta(hours=1), end=now, now=now)
    busy = loads[_utc(2026, 12, 7, 11)]
    # 12 calls in four weeks' 11:00–11:15 slots: 3 a quarter hour, 12 an hour.
    assert busy.live_per_hour == pytest.approx(12.0)
    assert loads[_utc(2026, 12, 7, 11, 30)].live_per_hour == 0


def test_an_empty_interval_needs_nobody() -> None:
    assert agents_required(Load(0, 240, 0, 480)) == 0


def test_agents_required_is_erlang_c_on_the_desks_targets(settings) -> None:  # type: ignore[no-untyped-def]
    settings.STAFFING_TARGET_PERCENT, settings.STAFFING_TARGET_SECONDS = 80, 20
    settings.STAFFING_MAX_OCCUPANCY_PERCENT = 100
    # The worked example: 200 calls an hour of 180 s is 10 Erlangs; 80% in 20 s takes 14.
    assert agents_required(Load(200, 180, 0, 480)) == 14
    # At most 70% busy, 10 Erlangs need 15 agents.
    settings.STAFFING_MAX_OCCUPANCY_PERCENT = 70
    assert agents_required(Load(200, 180, 0, 480)) == 15


def test_customers_hear_of_a_break_only_once_the_queue_is_warned(settings) -> None:  # type: ignore[no-untyped-def]
    settings.BREAK_WARNING_MINUTES = 15
    lead, agent, other = factories.agent(role="lead"), factories.agent(), factories.agent()
    now = NOW
    for person in (agent, other):
        _day_shift(lead, person)
    brk = break_add(actor=lead, agent=agent, start=now + timedelta(minutes=14), minutes=15)
    assert desk_status(now=now).next_break is not None
    assert desk_status(now=now).warning is None
    breaks_warn_due(now=now)
    status = desk_status(now=now)
    assert status.warning is not None
    assert status.warning.start == brk.start
    assert status.warning.closes is False  # the other agent stays at the desk


def test_stepping_away_shows_the_apology_with_the_reason_and_the_return() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    _day_shift(lead, agent)
    now = NOW
    break_step_away(agent=agent, reason="delivery", minutes=10, now=now)
    going = desk_status(now=now).now_break
    assert going is not None
    assert (going.unplanned, going.reason, going.closes) == (True, "delivery", True)
    assert going.end == now + timedelta(minutes=10)
