from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from frontdesk.engine.breaks import (
    Break,
    BreakError,
    BreakRule,
    Plan,
    Shift,
    Shortfall,
    breaks_place,
    shifts_check,
    shortfalls,
    staffed,
)

TALLINN = ZoneInfo("Europe/Tallinn")
QUARTER = timedelta(minutes=15)
MONDAY = datetime(2026, 11, 23, tzinfo=UTC)
LUNCH = BreakRule(
    length=timedelta(minutes=30), earliest=timedelta(hours=3), latest=timedelta(hours=5)
)
# The rules of the generated weeks: a lunch in shifts of six hours or more, a short break in the
# first half of shifts of four hours or more, another in the second half from eight hours.
WEEK_RULES = (
    BreakRule(timedelta(minutes=30), timedelta(hours=3), timedelta(hours=5), timedelta(hours=6)),
    BreakRule(QUARTER, timedelta(hours=1), timedelta(hours=2, minutes=45), timedelta(hours=4)),
    BreakRule(QUARTER, timedelta(hours=5), timedelta(hours=7), timedelta(hours=8)),
)


def at(hour: int, minute: int = 0, day: int = 23) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def quarters(start: datetime, end: datetime, agents: int) -> dict[datetime, int]:
    """The same requirement in every quarter hour from start to end."""
    return {start + QUARTER * n: agents for n in range((end - start) // QUARTER)}


def starts(plan_breaks: tuple[Break, ...]) -> list[tuple[int, datetime]]:
    return [(taken.agent_id, taken.start) for taken in plan_breaks]


DAY_SHIFTS = [Shift(agent, at(9), at(17)) for agent in (1, 2, 3)]
NIGHT_SHIFTS = [Shift(agent, at(20), at(4, day=24)) for agent in (1, 2, 3)]


@pytest.mark.parametrize(
    ("shifts", "rules", "required", "expected"),
    [
        pytest.param(
            DAY_SHIFTS,
            [LUNCH],
            quarters(at(9), at(17), 2),
            [(1, at(12)), (2, at(12, 30)), (3, at(13))],
            id="two of three needed: one lunch at a time, from the earliest",
        ),
        pytest.param(
            DAY_SHIFTS,
            [LUNCH],
            {**quarters(at(9), at(17), 2), **quarters(at(12), at(13), 3)},
            [(1, at(13)), (2, at(13, 30)), (3, at(14))],
            id="everyone needed 12-13: lunches after it",
        ),
        pytest.param(
            NIGHT_SHIFTS,
            [LUNCH],
            quarters(at(20), at(4, day=24), 2),
            [(1, at(23)), (2, at(23, 30)), (3, at(0, day=24))],
            id="a night shift across midnight",
        ),
        pytest.param(
            DAY_SHIFTS,
            [LUNCH, BreakRule(QUARTER, timedelta(hours=1), timedelta(hours=2))],
            quarters(at(9), at(17), 2),
            [
                (1, at(10)),
                (1, at(12)),
                (2, at(10, 15)),
                (2, at(12, 30)),
                (3, at(10, 30)),
                (3, at(13)),
            ],
            id="a short break and a lunch each, staggered",
        ),
        pytest.param(
            [Shift(1, at(9), at(13)), Shift(2, at(9), at(17)), Shift(3, at(9), at(17))],
            [BreakRule(LUNCH.length, LUNCH.earliest, LUNCH.latest, min_shift=timedelta(hours=6))],
            quarters(at(9), at(13), 2),
            [(2, at(13)), (3, at(13, 30))],
            id="a four-hour shift gets no lunch that begins at six hours",
        ),
    ],
)
def test_breaks_are_staggered_so_coverage_is_kept(
    shifts: list[Shift],
    rules: list[BreakRule],
    required: dict[datetime, int],
    expected: list[tuple[int, datetime]],
) -> None:
    plan = breaks_place(shifts=shifts, rules=rules, required=required, interval=QUARTER)
    assert starts(plan.breaks) == expected
    assert plan.shortfalls == ()


def test_when_everyone_is_needed_the_shortfalls_are_where_the_lunches_must_fall() -> None:
    plan = breaks_place(
        shifts=DAY_SHIFTS, rules=[LUNCH], required=quarters(at(9), at(17), 3), interval=QUARTER
    )
    assert starts(plan.breaks) == [(1, at(12)), (2, at(12, 30)), (3, at(13))]
    assert plan.shortfalls == tuple(
        Shortfall(start=at(12) + QUARTER * n, required=3, staffed=2) for n in range(6)
    )


def test_a_fixed_break_stays_and_the_others_move_around_it() -> None:
    fixed = Break(1, at(13), at(13, 30))
    plan = breaks_place(
        shifts=DAY_SHIFTS,
        rules=[LUNCH],
        required=quarters(at(9), at(17), 2),
        interval=QUARTER,
        fixed=[fixed],
    )
    # The fixed break is agent 1's lunch: it is not given another.
    assert plan.breaks == (fixed, Break(2, at(12), at(12, 30)), Break(3, at(12, 30), at(13)))
    assert plan.shortfalls == ()


def test_a_fixed_break_no_rule_gives_is_one_more_absence_to_plan_around() -> None:
    doctor = Break(2, at(12), at(13))
    plan = breaks_place(
        shifts=DAY_SHIFTS,
        rules=[LUNCH],
        required=quarters(at(9), at(17), 2),
        interval=QUARTER,
        fixed=[doctor],
    )
    assert starts(plan.breaks) == [(1, at(13)), (2, at(12)), (2, at(13, 30)), (3, at(14))]
    assert plan.shortfalls == ()


@pytest.mark.parametrize(
    ("around", "fixed", "expected"),
    [
        pytest.param(
            [Shift(3, at(20, day=22), at(10))],
            [Break(3, at(1), at(1, 30))],
            [(1, at(12)), (2, at(12, 30)), (3, at(1))],
            id="last night's shift keeps its lunch; only today's shifts get new ones",
        ),
        pytest.param(
            [Shift(3, at(20, day=22), at(10))],
            [],
            [(1, at(12)), (2, at(12, 30))],
            id="a shift around the planned ones gets no break of its own",
        ),
        pytest.param(
            [Shift(3, at(13), at(21))],
            [],
            [(1, at(13)), (2, at(13, 30))],
            id="a colleague at work from one counts: the lunches wait for them",
        ),
    ],
)
def test_shifts_around_the_planned_ones_count_at_work_and_keep_their_breaks(
    around: list[Shift], fixed: list[Break], expected: list[tuple[int, datetime]]
) -> None:
    plan = breaks_place(
        shifts=[Shift(1, at(9), at(17)), Shift(2, at(9), at(17))],
        rules=[LUNCH],
        required=quarters(at(9), at(17), 2),
        interval=QUARTER,
        fixed=fixed,
        around=around,
    )
    assert starts(plan.breaks) == expected
    assert [b for b in plan.breaks if b.agent_id == 3] == fixed


def test_an_agent_counts_only_in_intervals_wholly_at_work() -> None:
    counted = staffed(
        shifts=[Shift(1, at(9, 5), at(10, 10)), Shift(2, at(9), at(10))],
        breaks=[Break(2, at(9, 20), at(9, 25))],
        start=at(9),
        end=at(10, 15),
        interval=QUARTER,
    )
    assert list(counted.values()) == [1, 1, 2, 2, 0]


def test_back_to_back_shifts_of_one_agent_count_across_the_seam() -> None:
    counted = staffed(
        shifts=[Shift(1, at(9), at(9, 20)), Shift(1, at(9, 20), at(10))],
        breaks=[],
        start=at(9),
        end=at(10),
        interval=QUARTER,
    )
    assert list(counted.values()) == [1, 1, 1, 1]


def test_hour_intervals_fall_on_the_hour_in_a_half_hour_zone() -> None:
    kolkata = ZoneInfo("Asia/Kolkata")
    shift = Shift(
        1, datetime(2026, 11, 23, 9, tzinfo=kolkata), datetime(2026, 11, 23, 13, 30, tzinfo=kolkata)
    )
    rule = BreakRule(timedelta(hours=1), earliest=timedelta(0), latest=timedelta(hours=3))
    plan = breaks_place(shifts=[shift], rules=[rule], required={}, interval=timedelta(hours=1))
    # 09:00 in Kolkata is 03:30 UTC; the first whole hour at work starts at 04:00 UTC.
    assert plan.breaks == (Break(1, at(4), at(5)),)


# Clocks go forward at 03:00 on 29 March 2026 and back at 04:00 on 25 October 2026 in Tallinn.
@pytest.mark.parametrize(
    ("shift", "offset", "intervals", "break_start", "local"),
    [
        pytest.param(
            Shift(
                1,
                datetime(2026, 3, 28, 22, tzinfo=TALLINN),
                datetime(2026, 3, 29, 7, tzinfo=TALLINN),
            ),
            timedelta(hours=5),
            8 * 4,
            datetime(2026, 3, 29, 1, tzinfo=UTC),
            "04:00+03:00",
            id="spring forward: 22:00-07:00 is 8 hours",
        ),
        pytest.param(
            Shift(
                1,
                datetime(2026, 10, 24, 22, tzinfo=TALLINN),
                datetime(2026, 10, 25, 6, tzinfo=TALLINN),
            ),
            timedelta(hours=5, minutes=30),
            9 * 4,
            datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
            "03:30+03:00",
            id="fall back: 03:30 the first time",
        ),
        pytest.param(
            Shift(
                1,
                datetime(2026, 10, 24, 22, tzinfo=TALLINN),
                datetime(2026, 10, 25, 6, tzinfo=TALLINN),
            ),
            timedelta(hours=6, minutes=30),
            9 * 4,
            datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
            "03:30+02:00",
            id="fall back: 03:30 the second time",
        ),
    ],
)
def test_shifts_across_a_change_of_clocks_count_in_elapsed_time(
    shift: Shift, offset: timedelta, intervals: int, break_start: datetime, local: str
) -> None:
    counted = staffed(shifts=[shift], breaks=[], start=shift.start, end=shift.end, interval=QUARTER)
    assert len(counted) == intervals
    rule = BreakRule(timedelta(minutes=30), earliest=offset, latest=offset)
    plan = breaks_place(shifts=[shift], rules=[rule], required={}, interval=QUARTER)
    assert plan.breaks == (Break(1, break_start, break_start + timedelta(minutes=30)),)
    assert plan.breaks[0].start.astimezone(TALLINN).isoformat(timespec="minutes")[11:] == local


@pytest.mark.parametrize(
    ("shift", "breaks"),
    [
        # 9 hours elapsed, though 22:00 to 06:00 on the clock.
        (
            Shift(
                1,
                datetime(2026, 10, 24, 22, tzinfo=TALLINN),
                datetime(2026, 10, 25, 6, tzinfo=TALLINN),
            ),
            1,
        ),
        # 8 hours elapsed, though 22:00 to 07:00 on the clock.
        (
            Shift(
                1,
                datetime(2026, 3, 28, 22, tzinfo=TALLINN),
                datetime(2026, 3, 29, 7, tzinfo=TALLINN),
            ),
            0,
        ),
    ],
)
def test_the_shortest_shift_for_a_rule_is_measured_in_elapsed_time(
    shift: Shift, breaks: int
) -> None:
    rule = BreakRule(
        LUNCH.length, LUNCH.earliest, LUNCH.latest, min_shift=timedelta(hours=8, minutes=30)
    )
    plan = breaks_place(shifts=[shift], rules=[rule], required={}, interval=QUARTER)
    assert len(plan.breaks) == breaks


# 03:30 comes twice that night: fold=1 names the second time. (One dict cannot hold both: Python
# counts the two as one key.)
@pytest.mark.parametrize(
    ("fold", "short"),
    [
        (0, ()),
        (1, (Shortfall(start=datetime(2026, 10, 25, 1, 30, tzinfo=UTC), required=1, staffed=0),)),
    ],
)
def test_a_requirement_in_the_repeated_hour_is_the_one_it_names(
    fold: int, short: tuple[Shortfall, ...]
) -> None:
    shift = Shift(
        1, datetime(2026, 10, 24, 22, tzinfo=TALLINN), datetime(2026, 10, 25, 6, tzinfo=TALLINN)
    )
    # The break is at 03:30 the second time.
    rule = BreakRule(
        QUARTER, earliest=timedelta(hours=6, minutes=30), latest=timedelta(hours=6, minutes=30)
    )
    required = {datetime(2026, 10, 25, 3, 30, fold=fold, tzinfo=TALLINN): 1}
    plan = breaks_place(shifts=[shift], rules=[rule], required=required, interval=QUARTER)
    assert plan.shortfalls == short


def week(rng: random.Random) -> list[Shift]:
    """30-60 agents, each on 3-6 days, shifts of 4-10 hours on quarter hours, some past midnight."""
    shifts = []
    for agent in range(1, rng.randint(30, 60) + 1):
        free = MONDAY
        for day in sorted(rng.sample(range(7), rng.randint(3, 6))):
            start = max(free, MONDAY + timedelta(days=day) + QUARTER * rng.randrange(96))
            free = start + QUARTER * rng.randint(16, 40)
            shifts.append(Shift(agent, start, free))
    return shifts


def witness(rng: random.Random, shifts: list[Shift], rules: tuple[BreakRule, ...]) -> list[Break]:
    """Some valid placement of every break: each rule's break at a random start in its window."""
    made: list[Break] = []
    for shift in shifts:
        own: list[Break] = []
        for rule in (rule for rule in rules if shift.end - shift.start >= rule.min_shift):
            possible = [
                start
                for n in range((rule.latest - rule.earliest) // QUARTER + 1)
                if (start := shift.start + rule.earliest + QUARTER * n) + rule.length <= shift.end
                and not any(start < b.end and b.start < start + rule.length for b in own)
            ]
            start = rng.choice(possible)
            own.append(Break(shift.agent_id, start, start + rule.length))
        made += own
    return made


def coverage(shifts: list[Shift], breaks: list[Break]) -> dict[datetime, int]:
    return staffed(
        shifts=shifts, breaks=breaks, start=MONDAY, end=MONDAY + timedelta(days=8), interval=QUARTER
    )


def windows_kept(shift: Shift, plan_breaks: tuple[Break, ...]) -> bool:
    """Each rule that applies gave the shift one break inside its window, and nothing else."""
    own = [
        b
        for b in plan_breaks
        if b.agent_id == shift.agent_id and shift.start <= b.start < shift.end
    ]
    rules = sorted(
        (rule for rule in WEEK_RULES if shift.end - shift.start >= rule.min_shift),
        key=lambda rule: (rule.length, rule.earliest),
    )
    own.sort(key=lambda b: (b.end - b.start, b.start))
    return len(own) == len(rules) and all(
        taken.end - taken.start == rule.length
        and rule.earliest <= taken.start - shift.start <= rule.latest
        and taken.end <= shift.end
        and (taken.start - MONDAY) % QUARTER == timedelta(0)
        for taken, rule in zip(own, rules, strict=True)
    )


# A plan exists by construction: the witness meets the requirement everywhere. The placement is
# greedy, not an optimum, so the weeks leave it one agent to spare where three or more are at
# work (without that spare agent it would come back short on some of these weeks).
@pytest.mark.parametrize("seed", range(8))
def test_generated_weeks_keep_coverage(seed: int) -> None:
    rng = random.Random(seed)
    shifts = week(rng)
    met = coverage(shifts, witness(rng, shifts, WEEK_RULES))
    required = {moment: count - 1 if count >= 3 else count for moment, count in met.items()}

    plan = breaks_place(shifts=shifts, rules=WEEK_RULES, required=required, interval=QUARTER)

    assert plan.shortfalls == ()
    assert all(windows_kept(shift, plan.breaks) for shift in shifts)
    by_agent = sorted(plan.breaks, key=lambda b: (b.agent_id, b.start))
    assert all(
        first.end <= second.start
        for first, second in pairwise(by_agent)
        if first.agent_id == second.agent_id
    )
    assert Counter(b.agent_id for b in plan.breaks) == Counter(
        shift.agent_id
        for shift in shifts
        for rule in WEEK_RULES
        if shift.end - shift.start >= rule.min_shift
    )
    # The input's order changes nothing.
    shuffled = rng.sample(shifts, len(shifts))
    assert (
        breaks_place(shifts=shuffled, rules=WEEK_RULES, required=required, interval=QUARTER) == plan
    )


# A lunch of an hour that starts between 4:00 and 4:30 into the shift is always on from 4:30 to
# 5:00: where everyone on shift is needed then, the desk is short, whatever the plan.
FORCED_RULES = (
    BreakRule(
        timedelta(hours=1), timedelta(hours=4), timedelta(hours=4, minutes=30), timedelta(hours=6)
    ),
    BreakRule(QUARTER, timedelta(hours=1), timedelta(hours=3), timedelta(hours=4)),
)


def forced(shifts: list[Shift]) -> list[datetime]:
    """The intervals a lunch must cover, whichever start it gets."""
    return [
        shift.start + timedelta(hours=4, minutes=30) + QUARTER * n
        for shift in shifts
        if shift.end - shift.start >= timedelta(hours=6)
        for n in range(2)
    ]


def could_be_away(shifts: list[Shift]) -> Counter[datetime]:
    """How many agents might be on a break in each interval, under some plan."""
    away: Counter[datetime] = Counter()
    for shift in shifts:
        away.update(
            {
                shift.start + rule.earliest + QUARTER * n
                for rule in FORCED_RULES
                if shift.end - shift.start >= rule.min_shift
                for n in range((rule.latest - rule.earliest + rule.length) // QUARTER)
            }
        )
    return away


@pytest.mark.parametrize("seed", range(5))
def test_generated_weeks_are_short_exactly_where_no_plan_can_cover(seed: int) -> None:
    rng = random.Random(seed)
    shifts = week(rng)
    full = coverage(shifts, [])
    away = could_be_away(shifts)
    tight = set(rng.sample(sorted(set(forced(shifts))), 12))
    # Elsewhere the requirement leaves room for every agent who might be away.
    required = {moment: max(0, count - away[moment]) for moment, count in full.items()}
    required.update({moment: full[moment] for moment in tight})

    plan = breaks_place(shifts=shifts, rules=FORCED_RULES, required=required, interval=QUARTER)

    assert [short.start for short in plan.shortfalls] == sorted(tight)
    with_breaks = coverage(shifts, list(plan.breaks))
    assert plan.shortfalls == tuple(
        Shortfall(start=moment, required=full[moment], staffed=with_breaks[moment])
        for moment in sorted(tight)
    )
    assert plan.shortfalls == shortfalls(
        shifts=shifts, breaks=plan.breaks, required=required, interval=QUARTER
    )


GOOD: dict[str, Any] = {
    "shifts": [Shift(1, at(9), at(17)), Shift(2, at(9), at(17))],
    "rules": [LUNCH],
    "required": quarters(at(9), at(17), 1),
    "interval": QUARTER,
    "fixed": [],
}
NAIVE = datetime(2026, 11, 23, 9)


@pytest.mark.parametrize(
    ("changes", "problem", "code"),
    [
        (
            {"shifts": [Shift(1, at(9), at(17)), Shift(1, at(16), at(20))]},
            "agent 1 has overlapping shifts",
            "shifts-overlap",
        ),
        (
            {"shifts": [Shift(1, at(9), at(9))]},
            "agent 1's shift .* must end after it starts",
            "shift-ends-before-start",
        ),
        (
            {"shifts": [Shift(1, at(17), at(9))]},
            "must end after it starts",
            "shift-ends-before-start",
        ),
        (
            {"shifts": [Shift(1, NAIVE, at(17))]},
            "the start of agent 1's shift has no time zone",
            "no-time-zone",
        ),
        ({"shifts": [Shift(1, at(9), NAIVE + timedelta(hours=8))]}, "no time zone", "no-time-zone"),
        ({"required": {NAIVE: 1}}, "a requirement's time has no time zone", "no-time-zone"),
        ({"fixed": [Break(1, NAIVE, at(12))]}, "agent 1's break has no time zone", "no-time-zone"),
        ({"interval": timedelta(0)}, "interval must be longer than zero", "interval-not-positive"),
        ({"interval": -QUARTER}, "interval must be longer than zero", "interval-not-positive"),
        ({"interval": timedelta(days=2)}, "one day or shorter", "interval-too-long"),
        ({"interval": timedelta(minutes=7)}, "divide a day evenly", "interval-uneven"),
        (
            {"rules": [BreakRule(timedelta(0), timedelta(hours=3), timedelta(hours=5))]},
            "break rule 1: a break must last longer than zero",
            "rule-length-not-positive",
        ),
        (
            {"rules": [LUNCH, BreakRule(-QUARTER, timedelta(hours=3), timedelta(hours=5))]},
            "break rule 2: a break must last",
            "rule-length-not-positive",
        ),
        (
            {"rules": [BreakRule(QUARTER, timedelta(hours=5), timedelta(hours=3))]},
            "earliest start .* comes after the latest",
            "rule-window-reversed",
        ),
        (
            {"rules": [BreakRule(QUARTER, -QUARTER, timedelta(hours=3))]},
            "cannot start before its shift",
            "rule-starts-before-shift",
        ),
        (
            {"rules": [BreakRule(QUARTER, timedelta(0), QUARTER, -QUARTER)]},
            "shortest shift .* cannot be negative",
            "rule-min-shift-negative",
        ),
        (
            {"required": {at(10): -1}},
            "requirement at 2026-11-23 10:00\\+00:00 is negative",
            "requirement-negative",
        ),
        ({"required": {at(10, 5): 1}}, "not on a 15 min boundary", "requirement-off-grid"),
        (
            {
                "required": {
                    datetime(2026, 10, 25, 1, 30, tzinfo=UTC): 1,
                    datetime(2026, 10, 25, 3, 30, fold=1, tzinfo=TALLINN): 2,
                }
            },
            "given twice",
            "requirement-twice",
        ),
        (
            {"fixed": [Break(1, at(16, 45), at(17, 15))]},
            "agent 1's break .* is not inside one of the agent's shifts",
            "break-outside-shift",
        ),
        (
            {"fixed": [Break(3, at(12), at(12, 30))]},
            "not inside one of the agent's shifts",
            "break-outside-shift",
        ),
        (
            {"fixed": [Break(1, at(12), at(12, 30)), Break(1, at(12, 15), at(12, 45))]},
            "agent 1 has overlapping breaks",
            "breaks-overlap",
        ),
        (
            {"fixed": [Break(1, at(12, 30), at(12))]},
            "agent 1's break .* must end after it starts",
            "break-ends-before-start",
        ),
        (
            {"shifts": [Shift(1, at(9), at(12))]},
            "agent 1's shift 2026-11-23 09:00\\+00:00 to 2026-11-23 12:00\\+00:00 is too short "
            "for its 30 min break",
            "shift-too-short",
        ),
        (
            {
                "shifts": [Shift(1, at(9, 5), at(17))],
                "rules": [BreakRule(QUARTER, timedelta(hours=3), timedelta(hours=3))],
            },
            "no 15 min interval boundary falls in the window",
            "window-off-grid",
        ),
        (
            {
                "rules": [
                    BreakRule(
                        timedelta(minutes=30), timedelta(hours=3), timedelta(hours=3, minutes=15)
                    )
                ],
                "fixed": [Break(1, at(12, 10), at(12, 35))],
            },
            "agent 1's shift .* has no room for its 30 min break starting 3 h to 3 h 15 min into "
            "the shift that does not overlap",
            "no-room-for-break",
        ),
    ],
)
def test_bad_input_is_refused_with_a_reason(
    changes: dict[str, Any], problem: str, code: str
) -> None:
    with pytest.raises(BreakError, match=problem) as refused:
        breaks_place(**{**GOOD, **changes})
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("start", "end", "interval", "problem", "code"),
    [
        (
            at(9, 5),
            at(17),
            QUARTER,
            "start 2026-11-23 09:05\\+00:00 is not on a 15 min boundary",
            "range-off-grid",
        ),
        (at(9), at(17, 10), QUARTER, "end .* is not on a 15 min boundary", "range-off-grid"),
        (at(17), at(9), QUARTER, "comes before the start", "range-reversed"),
        (NAIVE, at(17), QUARTER, "the start has no time zone", "no-time-zone"),
        (at(9), at(17), timedelta(hours=5), "divide a day evenly", "interval-uneven"),
    ],
)
def test_staffed_refuses_a_range_off_the_grid(
    start: datetime, end: datetime, interval: timedelta, problem: str, code: str
) -> None:
    with pytest.raises(BreakError, match=problem) as refused:
        staffed(shifts=DAY_SHIFTS, breaks=[], start=start, end=end, interval=interval)
    assert refused.value.code == code


# A roster whose every edge touches: agent 1's shifts meet at 13:00, its two breaks meet at 12:30
# and the second ends as its shift does; agent 2's night shift crosses midnight with its break.
ROSTER_SHIFTS = [Shift(1, at(9), at(13)), Shift(1, at(13), at(17)), Shift(2, at(20), at(4, day=24))]
ROSTER_BREAKS = [
    Break(1, at(12), at(12, 30)),
    Break(1, at(12, 30), at(13)),
    Break(2, at(1, day=24), at(2, day=24)),
]


def test_shifts_check_accepts_a_valid_roster() -> None:
    refused: list[str] = []
    try:
        shifts_check(shifts=ROSTER_SHIFTS, breaks=ROSTER_BREAKS)
    except BreakError as error:  # named in the failure: which check refused, and why
        refused.append(f"{error.code}: {error}")
    assert refused == []


@pytest.mark.parametrize(
    ("shifts", "breaks", "code"),
    [
        (
            [ROSTER_SHIFTS[0], Shift(1, at(12, 59), at(17)), ROSTER_SHIFTS[2]],
            ROSTER_BREAKS,
            "shifts-overlap",
        ),
        (
            ROSTER_SHIFTS,
            [ROSTER_BREAKS[0], Break(1, at(12, 29), at(13)), ROSTER_BREAKS[2]],
            "breaks-overlap",
        ),
        (
            ROSTER_SHIFTS,
            [ROSTER_BREAKS[0], Break(1, at(12, 30), at(13, 1)), ROSTER_BREAKS[2]],
            "break-outside-shift",
        ),
        (
            ROSTER_SHIFTS,
            [*ROSTER_BREAKS[:2], Break(2, at(3, day=24), at(4, 1, day=24))],
            "break-outside-shift",
        ),
        (
            [*ROSTER_SHIFTS[:2], Shift(2, at(20), at(20))],
            [],
            "shift-ends-before-start",
        ),
    ],
)
def test_the_valid_roster_a_minute_off_is_refused(
    shifts: list[Shift], breaks: list[Break], code: str
) -> None:
    with pytest.raises(BreakError) as refused:
        shifts_check(shifts=shifts, breaks=breaks)
    assert refused.value.code == code


def test_shortfalls_count_a_requirement_where_no_one_is_on_shift() -> None:
    found = shortfalls(
        shifts=DAY_SHIFTS,
        breaks=[],
        required={at(8): 1, at(9): 3, at(17): 0, at(18): 2},
        interval=QUARTER,
    )
    assert found == (
        Shortfall(at(8), required=1, staffed=0),
        Shortfall(at(18), required=2, staffed=0),
    )


def test_with_no_one_on_shift_every_requirement_is_short() -> None:
    plan = breaks_place(shifts=[], rules=[LUNCH], required={at(9): 1, at(10): 0}, interval=QUARTER)
    assert plan == Plan(breaks=(), shortfalls=(Shortfall(at(9), required=1, staffed=0),))
