"""The what-if replay: the desk's past contacts and roster as the simulator takes them, and a
variation replayed beside them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from frontdesk.accounts.models import User
from frontdesk.engine.simulation import Shift
from frontdesk.reports.whatif import (
    PolicyChoice,
    Source,
    Variation,
    whatif_compare,
    whatif_history,
)
from frontdesk.schedules.services import break_add, shift_pattern_add
from frontdesk.sla.services import business_hours_set
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.services import ticket_assign, ticket_reply
from tests import factories

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 2)
TUESDAY = MONDAY + timedelta(days=1)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def _desk_nine_to_five(lead: User) -> None:
    """The desk open 09:00–17:00 on weekdays, on UTC."""
    business_hours_set(
        actor=lead,
        team=None,
        time_zone="UTC",
        windows={str(day): [["09:00", "17:00"]] for day in range(5)},
    )


def _taken_and_answered(ticket: Ticket, *, by: User, taken: datetime, answered: datetime) -> None:
    """An agent took the ticket up at `taken` and answered it at `answered` (rows of the past)."""
    ticket_assign(ticket=ticket, actor=by, assignee=by)
    Message.objects.filter(ticket=ticket, event__code="assigned").update(created_at=taken)
    ticket_reply(ticket=ticket, agent=by, text="Here it is.", historical_at=answered)
    Ticket.objects.filter(pk=ticket.pk).update(first_responded_at=answered)


def test_the_days_contacts_become_arrivals_on_business_time_with_the_best_measure() -> None:
    lead = factories.agent(role="lead")
    _desk_nine_to_five(lead)
    key = factories.customer(is_key=True)
    early = factories.ticket(customer_=key, channel="email", created_at=_at(MONDAY, 7, 30))
    web = factories.ticket(channel="web", created_at=_at(MONDAY, 10))
    call = factories.ticket(channel="phone", created_at=_at(MONDAY, 11))
    factories.call(ticket=call, answered_at=_at(MONDAY, 11, 1), ended_at=_at(MONDAY, 11, 8))
    visit = factories.ticket(channel="visit", created_at=_at(MONDAY, 12))
    factories.visit(ticket=visit, served_at=_at(MONDAY, 12, 5), done_at=_at(MONDAY, 12, 25))
    answered = factories.ticket(channel="web", created_at=_at(MONDAY, 12, 30))
    _taken_and_answered(answered, by=lead, taken=_at(MONDAY, 13), answered=_at(MONDAY, 13, 12))
    factories.ticket(channel="web", created_at=_at(TUESDAY, 10))  # outside the span

    history = whatif_history(since=MONDAY, until=MONDAY, agents_without_roster=2)

    arrivals = {a.id: a for a in history.contacts.arrivals}
    assert list(arrivals) == [str(t.pk) for t in (early, web, call, visit, answered)]
    opening = history.clock.at(_at(MONDAY, 9))
    # Before opening it waits for the desk; then each arrives its business minutes in.
    assert [(a.arrived_at - opening).total_seconds() / 60 for a in arrivals.values()] == [
        0,
        60,
        120,
        180,
        210,
    ]
    assert [a.channel for a in arrivals.values()] == ["email", "web", "phone", "visit", "web"]
    stored = {t.pk: t for t in Ticket.objects.all()}
    assert [a.level for a in arrivals.values()] == [stored[int(i)].level for i in arrivals]
    assert [a.is_key for a in arrivals.values()] == [True, False, False, False, False]
    assert arrivals[str(call.pk)].handle_minutes == 7
    assert arrivals[str(visit.pk)].handle_minutes == 20
    assert arrivals[str(answered.pk)].handle_minutes == 12
    assert arrivals[str(web.pk)].handle_minutes == stored[web.pk].effort_minutes
    assert history.contacts.sources == {
        Source.CALL: 1,
        Source.VISIT: 1,
        Source.REPLY: 1,
        Source.ESTIMATE: 2,
    }
    assert history.contacts.measured == 3
    # The hour of the day each one's clock started in: the early mail at the opening.
    assert [history.contacts.hours[i] for i in arrivals] == [9, 10, 11, 12, 12]


def test_a_roster_becomes_agents_with_their_shifts_and_breaks_moved_within_them() -> None:
    lead = factories.agent(role="lead")
    _desk_nine_to_five(lead)
    ada, bo = factories.agent(), factories.agent()
    for agent in (ada, bo):
        shift_pattern_add(
            actor=lead, agent=agent, weekday=0, start=time(8), end=time(13), time_zone="UTC"
        )
    break_add(actor=lead, agent=ada, start=_at(MONDAY, 10, 30), minutes=15)
    factories.ticket(channel="web", created_at=_at(MONDAY, 10))

    history = whatif_history(since=MONDAY, until=MONDAY, agents_without_roster=5)
    clock = history.clock

    assert history.roster
    agents = {agent.name: agent for agent in history.agents()}
    assert sorted(agents) == [f"agent-{ada.pk}", f"agent-{bo.pk}"]
    # The hour before the opening counts for nothing: the shift is 09:00–13:00 in business time.
    shift = agents[f"agent-{ada.pk}"].shifts[0]
    assert (shift.start, shift.end) == (clock.at(_at(MONDAY, 9)), clock.at(_at(MONDAY, 13)))
    assert shift.breaks == ((clock.at(_at(MONDAY, 10, 30)), clock.at(_at(MONDAY, 10, 45))),)
    assert agents[f"agent-{bo.pk}"].shifts[0].breaks == ()
    later = {agent.name: agent for agent in history.agents(breaks_moved_minutes=60)}
    assert later[f"agent-{ada.pk}"].shifts[0].breaks == (
        (clock.at(_at(MONDAY, 11, 30)), clock.at(_at(MONDAY, 11, 45))),
    )
    # Moved past the shift's end, the break stops at it.
    latest = {agent.name: agent for agent in history.agents(breaks_moved_minutes=240)}
    assert latest[f"agent-{ada.pk}"].shifts[0].breaks == (
        (clock.at(_at(MONDAY, 12, 45)), clock.at(_at(MONDAY, 13))),
    )


def test_without_a_roster_the_given_number_of_agents_work_the_opening_hours() -> None:
    lead = factories.agent(role="lead")
    _desk_nine_to_five(lead)
    factories.ticket(channel="web", created_at=_at(MONDAY, 10))

    history = whatif_history(since=MONDAY, until=MONDAY, agents_without_roster=3)

    assert not history.roster
    assert len(history.agents()) == 3


@pytest.mark.parametrize("effort", [15, 25, 40])
def test_one_more_agent_on_an_overloaded_morning_shortens_the_waits(effort: int) -> None:
    lead = factories.agent(role="lead")
    _desk_nine_to_five(lead)
    only = factories.agent()
    shift_pattern_add(
        actor=lead, agent=only, weekday=0, start=time(9), end=time(17), time_zone="UTC"
    )
    tickets = [
        factories.ticket(channel="web", created_at=_at(MONDAY, 9) + timedelta(minutes=7 * n))
        for n in range(24)
    ]
    Ticket.objects.filter(pk__in=[t.pk for t in tickets]).update(effort_minutes=effort)
    history = whatif_history(since=MONDAY, until=MONDAY, agents_without_roster=1)

    found = whatif_compare(
        history=history,
        variation=Variation(
            extra_agents=1, extra_weekday=0, extra_start=time(9), extra_end=time(13)
        ),
    )

    assert found.extra_days == 1
    assert found.changed.summary.mean_wait_minutes < found.baseline.summary.mean_wait_minutes
    assert found.changed.summary.p90_wait_minutes <= found.baseline.summary.p90_wait_minutes
    assert found.changed.summary.items == found.baseline.summary.items == 24


def test_extra_agents_on_hours_the_desk_is_closed_change_nothing() -> None:
    lead = factories.agent(role="lead")
    _desk_nine_to_five(lead)
    factories.ticket(channel="web", created_at=_at(MONDAY, 10))
    history = whatif_history(since=MONDAY, until=MONDAY, agents_without_roster=1)

    found = whatif_compare(
        history=history,
        variation=Variation(
            extra_agents=2, extra_weekday=0, extra_start=time(18), extra_end=time(20)
        ),
    )

    assert found.extra_days == 0
    assert found.changed.summary == found.baseline.summary


def test_another_order_is_replayed_beside_the_desks() -> None:
    lead = factories.agent(role="lead")
    _desk_nine_to_five(lead)
    for n in range(6):
        factories.ticket(channel="web", created_at=_at(MONDAY, 10) + timedelta(minutes=n))
    history = whatif_history(since=MONDAY, until=MONDAY, agents_without_roster=1)

    found = whatif_compare(history=history, variation=Variation(policy=PolicyChoice.FIFO))

    assert found.baseline.summary.policy == "frontdesk"
    assert found.changed.summary.policy == "fifo"
    assert set(found.changed.wait_by_hour) == {10}


def test_nights_and_weekends_take_no_time_in_a_replay() -> None:
    lead = factories.agent(role="lead")
    _desk_nine_to_five(lead)
    friday, monday = MONDAY + timedelta(days=4), MONDAY + timedelta(days=7)
    late = factories.ticket(channel="web", created_at=_at(friday, 16, 30))
    weekend = factories.ticket(channel="web", created_at=_at(friday + timedelta(days=1), 10))
    early = factories.ticket(channel="web", created_at=_at(monday, 9, 15))

    history = whatif_history(since=friday, until=monday, agents_without_roster=1)

    clock = history.clock
    arrived = {a.id: a.arrived_at for a in history.contacts.arrivals}
    opening = clock.at(_at(friday, 9))
    # Friday 17:00 and Monday 09:00 are the same business moment, 480 minutes in.
    assert clock.at(_at(friday, 17)) == clock.at(_at(monday, 9))
    minutes = [(arrived[str(t.pk)] - opening).total_seconds() / 60 for t in (late, weekend, early)]
    assert minutes == [450, 480, 495]
    assert history.contacts.hours[str(weekend.pk)] == 9


def test_a_roster_s_days_join_into_one_shift_with_every_break_on_the_business_clock() -> None:
    lead = factories.agent(role="lead")
    _desk_nine_to_five(lead)
    ada = factories.agent()
    for weekday in (0, 1):
        shift_pattern_add(
            actor=lead, agent=ada, weekday=weekday, start=time(9), end=time(17), time_zone="UTC"
        )
    break_add(actor=lead, agent=ada, start=_at(MONDAY, 12), minutes=30)
    break_add(actor=lead, agent=ada, start=_at(TUESDAY, 12), minutes=30)
    factories.ticket(channel="web", created_at=_at(MONDAY, 10))

    history = whatif_history(since=MONDAY, until=TUESDAY, agents_without_roster=1)

    clock = history.clock
    (agent,) = history.agents()
    assert agent.shifts == (
        Shift(
            start=clock.at(_at(MONDAY, 9)),
            end=clock.at(_at(TUESDAY, 17)),
            breaks=(
                (clock.at(_at(MONDAY, 12)), clock.at(_at(MONDAY, 12, 30))),
                (clock.at(_at(TUESDAY, 12)), clock.at(_at(TUESDAY, 12, 30))),
            ),
        ),
    )
