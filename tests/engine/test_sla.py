from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from frontdesk.engine.sla import (
    BusinessCalendar,
    CalendarError,
    SlaTargets,
    business_add,
    business_between,
    dues_for,
    next_opening,
    open_window,
)

TALLINN = ZoneInfo("Europe/Tallinn")
# Mon–Fri 9:00–17:00 in Tallinn; Christmas Eve and Day are holidays.
CALENDAR = BusinessCalendar(
    zone="Europe/Tallinn", holidays=frozenset({date(2026, 12, 24), date(2026, 12, 25)})
)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TALLINN)


@pytest.mark.parametrize(
    ("start", "minutes", "due", "case"),
    [
        (at(23, 10), 60, at(23, 11), "inside the day"),
        (at(23, 16, 30), 60, at(24, 9, 30), "across the night"),
        (at(23, 7), 30, at(23, 9, 30), "before opening"),
        (at(27, 16), 120, at(30, 10), "across the weekend (Friday to Monday)"),
        (at(28, 12), 60, at(30, 10), "sent on a Saturday"),
        (at(23, 17), 0, at(23, 17), "no time needed"),
        (at(23, 10), 8 * 60 * 2, at(25, 10), "two whole business days"),
        (
            datetime(2026, 12, 23, 16, tzinfo=TALLINN),
            120,
            datetime(2026, 12, 28, 10, tzinfo=TALLINN),
            "across Christmas and a weekend",
        ),
    ],
)
def test_business_time_stops_at_night_weekends_and_holidays(
    start: datetime, minutes: int, due: datetime, case: str
) -> None:
    assert business_add(start, minutes, CALENDAR) == due, case


def test_clocks_work_in_the_teams_time_zone() -> None:
    # 06:30 UTC is 08:30 in Tallinn in November: half an hour before opening.
    utc_start = datetime(2026, 11, 23, 6, 30, tzinfo=ZoneInfo("UTC"))
    assert business_add(utc_start, 30, CALENDAR) == at(23, 9, 30)


def test_summer_time_changes_nothing_in_business_hours() -> None:
    # Clocks go forward at 03:00 on 29 March 2026 (a Sunday) in Tallinn.
    friday = datetime(2026, 3, 27, 16, 30, tzinfo=TALLINN)
    assert business_add(friday, 60, CALENDAR) == datetime(2026, 3, 30, 9, 30, tzinfo=TALLINN)


@pytest.mark.parametrize(
    ("start", "end", "minutes"),
    [
        (at(23, 10), at(23, 12), 120),
        (at(27, 16), at(30, 10), 120),
        (at(28, 9), at(29, 18), 0),
        (at(23, 12), at(23, 10), 0),
    ],
)
def test_business_time_between_two_moments(start: datetime, end: datetime, minutes: int) -> None:
    assert business_between(start, end, CALENDAR) == timedelta(minutes=minutes)


def test_dues_follow_the_level_and_move_by_the_time_paused() -> None:
    dues = dues_for(opened=at(23, 10), level=1, targets=SlaTargets(), calendar=CALENDAR)
    assert dues.first_response == at(23, 11)
    assert dues.resolution == at(24, 10)
    paused = dues_for(
        opened=at(23, 10),
        level=1,
        targets=SlaTargets(),
        calendar=CALENDAR,
        paused=timedelta(hours=2),
    )
    assert paused.first_response == at(23, 13)


def test_split_windows_and_weekend_shifts() -> None:
    calendar = BusinessCalendar(
        zone="Asia/Jerusalem",
        # Sunday–Thursday with a lunch break; Friday mornings.
        windows={
            **{day: ((time(8), time(12)), (time(13), time(17))) for day in (6, 0, 1, 2, 3)},
            4: ((time(8), time(12)),),
        },
    )
    jerusalem = ZoneInfo("Asia/Jerusalem")
    thursday = datetime(2026, 11, 26, 11, 30, tzinfo=jerusalem)
    assert business_add(thursday, 60, calendar) == datetime(2026, 11, 26, 13, 30, tzinfo=jerusalem)
    friday = datetime(2026, 11, 27, 11, 0, tzinfo=jerusalem)
    assert business_add(friday, 120, calendar) == datetime(2026, 11, 29, 9, 0, tzinfo=jerusalem)


@pytest.mark.parametrize(
    ("calendar", "problem", "code"),
    [
        (BusinessCalendar(zone="Mars/Olympus"), "unknown time zone", "unknown-time-zone"),
        (BusinessCalendar(windows={}), "at least one opening window", "no-opening-window"),
        (
            BusinessCalendar(windows={0: ((time(17), time(9)),)}),
            "must end after it starts",
            "window-reversed",
        ),
        (
            BusinessCalendar(windows={9: ((time(9), time(17)),)}),
            "weekday 9",
            "weekday-out-of-range",
        ),
    ],
)
def test_a_calendar_that_makes_no_sense_is_refused(
    calendar: BusinessCalendar, problem: str, code: str
) -> None:
    with pytest.raises(CalendarError, match=problem) as refused:
        calendar.validate()
    assert refused.value.code == code


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(CalendarError, match="time zone") as refused:
        business_add(datetime(2026, 11, 23, 10), 60, CALENDAR)
    assert refused.value.code == "no-time-zone"


# Mon–Fri 9:00–17:00 and a Saturday night split at midnight, as stored hours say it (22:00–23:59,
# 00:00–02:00).
NIGHTS = BusinessCalendar(
    zone="Europe/Tallinn",
    windows={
        **{day: ((time(9), time(17)),) for day in range(5)},
        5: ((time(22), time(23, 59)),),
        6: ((time(0), time(2)),),
    },
    holidays=frozenset({date(2026, 12, 24)}),
)


@pytest.mark.parametrize(
    ("moment", "window", "opens", "case"),
    [
        (at(23, 10), (at(23, 9), at(23, 17)), at(24, 9), "open on a Monday"),
        (at(23, 9), (at(23, 9), at(23, 17)), at(24, 9), "the minute it opens"),
        (at(23, 17), None, at(24, 9), "the minute it closes"),
        (at(23, 7), None, at(23, 9), "before opening the same day"),
        (at(27, 18), None, at(28, 22), "Friday evening: Saturday night is next"),
        (at(28, 23), (at(28, 22), at(29, 2)), at(30, 9), "a night across midnight is one"),
        (at(29, 1), (at(28, 22), at(29, 2)), at(30, 9), "after midnight, in the same night"),
        (
            at(23, 12, month=12),
            (at(23, 9, month=12), at(23, 17, month=12)),
            at(25, 9, month=12),
            "a holiday is skipped",
        ),
        (at(24, 12, month=12), None, at(25, 9, month=12), "closed on a holiday"),
    ],
)
def test_the_window_open_now_and_the_next_opening(
    moment: datetime,
    window: tuple[datetime, datetime] | None,
    opens: datetime,
    case: str,
) -> None:
    assert open_window(NIGHTS, moment) == window, case
    assert next_opening(NIGHTS, moment) == opens, case


def test_a_calendar_without_hours_never_opens() -> None:
    never = BusinessCalendar(windows={})
    moment = datetime(2026, 11, 23, 12, tzinfo=TALLINN)
    assert open_window(never, moment) is None
    assert next_opening(never, moment) is None
