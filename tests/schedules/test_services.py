"""Planning and moving breaks, warning the queue once, stepping away, and presence that follows
the schedule — with the clock passed in."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from django.core import mail
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import presence_of
from frontdesk.accounts.services import presence_set
from frontdesk.core.errors import Invalid
from frontdesk.schedules.models import Break
from frontdesk.schedules.selectors import coverage, week_bounds
from frontdesk.schedules.services import (
    CoverageWarning,
    break_add,
    break_move,
    break_return,
    break_step_away,
    breaks_plan,
    breaks_warn_due,
    presence_follow_schedule,
    shift_pattern_add,
)
from frontdesk.sla.services import business_hours_set
from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = pytest.mark.django_db
MONDAY = datetime(2026, 12, 7, tzinfo=UTC)
NOW = MONDAY.replace(hour=7)


def _team(size: int, lead: User | None = None) -> tuple[User, list[User]]:
    """`size` agents on 08:00–16:00 UTC every weekday."""
    lead = lead or factories.agent(role="lead")
    agents = [factories.agent() for _ in range(size)]
    for agent in agents:
        for weekday in range(5):
            shift_pattern_add(
                actor=lead,
                agent=agent,
                weekday=weekday,
                start=time(8),
                end=time(16),
                time_zone="UTC",
            )
    return lead, agents


def _calls(per_quarter: int) -> None:
    """A call history that makes the forecast ask for agents from 08:00 to 16:00."""
    customer = factories.customer()
    for weeks_ago in range(4):
        for hour in range(8, 16):
            for quarter in range(4):
                at = (
                    MONDAY
                    - timedelta(weeks=weeks_ago + 1)
                    + timedelta(hours=hour, minutes=15 * quarter)
                )
                for _ in range(per_quarter):
                    factories.ticket(customer_=customer, channel="phone", created_at=at)


def test_overlapping_and_empty_shifts_are_refused() -> None:
    lead, [agent] = _team(1)
    with pytest.raises(Invalid, match="cannot overlap"):
        shift_pattern_add(
            actor=lead, agent=agent, weekday=0, start=time(15), end=time(20), time_zone="UTC"
        )
    with pytest.raises(Invalid, match="another time"):
        shift_pattern_add(actor=lead, agent=agent, weekday=6, start=time(9), end=time(9))
    with pytest.raises(Invalid, match="time zone"):
        shift_pattern_add(
            actor=lead,
            agent=agent,
            weekday=6,
            start=time(9),
            end=time(12),
            time_zone="Mars/Olympus",
        )
    with pytest.raises(Invalid, match="Only a lead"):
        shift_pattern_add(actor=agent, agent=agent, weekday=6, start=time(9), end=time(12))


def test_a_night_shift_overlapping_the_next_morning_is_refused() -> None:
    lead, [agent] = _team(1)  # Tuesday 08:00–16:00
    with pytest.raises(Invalid, match="cannot overlap"):
        shift_pattern_add(
            actor=lead, agent=agent, weekday=0, start=time(22), end=time(9), time_zone="UTC"
        )


def test_planning_gives_every_shift_its_breaks_and_keeps_coverage() -> None:
    lead, _agents = _team(4)
    _calls(per_quarter=1)  # 4 calls an hour: one or two agents needed, four at work
    result = breaks_plan(actor=lead, monday=MONDAY.date(), now=NOW)
    # Three rules for an 8-hour shift (morning, lunch, afternoon), five days, four agents.
    assert result.placed == 3 * 5 * 4
    assert result.shortfalls == ()
    start, end = week_bounds(MONDAY.date())
    assert coverage(start=start, end=end).shortfalls == ()
    lunches = Break.objects.filter(start__date=MONDAY.date())
    starts = sorted({b.start for b in lunches if b.end - b.start == timedelta(minutes=30)})
    assert len(starts) > 1  # staggered, not all at once


def test_planning_again_keeps_breaks_placed_by_hand() -> None:
    lead, [agent, _other] = _team(2)
    by_hand = break_add(actor=lead, agent=agent, start=MONDAY.replace(hour=12), minutes=30)
    breaks_plan(actor=lead, monday=MONDAY.date(), now=NOW)
    breaks_plan(actor=lead, monday=MONDAY.date(), now=NOW)
    by_hand.refresh_from_db()
    assert by_hand.start == MONDAY.replace(hour=12)
    monday_breaks = Break.objects.filter(agent=agent, start__date=MONDAY.date())
    assert monday_breaks.count() == 3  # the hand-placed lunch stands in for the planned one


def test_planning_weeks_in_any_order_gives_a_night_shift_its_breaks_once(
    settings: Settings,
) -> None:
    settings.TIME_ZONE = "UTC"
    lead, agent = factories.agent(role="lead"), factories.agent()
    # Sunday 22:00 to Monday 06:00: each Sunday's shift runs into the next week.
    shift_pattern_add(
        actor=lead, agent=agent, weekday=6, start=time(22), end=time(6), time_zone="UTC"
    )
    first, second = MONDAY.date(), (MONDAY + timedelta(weeks=1)).date()
    night_start = MONDAY + timedelta(days=6, hours=22)

    def the_nights_breaks() -> list[tuple[datetime, datetime]]:
        night = Break.objects.filter(
            agent=agent, start__gte=night_start, start__lt=night_start + timedelta(hours=8)
        )
        return sorted((b.start, b.end) for b in night)

    breaks_plan(actor=lead, monday=first, now=NOW)
    planned = the_nights_breaks()
    # Three rules for an 8-hour shift; the first before midnight, the others after it.
    assert len(planned) == 3
    assert planned[0][0] < night_start + timedelta(hours=2) <= planned[1][0]
    breaks_plan(actor=lead, monday=second, now=NOW)
    everything = Break.objects.count()
    for monday in (second, first, first, second):
        result = breaks_plan(actor=lead, monday=monday, now=NOW)
        assert the_nights_breaks() == planned
        assert Break.objects.count() == everything
    assert result.placed == 3  # the second week's own Sunday night, placed again


def test_moving_a_break_into_a_gap_warns_with_the_effect_on_waiting() -> None:
    lead, agents = _team(3)
    _calls(per_quarter=2)  # 8 calls an hour of 4 min: Erlang C asks for two, three at work
    first = break_add(actor=lead, agent=agents[0], start=MONDAY.replace(hour=12), minutes=15)
    second = break_add(actor=lead, agent=agents[1], start=MONDAY.replace(hour=13), minutes=15)
    with pytest.raises(CoverageWarning) as raised:
        break_move(actor=lead, brk=second, start=first.start)
    [effect] = raised.value.effects
    assert (effect.start, effect.staffed_before, effect.staffed_after) == (first.start, 2, 1)
    assert effect.required == 2
    assert effect.asa_before is not None
    assert effect.asa_after is None or effect.asa_after > effect.asa_before
    second.refresh_from_db()
    assert second.start == MONDAY.replace(hour=13)  # not moved without confirmation
    break_move(actor=lead, brk=second, start=first.start, confirm=True)
    second.refresh_from_db()
    assert second.start == first.start


def test_a_break_outside_the_shift_is_refused() -> None:
    lead, [agent] = _team(1)
    with pytest.raises(Invalid, match="shift"):
        break_add(actor=lead, agent=agent, start=MONDAY.replace(hour=17), minutes=15)


def test_the_queue_is_warned_once_at_the_warning_minute(settings: Settings) -> None:
    settings.BREAK_WARNING_MINUTES = 12
    lead, [agent] = _team(1)
    brk = break_add(actor=lead, agent=agent, start=MONDAY.replace(hour=12), minutes=15)
    assert breaks_warn_due(now=brk.start - timedelta(minutes=13)) == 0
    assert breaks_warn_due(now=brk.start - timedelta(minutes=12)) == 1
    assert breaks_warn_due(now=brk.start - timedelta(minutes=11)) == 0
    brk.refresh_from_db()
    assert brk.warned_at == brk.start - timedelta(minutes=12)


def test_presence_follows_the_break_but_a_call_is_finished_first() -> None:
    lead, [agent, caller] = _team(2)
    mine = break_add(actor=lead, agent=agent, start=MONDAY.replace(hour=12), minutes=15)
    break_add(actor=lead, agent=caller, start=MONDAY.replace(hour=12), minutes=15)
    presence_set(agent=agent, state="available")
    presence_set(agent=caller, state="call")
    presence_follow_schedule(now=mine.start)
    assert presence_of(agent=agent).state == "break"
    assert presence_of(agent=caller).state == "call"
    presence_follow_schedule(now=mine.end)
    assert presence_of(agent=agent).state == "available"


def test_presence_goes_on_and_off_with_the_shift() -> None:
    _lead, [agent] = _team(1)
    presence_set(agent=agent, state="off")
    presence_follow_schedule(now=MONDAY.replace(hour=8))
    assert presence_of(agent=agent).state == "available"
    presence_follow_schedule(now=MONDAY.replace(hour=16))
    assert presence_of(agent=agent).state == "off"


def test_stepping_away_gives_waiting_work_back_and_tells_the_leads_when_short(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    lead = factories.agent(role="lead")
    lead.email = "lead@frontdesk.example"
    lead.save(update_fields=["email"])
    _lead, [agent] = _team(1, lead=lead)
    _calls(per_quarter=2)
    waiting = factories.ticket(subject="Where is my parcel?")
    Ticket.objects.filter(pk=waiting.pk).update(assignee=agent)
    now = MONDAY.replace(hour=10)
    with pytest.raises(Invalid):
        break_step_away(agent=agent, reason="", minutes=10, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        brk = break_step_away(agent=agent, reason="delivery", minutes=10, now=now)
    assert (brk.kind, brk.end) == ("unplanned", now + timedelta(minutes=10))
    assert presence_of(agent=agent).state == "break"
    waiting.refresh_from_db()
    assert waiting.assignee is None
    assert waiting.messages.filter(event__code="released").exists()
    assert [m.to for m in mail.outbox] == [["lead@frontdesk.example"]]
    assert "stepped away" in mail.outbox[0].subject
    break_return(agent=agent, now=now + timedelta(minutes=4))
    brk.refresh_from_db()
    assert brk.ended_at == now + timedelta(minutes=4)
    assert presence_of(agent=agent).state == "available"


def test_the_leads_hear_when_the_agent_is_back_on_the_desks_clock(
    settings: Settings, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    settings.TIME_ZONE = "UTC"
    lead = factories.agent(role="lead", language="et")
    lead.email = "lead@frontdesk.example"
    lead.save(update_fields=["email"])
    business_hours_set(
        actor=lead,
        team=None,
        time_zone="Europe/Tallinn",
        windows={str(day): [["09:00", "18:00"]] for day in range(5)},
    )
    _lead, [agent] = _team(1, lead=lead)
    _calls(per_quarter=2)
    with django_capture_on_commit_callbacks(execute=True):
        # 10:00 UTC is noon in Tallinn; back in ten minutes.
        break_step_away(agent=agent, reason="delivery", minutes=10, now=MONDAY.replace(hour=10))
    [told] = mail.outbox
    assert "12:10" in told.body
    assert "10:10" not in told.body


def test_take_next_offers_only_what_fits_before_the_break(settings: Settings) -> None:
    from django.utils import timezone

    from frontdesk.routing.services import queue_take_next

    settings.BREAK_WARNING_MINUTES = 15
    lead = factories.agent(role="lead")
    agent = factories.agent()
    now = timezone.now().astimezone(UTC)
    factories.shift_around(lead=lead, agent=agent, now=now)
    long_one = factories.ticket(subject="Bank import", body="A long story about the import.")
    short_one = factories.ticket(subject="Hours", body="When are you open?")
    Ticket.objects.filter(pk=long_one.pk).update(
        effort_minutes=45, queue_key=now - timedelta(days=3)
    )
    Ticket.objects.filter(pk=short_one.pk).update(effort_minutes=2, queue_key=now)
    start = (now + timedelta(minutes=10)).replace(second=0, microsecond=0)
    break_add(actor=lead, agent=agent, start=start, minutes=15)
    presence_set(agent=agent, state="available")
    taken = queue_take_next(agent=agent)
    assert taken is not None
    assert taken.pk == short_one.pk
