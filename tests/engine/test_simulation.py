"""The desk simulator: each item served once by one agent at a time, breaks kept, the orders
compared as a lead would read them."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.engine.queue import QueueWeights
from frontdesk.engine.simulation import (
    Agent,
    Arrival,
    FirstInFirstOut,
    FrontdeskOrder,
    Oracle,
    PriorityThenAge,
    Shift,
    TraceError,
    agents_plain,
    compare,
    estimates_fill,
    gain_captured,
    noise_parse,
    percentile,
    policies_named,
    simulate,
    summarise,
    trace_read,
)

NINE = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return NINE + timedelta(minutes=minutes)


def arrival(
    ident: str,
    minute: float,
    handle: float,
    *,
    channel: str = "email",
    level: int = 4,
    key: bool = False,
    estimate: float | None = None,
) -> Arrival:
    return Arrival(
        id=ident,
        arrived_at=at(minute),
        channel=channel,
        level=level,
        is_key=key,
        handle_minutes=handle,
        estimated_minutes=estimate,
    )


def random_day(seed: int, count: int = 120) -> list[Arrival]:
    draw = random.Random(seed)
    minute = 0.0
    day = []
    for n in range(count):
        minute += draw.expovariate(1 / 3)
        day.append(
            arrival(
                str(n),
                minute,
                round(draw.lognormvariate(1.8, 0.8), 1) + 0.5,
                channel=draw.choice(["email", "web", "phone", "visit", "chat"]),
                level=draw.choice([1, 2, 4, 4, 4]),
                key=draw.random() < 0.1,
                estimate=round(draw.lognormvariate(1.8, 0.8), 1) + 0.5,
            )
        )
    return day


def test_fifo_one_agent_gives_the_hand_computed_waits() -> None:
    # 9:00 takes 10 min; 9:02 waits until 9:10 (8 min); 9:03 waits until 9:15 (12 min).
    day = [arrival("a", 0, 10), arrival("b", 2, 5), arrival("c", 3, 1)]
    run = simulate(day, agents_plain(1, NINE), FirstInFirstOut())
    assert [(s.arrival.id, s.wait_minutes) for s in run.served] == [
        ("a", 0),
        ("b", 8),
        ("c", 12),
    ]
    summary = summarise(run)
    assert summary.mean_wait_minutes == pytest.approx(20 / 3)
    assert summary.median_wait_minutes == 8
    assert summary.p90_wait_minutes == 12
    assert summary.max_wait_minutes == 12
    # 16 busy minutes from 9:00 until the last item ends at 9:16.
    assert summary.utilisation == pytest.approx(1.0)


def test_items_that_came_before_the_desk_opened_wait_for_it() -> None:
    day = [arrival("early", -30, 5), arrival("later", 1, 5)]
    run = simulate(day, agents_plain(1, NINE), FirstInFirstOut())
    assert [(s.arrival.id, s.start) for s in run.served] == [("early", at(0)), ("later", at(5))]
    assert run.served[0].wait_minutes == 30


def test_each_policy_takes_by_its_own_rule() -> None:
    # One agent busy until 9:30; meanwhile four items wait.
    day = [
        arrival("busy", 0, 30),
        arrival("long-l4", 1, 40),
        arrival("short-l4", 2, 2),
        arrival("l1", 3, 20, level=1),
        arrival("call", 4, 3, channel="phone"),
    ]
    first = {}
    for policy in (FirstInFirstOut(), PriorityThenAge(), Oracle(), FrontdeskOrder()):
        run = simulate(day, agents_plain(1, NINE), policy)
        first[policy.name] = [s.arrival.id for s in run.served][1:]
    assert first["fifo"] == ["long-l4", "short-l4", "l1", "call"]
    assert first["priority-age"] == ["call", "l1", "long-l4", "short-l4"]
    assert first["oracle"] == ["call", "short-l4", "l1", "long-l4"]
    # The desk's order: the live call, level 1, the quick win, then the rest.
    assert first["frontdesk"] == ["call", "l1", "short-l4", "long-l4"]


def test_the_desk_orders_by_the_estimate_never_the_true_time() -> None:
    day = [
        arrival("busy", 0, 30),
        arrival("looks-long", 1, 2, estimate=60),
        arrival("looks-quick", 2, 60, estimate=3),
    ]
    run = simulate(day, agents_plain(1, NINE), FrontdeskOrder())
    assert [s.arrival.id for s in run.served] == ["busy", "looks-quick", "looks-long"]
    oracle = simulate(day, agents_plain(1, NINE), Oracle())
    assert [s.arrival.id for s in oracle.served] == ["busy", "looks-long", "looks-quick"]


def test_an_sla_about_to_breach_moves_up_when_its_warning_starts() -> None:
    # Level 2 is due 240 min after arrival (13:01) and at risk from 60 min before (12:01). A key
    # customer's item that came a minute later goes first until then; with the SLA head start
    # bigger than the key customers', the level-2 item goes first once it is at risk.
    weights = QueueWeights(sla=200, key=150, level2=0)

    def order(busy_minutes: float) -> list[str]:
        day = [
            arrival("busy", 0, busy_minutes),
            arrival("level2", 1, 10, level=2),
            arrival("key", 2, 10, key=True),
        ]
        run = simulate(day, agents_plain(1, NINE), FrontdeskOrder(weights=weights))
        return [s.arrival.id for s in run.served]

    assert order(170) == ["busy", "key", "level2"]  # free at 11:50, before the warning
    assert order(190) == ["busy", "level2", "key"]  # free at 12:10, inside it


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("name", ["frontdesk", "fifo", "priority-age", "oracle"])
def test_every_item_is_served_once_by_one_agent_at_a_time_and_never_on_a_break(
    seed: int, name: str
) -> None:
    day = random_day(seed)
    agents = [
        Agent(
            name=f"agent {n}",
            shifts=(
                Shift(
                    start=at(n * 20),
                    breaks=(
                        (at(60 + n * 25), at(75 + n * 25)),
                        (at(200 + n * 10), at(230 + n * 10)),
                    ),
                ),
            ),
        )
        for n in range(3)
    ]
    [policy] = policies_named([name])
    run = simulate(day, agents, policy)
    assert sorted(s.arrival.id for s in run.served) == sorted(a.id for a in day)
    assert not run.unserved
    for served in run.served:
        assert served.start >= served.arrival.arrived_at
        assert served.end - served.start == timedelta(minutes=served.arrival.handle_minutes)
    for agent in agents:
        mine = sorted((s for s in run.served if s.agent == agent.name), key=lambda s: s.start)
        assert mine[0].start >= agent.shifts[0].start
        for before, after in itertools.pairwise(mine):
            assert before.end <= after.start
        breaks = [b for b in run.breaks if b.agent == agent.name]
        assert len(breaks) == 2
        for taken in breaks:
            # Breaks keep their length and never start before they are planned.
            assert taken.end - taken.start == taken.planned[1] - taken.planned[0]
            assert taken.start >= taken.planned[0]
            assert not any(s.start < taken.end and taken.start < s.end for s in mine)


def test_before_a_break_an_agent_takes_only_what_fits() -> None:
    agents = [Agent("ana", (Shift(start=NINE, breaks=((at(30), at(45)),)),))]
    day = [arrival("first", 0, 20), arrival("too-long", 19, 12, estimate=12)]
    run = simulate(day, agents, FirstInFirstOut())
    # At 9:20 the break is 10 minutes away: a 12-minute item waits until after it.
    assert [(s.arrival.id, s.start) for s in run.served] == [
        ("first", at(0)),
        ("too-long", at(45)),
    ]
    fits = simulate([day[0], arrival("fits", 19, 20, estimate=8)], agents, FirstInFirstOut())
    # An item estimated to fit is taken; it really takes 20 min, so the break starts late
    # (at 9:40) and still lasts its 15 minutes.
    assert fits.served[1].start == at(20)
    [taken] = fits.breaks
    assert (taken.start, taken.end) == (at(40), at(55))


def test_after_the_shift_ends_nothing_new_is_taken() -> None:
    agents = [Agent("ana", (Shift(start=NINE, end=at(30)),))]
    day = [arrival("a", 0, 25), arrival("b", 1, 10), arrival("c", 2, 10)]
    run = simulate(day, agents, FirstInFirstOut())
    # "b" starts at 9:25 inside the shift and is finished at 9:35; "c" is left for tomorrow.
    assert [s.arrival.id for s in run.served] == ["a", "b"]
    assert [a.id for a in run.unserved] == ["c"]
    summary = summarise(run)
    assert summary.unserved == 1
    # Left unserved counts as a breach and as waiting until the desk closed (9:35).
    assert summary.sla_breaches == {"1": 0, "2": 0, "3": 0, "4": 1}
    assert summary.max_wait_minutes == 33


def test_breaches_are_counted_per_level_against_the_first_response_targets() -> None:
    # Level 1 is due in 60 min, level 4 in 480: the level-1 item waits 70 min, a breach.
    day = [arrival("long", 0, 70), arrival("l1", 0.5, 5, level=1), arrival("l4", 1, 5)]
    summary = summarise(simulate(day, agents_plain(1, NINE), FirstInFirstOut()))
    assert summary.sla_breaches == {"1": 1, "2": 0, "3": 0, "4": 0}
    assert summary.level1_p90_wait_minutes == pytest.approx(69.5)
    assert summary.key_mean_wait_minutes is None


def test_the_desk_captures_part_of_the_oracles_gain_over_fifo() -> None:
    day = random_day(7, count=300)
    fifo, oracle, desk = compare(
        day, agents_plain(3, NINE), [FirstInFirstOut(), Oracle(), FrontdeskOrder()]
    )
    assert oracle.mean_wait_minutes < fifo.mean_wait_minutes
    share = gain_captured(desk, fifo, oracle)
    assert share is not None
    assert 0 < share <= 1
    assert gain_captured(fifo, fifo, oracle) == 0


def test_percentile_is_the_nearest_rank() -> None:
    assert percentile([5, 1, 3, 2, 4], 0.9) == 5
    assert percentile(list(range(1, 11)), 0.9) == 9
    assert percentile([7], 0.5) == 7


def test_the_trace_is_read_in_arrival_order() -> None:
    lines = [
        '{"id": 2, "arrived_at": "2026-12-01T10:00:00+02:00", "channel": "phone", "level": 1,'
        ' "is_key": true, "handle_minutes": 4}',
        "",
        '{"id": "x", "arrived_at": "2026-12-01T07:30:00Z", "channel": "email", "level": 4,'
        ' "is_key": false, "handle_minutes": 12.5, "estimated_minutes": 10}',
    ]
    first, second = trace_read(lines)
    assert first.id == "x"
    assert first.estimate == 10
    assert second.id == "2"
    assert second.live
    assert second.arrived_at == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


GOOD = (
    '{"id": 1, "arrived_at": "2026-12-01T09:00:00+00:00", "channel": "email", "level": 4,'
    ' "is_key": false, "handle_minutes": 5}'
)


@pytest.mark.parametrize(
    ("line", "code", "says"),
    [
        (
            '{"id": 2, "channel": "email", "level": 4, "is_key": false, "handle_minutes": 5}',
            "missing-field",
            "missing field: arrived_at",
        ),
        (
            GOOD.replace('"id": 1', '"id": 2').replace("2026-12-01T09:00:00+00:00", "yesterday"),
            "bad-time",
            "not an ISO 8601 time",
        ),
        (
            GOOD.replace('"id": 1', '"id": 2').replace("+00:00", ""),
            "time-without-offset",
            "needs an offset",
        ),
        (
            GOOD.replace('"id": 1', '"id": 2').replace(
                '"handle_minutes": 5', '"handle_minutes": 0'
            ),
            "bad-handle-minutes",
            "more than 0",
        ),
        (
            GOOD.replace('"id": 1', '"id": 2').replace('"email"', '"fax"'),
            "unknown-channel",
            "unknown channel 'fax'",
        ),
        (
            GOOD.replace('"id": 1', '"id": 2').replace('"level": 4', '"level": 5'),
            "bad-level",
            "level must be",
        ),
        (GOOD.replace('"id": 1', '"id": 2').replace("false", '"no"'), "bad-is-key", "is_key"),
        (GOOD, "duplicate-id", "appears twice"),
        ("{not json", "bad-json", "not valid JSON"),
        ("[1, 2]", "not-an-object", "JSON object"),
    ],
)
def test_a_bad_line_is_named_by_its_number(line: str, code: str, says: str) -> None:
    with pytest.raises(TraceError) as raised:
        trace_read([GOOD, "", line])
    assert raised.value.code == code
    assert raised.value.line == 3
    assert str(raised.value).startswith("line 3: ")
    assert says in str(raised.value)


def test_estimates_come_from_the_trace_the_text_or_the_noisy_truth() -> None:
    day = [
        arrival("given", 0, 10, estimate=3),
        Arrival("text", at(1), "email", 4, False, 10, subject="Where is my invoice?"),
        arrival("noisy", 2, 10),
    ]
    filled = estimates_fill(
        day, noise=(0.6, 1.5), seed=4, estimate_text=lambda a: 2 if a.subject else 99
    )
    assert [a.estimated_minutes for a in filled[:2]] == [3, 2]
    assert filled[2].estimated_minutes is not None
    assert 6 <= filled[2].estimated_minutes <= 15
    again = estimates_fill(day, noise=(0.6, 1.5), seed=4)
    assert again[2].estimated_minutes == filled[2].estimated_minutes
    assert estimates_fill(day)[2].estimated_minutes == 10


@pytest.mark.parametrize("text", ["1.5-0.6", "0-1", "a-b", "1-2-3"])
def test_nonsense_noise_is_refused(text: str) -> None:
    with pytest.raises(TraceError):
        noise_parse(text)


def test_noise_reads_a_range_or_one_factor() -> None:
    assert noise_parse("0.6-1.5") == (0.6, 1.5)
    assert noise_parse("1.2") == (1.2, 1.2)
