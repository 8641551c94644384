import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from frontdesk.accounts.models import Team, User
from frontdesk.customers.models import Customer
from frontdesk.demo import content
from frontdesk.demo.services import DemoError, demo_load, demo_logins
from frontdesk.engine.sla import business_between
from frontdesk.engine.triage import Contact
from frontdesk.journal.models import ColleagueNote, FollowUp, LogCode, Notice
from frontdesk.live.models import Call, Recording, Visit
from frontdesk.periodic.services import periodic_due_enqueue
from frontdesk.problems.models import Problem
from frontdesk.problems.selectors import alert_list_new, problem_tickets
from frontdesk.schedules.selectors import (
    desk_status,
    shifts_between,
    week_bounds,
    week_plan,
    week_start,
)
from frontdesk.sla.selectors import calendar_for
from frontdesk.tickets.models import Ticket
from frontdesk.triage.services import contact_triage

pytestmark = pytest.mark.django_db


def test_the_demo_fills_a_believable_desk_in_every_home_language() -> None:
    summary = demo_load(seed=3, customers=80)
    assert "80 customers" in summary
    # Each visitor waiting at the kiosk is a customer too, each reporter of a problem, and each
    # asker of a question a macro answers.
    reporters = len(content.PROBLEM_BURST) + len(content.ALERT_BURST) + len(content.ANSWERED_BEFORE)
    assert Customer.objects.count() == 80 + len(content.VISITORS) + reporters
    languages = set(Customer.objects.values_list("preferred_language", flat=True))
    assert {"en", "et", "he", "hu", "bs"} <= languages
    assert Customer.objects.filter(is_key=True).exists()
    tickets = Ticket.objects.all()
    assert tickets.count() > 60
    assert {1, 4} <= set(tickets.values_list("level", flat=True))
    assert tickets.filter(status="new").exists()
    assert tickets.filter(status__in=["solved", "closed"]).exists()
    assert tickets.filter(first_responded_at__isnull=False).exists()
    # History is recorded, not re-sent: nothing is mailed to demo customers.
    assert mail.outbox == []


def test_the_demo_has_a_problem_on_the_status_page_and_an_alert_waiting() -> None:
    demo_load(seed=3, customers=20)
    problem = Problem.objects.get()
    assert problem.title == content.PROBLEM_TITLE
    assert problem.posted
    members = problem_tickets(problem=problem)
    assert members.count() >= 3
    assert len({ticket.language for ticket in members}) >= 2
    # Members read level 3, except one whose own words triage reads as level 1: it keeps that.
    levels = [ticket.level for ticket in members]
    assert set(levels) <= {1, 3}
    assert levels.count(3) >= len(levels) - 1
    [alert] = alert_list_new()
    assert alert.customers >= 3
    assert len(alert.languages) >= 2


@pytest.mark.parametrize("language", ["en", "hu"])
def test_the_demos_polite_churn_letter_is_level_one_for_churn_risk(language: str) -> None:
    letters = [s for s in content.SCENARIOS[language] if s.kind == "churn"]
    assert letters
    for letter in letters:
        contact = Contact(id=None, channel="email", subject=letter.subject, body=letter.body)
        decided = contact_triage(contact=contact, fallback_language=language)
        assert (decided.level, decided.reasons[0].code) == (1, "churn")
        assert not decided.angry


def test_the_demo_agents_can_log_in_with_the_printed_passwords() -> None:
    demo_load(seed=3, customers=5)
    for login in demo_logins():
        agent = User.objects.get(username=login.username)
        assert agent.check_password(login.password)
        assert agent.role == login.role
        assert agent.language == login.language


def test_the_demo_refuses_a_desk_that_has_data() -> None:
    demo_load(seed=3, customers=5)
    with pytest.raises(DemoError, match="already has customers"):
        demo_load(seed=4, customers=5)


def test_the_same_seed_gives_the_same_desk() -> None:
    demo_load(seed=11, customers=20)
    first = list(
        Ticket.objects.order_by("created_at", "id").values_list("subject", "level", "status")
    )
    Visit.objects.all().delete()
    Call.objects.all().delete()
    Notice.objects.all().delete()
    FollowUp.objects.all().delete()
    Ticket.objects.all().delete()
    Customer.objects.all().delete()
    User.objects.all().delete()
    Team.objects.all().delete()
    demo_load(seed=11, customers=20)
    second = list(
        Ticket.objects.order_by("created_at", "id").values_list("subject", "level", "status")
    )
    # References are drawn at random by design; a follow-up of a bad rating names its ticket's.
    assert [_unreferenced(row[:2]) for row in first] == [_unreferenced(row[:2]) for row in second]


def _unreferenced(row: tuple[str, int]) -> tuple[str, int]:
    return re.sub(r"FD-[A-Z0-9]{6}", "FD-…", row[0]), row[1]


def test_a_forced_second_load_adds_customers_and_reuses_the_agents() -> None:
    demo_load(seed=3, customers=5)
    demo_load(seed=4, customers=5, force=True)
    # The problems' reporters come once: the first load's problem and alert stand; so do the
    # askers of questions a macro answers.
    reporters = len(content.PROBLEM_BURST) + len(content.ALERT_BURST) + len(content.ANSWERED_BEFORE)
    assert Customer.objects.count() == 10 + 2 * len(content.VISITORS) + reporters
    assert User.objects.count() == len(demo_logins())


def test_the_demo_has_live_work_waiting_and_quick_answers_to_suggest() -> None:
    demo_load(seed=3, customers=40)
    kinds = set(Ticket.objects.filter(queue_key__isnull=False).values_list("queue_kind", flat=True))
    assert {"live", "ticket"} <= kinds
    assert Visit.objects.filter(state="waiting").count() == len(content.VISITORS)
    assert User.objects.get(username="kati").presence.state == "available"
    assert LogCode.objects.get(word="cb").follow_up_minutes == 60
    important = Notice.objects.get(important=True)
    assert set(important.read_by.values_list("username", flat=True)) == {"kati", "eli"}
    # This morning's questions a macro answers wait as quick wins, each naming its macro.
    answered = Ticket.objects.filter(subject__in=[row[3] for row in content.ANSWERED_BEFORE])
    assert all(ticket.quick_win for ticket in answered)
    codes = [row["detail"] for t in answered for row in t.reasons if row["code"] == "answer"]
    assert sorted(codes) == ["address", "delivery", "delivery", "delivery", "prices", "prices"]


TALLINN = ZoneInfo("Europe/Tallinn")


@pytest.mark.parametrize(
    "loaded",
    [
        datetime(2026, 12, 12, 22, 30, tzinfo=TALLINN),  # a Saturday night
        datetime(2026, 12, 7, 3, 15, tzinfo=TALLINN),  # the small hours of a Monday
        datetime(2026, 12, 9, 11, 0, tzinfo=TALLINN),  # a Wednesday morning
    ],
    ids=["saturday-night", "monday-small-hours", "wednesday-morning"],
)
def test_the_demo_desk_is_open_whenever_its_agents_are_on_shift(loaded: datetime) -> None:
    now = loaded.astimezone(UTC)
    demo_load(seed=3, customers=30, now=now)
    assert desk_status(now=now).open_now
    assert shifts_between(start=now, end=now + timedelta(seconds=1))
    monday = week_start(loaded.date())
    start, end = week_bounds(monday)
    calendar = calendar_for(team_id=None)
    for shift in shifts_between(start=start, end=end):
        # Open for the whole shift (a window can close at 23:59 at the latest).
        open_for = business_between(shift.start, shift.end, calendar)
        assert open_for >= shift.end - shift.start - timedelta(minutes=1)
    # The week's coverage is short only here and there, never all day.
    days = week_plan(monday=monday, agents=User.objects.all()).hours
    needed = [h for day in days for h in day["hours"] if h["required"]]
    short = [h for h in needed if h["staffed"] < h["required"]]
    assert needed
    assert len(short) <= len(needed) // 10


def test_the_demo_history_mails_no_breach_even_after_a_worker_tick(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        demo_load(seed=3, customers=80)
    assert Ticket.objects.filter(sla_breached_at__isnull=False).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert "sla-sweep" in periodic_due_enqueue(now=timezone.now())
    assert [m.subject for m in mail.outbox if "SLA" in m.subject] == []


def test_the_demo_has_a_line_waiting_for_a_colleague_who_was_away() -> None:
    demo_load(seed=3, customers=80)
    eli = User.objects.get(username="eli")
    note = ColleagueNote.objects.get(agent=eli)
    assert note.writer.username == "sam"
    assert "call him back" in note.line
    assert note.follow_up is not None
    assert note.follow_up.owner == eli
    assert ColleagueNote.objects.get(agent__username="anna").follow_up is None


def test_the_demo_has_a_recorded_call_that_plays() -> None:
    demo_load(seed=3, customers=40)
    recording = Recording.objects.select_related("call").get()
    assert (recording.call.state, recording.content_type) == ("ended", "audio/wav")
    assert recording.call.ticket is not None
    assert recording.file.read(4) == b"RIFF"
    assert recording.duration_seconds == 4
