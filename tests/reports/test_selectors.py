"""The lead's reports' figures, against a desk built here with known times: exact counts,
medians and nearest-rank 90th percentiles, by channel, level, team and agent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from frontdesk.core.clock import desk_midnight, desk_today
from frontdesk.core.errors import Invalid
from frontdesk.journal.services import follow_up_make
from frontdesk.macros.services import holding_reply_send
from frontdesk.reports.selectors import (
    Period,
    Report,
    Span,
    Times,
    report_figures,
    report_period,
    report_span,
    times_of,
)
from frontdesk.tickets.choices import Status
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_reply, ticket_set_status
from tests import factories

pytestmark = pytest.mark.django_db
HARD = (
    "We need to import 40,000 customer records from our old CRM with custom fields and "
    "attachments, and keep the history of each record, by the end of the quarter."
)


@pytest.mark.parametrize(
    ("minutes", "times"),
    [
        ([], Times(0, None, None)),
        ([7], Times(1, 7.0, 7.0)),
        ([10, 20, 30, 40, 50], Times(5, 30.0, 50.0)),
        ([2, 10, 20, 30, 40, 50], Times(6, 25.0, 50.0)),
        (list(range(1, 11)), Times(10, 5.5, 9.0)),  # nearest rank: the 9th of 10
        (list(range(1, 21)), Times(20, 10.5, 18.0)),
        ([1 / 3, 2 / 3], Times(2, 0.5, 0.7)),
    ],
)
def test_times_are_a_count_a_median_and_a_nearest_rank_p90(
    minutes: list[float], times: Times
) -> None:
    assert times_of(minutes) == times


def test_the_span_is_the_last_week_unless_asked_and_at_most_a_year() -> None:
    today = date(2026, 12, 2)
    assert report_span(first=None, last=None, today=today) == Span(
        date(2026, 11, 26), date(2026, 12, 2)
    )
    assert report_span(first=date(2026, 1, 1), last=None, today=today) == Span(
        date(2026, 1, 1), date(2026, 1, 7)
    )
    assert report_span(first=None, last=date(2026, 6, 30), today=today) == Span(
        date(2026, 6, 24), date(2026, 6, 30)
    )
    assert report_span(first=date(2025, 1, 1), last=date(2026, 1, 1), today=today).days == 366
    with pytest.raises(Invalid, match="at most 366 days"):
        report_span(first=date(2025, 1, 1), last=date(2026, 1, 2), today=today)
    with pytest.raises(Invalid, match="first day comes after"):
        report_span(first=date(2026, 1, 2), last=date(2026, 1, 1), today=today)


def test_the_apis_period_reads_dates_and_times_with_offsets() -> None:
    now = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    assert report_period(since=None, until=None, now=now) == Period(now - timedelta(days=7), now)
    day = desk_midnight(date(2026, 11, 1))
    assert report_period(since="2026-11-01", until="2026-11-02", now=now) == Period(
        day, day + timedelta(days=1)
    )
    assert report_period(
        since="2026-11-01T08:00:00+02:00", until="2026-11-01T10:30:00Z", now=now
    ) == Period(datetime(2026, 11, 1, 6, tzinfo=UTC), datetime(2026, 11, 1, 10, 30, tzinfo=UTC))


@pytest.mark.parametrize(
    ("since", "until", "error"),
    [
        ("yesterday", None, "since is no ISO 8601 date or time: yesterday"),
        ("2026-11-01", "2026-13-01", "until is no ISO 8601"),
        ("2026-11-01T08:00", None, "since needs its offset"),
        ("2026-11-02", "2026-11-01", "since must come before until"),
        ("2026-11-01", "2026-11-01", "since must come before until"),
        ("2024-11-01", "2026-11-01", "at most 366 days"),
    ],
)
def test_the_apis_period_refuses_what_it_cannot_read(
    since: str, until: str | None, error: str
) -> None:
    with pytest.raises(Invalid, match=error):
        report_period(since=since, until=until, now=datetime(2026, 12, 2, 12, 0, tzinfo=UTC))


def _opened(at: datetime, *, channel: str = "web", **details: object) -> Ticket:
    return factories.ticket(channel=channel, created_at=at, **details)  # type: ignore[arg-type]


def _answered(ticket: Ticket, minutes: float, agent: object) -> None:
    ticket_reply(
        ticket=ticket,
        agent=agent,  # type: ignore[arg-type]
        text="Here you are.",
        historical_at=ticket.created_at + timedelta(minutes=minutes),
    )


def _solved(ticket: Ticket, minutes: float) -> None:
    ticket.refresh_from_db()
    ticket_set_status(
        ticket=ticket,
        actor=None,
        status=Status.SOLVED,
        historical_at=ticket.created_at + timedelta(minutes=minutes),
    )


@pytest.fixture
def desk() -> tuple[Span, datetime]:
    """A week with six contacts answered after 10–50 minutes (web) and 2 (phone), two of them
    solved, one solved that came in before the week, one after it, and promises."""
    today = desk_today()
    span = Span(today - timedelta(days=8), today - timedelta(days=2))
    morning = desk_midnight(today - timedelta(days=5)) + timedelta(hours=9)
    mari = factories.agent(full_name="Mari Tamm")
    eli = factories.agent(full_name="Eli Levi")
    billing = factories.team(name="Billing")
    web = [
        _opened(morning + timedelta(minutes=i), team_id=billing.pk if i < 2 else None)
        for i in range(5)
    ]
    for ticket, minutes in zip(web, (10, 20, 30, 40, 50), strict=True):
        _answered(ticket, minutes, mari if ticket.team_id else eli)
    _solved(web[0], 120)
    _solved(web[1], 240)
    phone = _opened(morning + timedelta(hours=5), channel="phone")
    _answered(phone, 2, eli)
    earlier = _opened(desk_midnight(span.first) - timedelta(hours=2))
    _solved(earlier, 3 * 60)  # solved 1 h into the week, after 3 h
    _opened(span.period.end + timedelta(minutes=5))  # after the week: not counted
    customer = factories.customer(name="Rami Cohen")
    due = morning + timedelta(hours=2)
    kept = follow_up_make(customer=customer, owner=mari, text="Call back", due_at=due)
    late = follow_up_make(customer=customer, owner=mari, text="Send the form", due_at=due)
    follow_up_make(customer=customer, owner=mari, text="Check the refund", due_at=due)
    for follow_up, minutes in ((kept, 30), (late, 150)):
        ticket_set_status(
            ticket=follow_up.ticket,
            actor=mari,
            status=Status.SOLVED,
            historical_at=due + timedelta(minutes=minutes),
        )
    follow_up_make(customer=customer, owner=mari, text="Visit", due_at=timezone.now())
    return span, timezone.now()


def test_created_solved_and_times_for_the_whole_desk(desk: tuple[Span, datetime]) -> None:
    span, now = desk
    report = report_figures(period=span.period, now=now)
    assert (report.created, report.solved) == (6, 3)
    assert report.first_response == Times(6, 25.0, 50.0)
    assert report.resolution == Times(3, 180.0, 240.0)  # 120, 180 (the earlier one), 240


def test_times_by_channel_team_and_agent(desk: tuple[Span, datetime]) -> None:
    span, now = desk
    report = report_figures(period=span.period, now=now)
    assert list(report.by_channel) == ["web", "phone"]  # the channels' order, not the rows'
    web = report.by_channel["web"]
    assert (web.created, web.solved) == (5, 3)
    assert web.first_response == Times(5, 30.0, 50.0)
    assert report.by_channel["phone"].first_response == Times(1, 2.0, 2.0)
    assert report.by_channel["phone"].resolution == Times(0, None, None)
    assert list(report.by_team) == ["Billing", None]
    assert report.by_team["Billing"].first_response == Times(2, 15.0, 20.0)
    assert report.by_team["Billing"].resolution == Times(2, 180.0, 240.0)
    assert list(report.by_agent) == ["Eli Levi", "Mari Tamm", None]
    assert report.by_agent["Eli Levi"].first_response == Times(4, 35.0, 50.0)
    assert report.by_agent["Mari Tamm"].created == 2
    assert report.by_agent[None].solved == 1  # the one solved before anyone answered it


def test_backlog_and_its_ages(desk: tuple[Span, datetime]) -> None:
    span, now = desk
    report = report_figures(period=span.period, now=now)
    # Open now: three web tickets and the phone one, 4–5 days old, and the one that came in
    # after the week, 1–2 days ago; the earlier one is solved, and promises are no contacts.
    assert report.backlog == 5
    assert report.backlog_ages == [0, 0, 0, 1, 4, 0]


def test_contacts_per_segment() -> None:
    key = factories.customer(is_key=True)
    new = factories.customer(first_seen=timezone.now())
    for customer in (key, key, new, factories.customer()):  # the factory's: known for a year
        factories.ticket(customer_=customer)
    today = desk_today()
    report = report_figures(period=Span(today, today).period, now=timezone.now())
    assert report.segments == {"key": 2, "new": 1, "returning": 1}


def test_promises_kept_late_and_overdue(desk: tuple[Span, datetime]) -> None:
    span, now = desk
    promises = report_figures(period=span.period, now=now).promises
    assert (promises.kept, promises.kept_late, promises.overdue, promises.pending) == (1, 1, 1, 0)


def test_per_hour_counts_contacts_per_day_and_the_agents_they_need(
    desk: tuple[Span, datetime],
) -> None:
    span, now = desk
    hours = report_figures(period=span.period, now=now).per_hour
    assert [h.hour for h in hours] == list(range(24))
    assert hours[9].contacts_per_day == round(5 / 7, 2)
    assert hours[14].contacts_per_day == round(1 / 7, 2)
    assert sum(h.contacts_per_day for h in hours) == pytest.approx(6 / 7, abs=0.02)
    assert hours[9].agents_needed >= 1
    assert hours[3].agents_needed == 0


def test_sla_attained_breached_and_running_per_level() -> None:
    agent = factories.agent()
    on_time, late, running = (factories.ticket(subject=f"Question {n}") for n in range(3))
    due = late.first_response_due
    assert due is not None
    _answered(on_time, 1, agent)
    _solved(on_time, 2)
    ticket_reply(ticket=late, agent=agent, text="Sorry.", historical_at=due + timedelta(minutes=1))
    _solved(late, (due - late.created_at).total_seconds() / 60 + 2)
    today = desk_today()  # the answers may fall due tomorrow: the span takes them in
    report = report_figures(
        period=Span(today, today + timedelta(days=2)).period, now=timezone.now()
    )
    level = on_time.level
    assert (report.sla.attained, report.sla.breached, report.sla.running) == (1, 1, 1)
    assert report.sla_by_level[level] == report.sla
    assert running.level == level


def test_holding_replies_by_agents_and_by_the_desk() -> None:
    hard = [factories.ticket(subject="Import", body=HARD) for _ in range(3)]
    holding_reply_send(ticket=hard[0], agent=factories.agent())
    holding_reply_send(ticket=hard[1], agent=None)
    holding_reply_send(ticket=hard[2], agent=None)
    today = desk_today()
    report = report_figures(period=Span(today, today).period, now=timezone.now())
    assert report.holding_replies == (1, 2)


def test_the_figures_take_the_same_queries_however_many_tickets(
    desk: tuple[Span, datetime], django_assert_max_num_queries: object
) -> None:
    span, now = desk
    with django_assert_max_num_queries(10):  # type: ignore[operator]
        report: Report = report_figures(period=span.period, now=now)
    assert report.created == 6


def test_created_and_solved_per_day_on_the_desks_clock(desk: tuple[Span, datetime]) -> None:
    span, now = desk
    days = report_figures(period=span.period, now=now).per_day
    assert [d.day for d in days] == [span.first + timedelta(days=n) for n in range(7)]
    by_day = {d.day: (d.created, d.solved) for d in days}
    assert by_day[desk_today() - timedelta(days=5)] == (6, 2)
    assert by_day[span.first] == (0, 1)  # the one that came in the evening before
    assert sum(d.created for d in days) == 6
