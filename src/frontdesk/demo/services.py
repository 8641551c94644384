"""Fill an empty desk with believable demo data: agents, teams, customers, tickets, history."""

from __future__ import annotations

import random
import unicodedata
from datetime import datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import agent_by_username, team_exists
from frontdesk.accounts.services import agent_create, presence_set, team_create
from frontdesk.core.clock import desk_today
from frontdesk.customers.choices import Direction, InteractionKind
from frontdesk.customers.models import Customer
from frontdesk.customers.selectors import customer_by_identity
from frontdesk.customers.services import customer_create, customer_update, interaction_record
from frontdesk.demo import content
from frontdesk.demo.audio import tone_wav
from frontdesk.intake.flows import contact_open
from frontdesk.journal.models import Notice
from frontdesk.journal.services import log_code_save, log_line_save, notice_post, notice_read
from frontdesk.live.recording_services import recording_upload
from frontdesk.live.services import call_event_record, visit_create
from frontdesk.macros.services import macro_save
from frontdesk.outreach.segments import Segment
from frontdesk.outreach.services import Content, campaign_save
from frontdesk.problems.services import (
    alert_problem_make,
    problem_post,
    problem_update,
    problems_detect,
)
from frontdesk.satisfaction.services import survey_rate_from_portal
from frontdesk.schedules.models import ShiftPattern
from frontdesk.schedules.selectors import week_start
from frontdesk.schedules.services import (
    break_add,
    break_step_away,
    breaks_plan,
    shift_pattern_add,
)
from frontdesk.sla.constants import DEFAULT_TIME_ZONE
from frontdesk.sla.services import business_hours_set
from frontdesk.tickets.choices import Channel, Level, Status
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import (
    sla_sweep,
    ticket_assign,
    ticket_reply,
    ticket_set_status,
)
from frontdesk.triage.services import model_retrain, triage_correct

# How often each language appears among customers: the home languages first.
LANGUAGE_WEIGHTS = {"en": 30, "et": 18, "he": 15, "hu": 15, "bs": 12, "de": 5, "ru": 5}
CHANNEL_WEIGHTS = {
    Channel.EMAIL: 45,
    Channel.WEB: 30,
    Channel.PHONE: 15,
    Channel.VISIT: 7,
    Channel.CHAT: 3,
}
KIND_LEVEL = {
    "payment": Level.URGENT,
    "blocked": Level.URGENT,
    "angry": Level.URGENT,
    "churn": Level.URGENT,
}
HISTORY_DAYS = 60
# The demo's shifts are this long and start this many hours before the hour it is loaded at
# (the early shift) or more (the late one): the desk is in full swing whenever it is loaded.
SHIFT_HOURS = 8
EARLY_SHIFT_LEAD = 2
LATE_SHIFT_LEAD = 4


class DemoError(Exception):
    """The demo cannot be loaded; the message says why."""


class DemoLogin(NamedTuple):
    """A demo agent's log-in, as printed at start-up."""

    username: str
    password: str
    language: str
    role: str


def demo_logins() -> list[DemoLogin]:
    """The demo agents' usernames, passwords, page languages and roles."""
    return [
        DemoLogin(username, f"{username}-demo", language, role)
        for username, _name, language, role in content.AGENTS
    ]


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def _when(rng: random.Random, now: datetime) -> datetime:
    # Recent days are busier than old ones, as in any desk's backlog.
    days = min(rng.expovariate(1 / 12), HISTORY_DAYS)
    return now - timedelta(days=days, minutes=rng.randint(0, 600))


def demo_load(
    *, seed: int = 7, customers: int = 300, force: bool = False, now: datetime | None = None
) -> str:
    """Create the demo desk; refuses a desk that already has customers unless forced."""
    if Customer.objects.exists() and not force:
        raise DemoError("this desk already has customers; use --force to add demo data anyway")
    rng = random.Random(seed)
    now = now or timezone.now()
    hour = now.astimezone(ZoneInfo(DEFAULT_TIME_ZONE)).hour
    with transaction.atomic():
        agents = _agents()
        _desk(agents, hour)
        # Numbering after the existing customers keeps a forced second load's addresses unique.
        start = Customer.objects.count()
        people = [_customer(rng, now, index) for index in range(start, start + customers)]
        tickets = 0
        for customer, language in people:
            for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
                _ticket(rng, now, customer, language, agents)
                tickets += 1
            if rng.random() < 0.3:
                _contact(rng, now, customer, language, agents)
        _colleague_lines(now, people, agents)
        model = model_retrain(seed=seed)
        _live(rng, now, people, agents)
        _schedule(agents, now, hour)
        _outreach(agents)
        _problems(agents, now)
        _answered_before(now)
        _ratings(seed, now)
        # The history's breaches happened while nobody ran the demo: a desk's sweep would have
        # told the leads at the time, so they are recorded, not mailed now in a burst.
        sla_sweep(now=now, tell_leads=False)
    learned = f", triage model trained on {model.examples} tickets" if model else ""
    return f"demo desk: {len(agents)} agents, {len(people)} customers, {tickets} tickets{learned}"


def _opening_windows(hour: int) -> list[list[str]]:
    """The demo desk's opening hours on every day: from the late shift's start to the early
    shift's end, the shifts placed around `hour` (split at midnight: a window closes by 23:59)."""
    opens, closes = (hour - LATE_SHIFT_LEAD) % 24, (hour - EARLY_SHIFT_LEAD + SHIFT_HOURS) % 24
    if opens < closes:
        return [[f"{opens:02d}:00", f"{closes:02d}:00"]]
    morning = [["00:00", f"{closes:02d}:00"]] if closes else []
    return [*morning, [f"{opens:02d}:00", "23:59"]]


def _desk(agents: list[User], hour: int) -> None:
    # Business hours and holidays first: every ticket's SLA clock runs on them. They cover the
    # shifts placed around the hour the demo is loaded, so that the desk is open while its
    # agents are at work; a forced second load keeps the first one's, as it keeps its shifts.
    lead = next(agent for agent in agents if agent.is_lead)
    if not ShiftPattern.objects.exists():
        business_hours_set(
            actor=lead,
            team=None,
            time_zone=DEFAULT_TIME_ZONE,
            windows={str(day): _opening_windows(hour) for day in range(7)},
            holiday_country="EE",
        )
    for macro in content.demo_macros():
        macro_save(
            code=macro.code,
            language=macro.language,
            name=macro.name,
            text=macro.text,
            suggest_for=list(macro.suggest_for),
            questions=macro.questions,
        )
    for word, (text, minutes) in content.LOG_CODES.items():
        log_code_save(word=word, text=text, follow_up_minutes=minutes)
    review_by = desk_today() + timedelta(days=14)
    by_username = {agent.username: agent for agent in agents}
    for title, body, important, pinned, readers in content.NOTICES:
        if Notice.objects.filter(title=title).exists():  # a forced second load
            continue
        notice = notice_post(
            author=lead,
            title=title,
            body=body,
            review_by=review_by,
            important=important,
            pinned=pinned,
        )
        for username in readers:
            if username in by_username:
                notice_read(notice=notice, agent=by_username[username])
    by_name = {agent.username: agent for agent in agents}
    for username, state in content.PRESENCE.items():
        if username in by_name:
            presence_set(agent=by_name[username], state=state)


def _colleague_lines(now: datetime, people: list[tuple[Customer, str]], agents: list[User]) -> None:
    # Calls that came for a colleague while they were out: the note waits in their queue.
    by_username = {agent.username: agent for agent in agents}
    for username, language, rest, minutes in content.COLLEAGUE_LINES:
        customer = next((c for c, spoken in people if spoken == language), None)
        if customer is None or username not in by_username:
            continue
        log_line_save(
            line=f"{customer.name}. {rest}",
            writer=by_username[username],
            customer_id=customer.pk,
            now=now - timedelta(minutes=minutes),
        )


def _live(
    rng: random.Random, now: datetime, people: list[tuple[Customer, str]], agents: list[User]
) -> None:
    # A call ringing now, one missed this morning (a call-back), two visitors with numbers.
    callers = [c for c, _ in rng.sample(people, 2) if c.identities.filter(kind="phone").exists()]
    for n, customer in enumerate(callers):
        number = customer.identities.filter(kind="phone").values_list("value", flat=True)[0]
        call_id = f"demo-{rng.randint(10**6, 10**7)}"
        call_event_record(
            call_id=call_id, event="ringing", from_number=number, at=now - timedelta(minutes=40)
        )
        if n == 0:
            call_event_record(call_id=call_id, event="missed", at=now - timedelta(minutes=39))
    for minutes_ago, name in content.VISITORS:
        visit_create(name=name, at=now - timedelta(minutes=minutes_ago))
    _recorded_call(rng, now, people, agents)


def _recorded_call(
    rng: random.Random, now: datetime, people: list[tuple[Customer, str]], agents: list[User]
) -> None:
    # A call answered and ended this morning, whose recording the phone system uploaded: its
    # ticket and its caller's timeline play it.
    caller = next(c for c, _ in people if c.identities.filter(kind="phone").exists())
    number = caller.identities.filter(kind="phone").values_list("value", flat=True)[0]
    agent = next(a for a in agents if a.role == "agent")
    call_id = f"demo-{rng.randint(10**6, 10**7)}"
    call_event_record(
        call_id=call_id, event="ringing", from_number=number, at=now - timedelta(minutes=95)
    )
    call_event_record(
        call_id=call_id, event="answered", agent=agent, at=now - timedelta(minutes=94)
    )
    call_event_record(call_id=call_id, event="ended", at=now - timedelta(minutes=90))
    audio = SimpleUploadedFile("call.wav", tone_wav(seconds=4), content_type="audio/wav")
    recording_upload(call_id=call_id, upload=audio, duration_seconds=4)


def _schedule(agents: list[User], now: datetime, hour: int) -> None:
    # Shifts around the hour the demo starts, whatever it is, so that the desk is at work: an
    # early and a late shift of eight hours every day, inside the opening hours. One agent's
    # break is due within the warning time, one agent has stepped away, and the rest of the
    # week's breaks are planned.
    if ShiftPattern.objects.exists():  # a forced second load keeps the first one's week
        return
    lead = next(agent for agent in agents if agent.is_lead)
    local = now.astimezone(ZoneInfo(DEFAULT_TIME_ZONE))
    workers = [a for a in agents if a.role != "admin"]
    for n, agent in enumerate(workers):
        begins = (hour - (LATE_SHIFT_LEAD if n % 2 else EARLY_SHIFT_LEAD)) % 24
        for weekday in range(7):
            shift_pattern_add(
                actor=lead,
                agent=agent,
                weekday=weekday,
                start=time(begins),
                end=time((begins + SHIFT_HOURS) % 24),
                time_zone=DEFAULT_TIME_ZONE,
            )
    by_name = {agent.username: agent for agent in workers}
    soon = (now + timedelta(minutes=content.BREAK_SOON_MINUTES)).replace(second=0, microsecond=0)
    break_add(actor=lead, agent=by_name[content.BREAK_SOON_AGENT], start=soon, minutes=15)
    username, reason, minutes = content.STEPPED_AWAY
    break_step_away(agent=by_name[username], reason=reason, minutes=minutes, now=now)
    breaks_plan(actor=lead, monday=week_start(local.date()), now=now)


def _agents() -> list[User]:
    agents = []
    for username, full_name, language, role in content.AGENTS:
        existing = agent_by_username(username=username)
        if existing is not None:  # a forced second load reuses the demo agents
            agents.append(existing)
            continue
        agents.append(
            agent_create(
                username=username,
                role=role,
                password=f"{username}-demo",
                full_name=full_name,
                email=f"{username}@frontdesk.example",
                language=language,
            )
        )
    by_name = {agent.username: agent for agent in agents}
    for team_name, members in content.TEAMS:
        if team_exists(name=team_name):
            continue
        team_create(name=team_name, members=[by_name[m] for m in members if m in by_name])
    return agents


def _customer(rng: random.Random, now: datetime, index: int) -> tuple[Customer, str]:
    language = rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0]
    first = rng.choice(content.FIRST_NAMES[language])
    family = rng.choice(content.FAMILY_NAMES[language])
    name = f"{family} {first}" if language in content.FAMILY_NAME_FIRST else f"{first} {family}"
    local = (
        f"{_ascii(first)}.{_ascii(family)}"
        if _ascii(first) and _ascii(family)
        else f"customer{index}"
    )
    email = f"{local}{index}@{rng.choice(content.EMAIL_DOMAINS[language])}"
    phone = content.PHONE_PREFIXES[language] + "".join(str(rng.randint(0, 9)) for _ in range(8))
    recently_new = rng.random() < 0.15
    first_seen = now - timedelta(days=rng.randint(1, 12) if recently_new else rng.randint(30, 900))
    customer = customer_create(
        name=name,
        email=email,
        phone=phone if rng.random() < 0.7 else "",
        organisation=rng.choice(content.ORGANISATIONS[language]) if rng.random() < 0.6 else "",
        language=language,
        is_key=rng.random() < 0.08,
        first_seen=first_seen,
    )
    if rng.random() < 0.25:
        customer_update(
            customer=customer,
            name=customer.name,
            organisation=customer.organisation,
            preferred_language=language,
            is_key=customer.is_key,
            notes=rng.choice(content.CUSTOMER_NOTES[language]),
            tags=rng.sample(
                ["vat", "payroll", "bank-sync", "reseller", "trial", "accountant"],
                k=rng.randint(0, 2),
            ),
        )
    return customer, language


def _ticket(
    rng: random.Random, now: datetime, customer: Customer, language: str, agents: list[User]
) -> Ticket:
    scenario = rng.choice(content.SCENARIOS[language])
    channel = rng.choices(list(CHANNEL_WEIGHTS), weights=list(CHANNEL_WEIGHTS.values()))[0]
    created = max(_when(rng, now), customer.first_seen + timedelta(minutes=5))
    ticket = contact_open(
        customer=customer,
        subject=scenario.subject,
        body=scenario.body,
        channel=channel,
        language=language,
        created_at=created,
    )
    # Triage decided the level when the ticket was created; where it differs from what the
    # scenario really is, the lead corrects it, as a desk's agents do, and the model learns.
    is_new = (now - customer.first_seen).days < 14
    expected = KIND_LEVEL.get(
        scenario.kind,
        Level.NEW_CUSTOMER if is_new and scenario.kind == "onboarding" else Level.NORMAL,
    )
    lead = next(agent for agent in agents if agent.role == "lead")
    ticket.refresh_from_db()
    if ticket.level != expected or ticket.quick_win != (scenario.kind == "quick"):
        triage_correct(
            ticket=ticket, agent=lead, level=expected, quick_win=scenario.kind == "quick"
        )
    age = now - created
    if age > timedelta(days=2) or rng.random() < 0.35:
        agent = rng.choice(agents)
        answered = created + timedelta(minutes=rng.randint(4, 600))
        status = (
            Status.SOLVED
            if age > timedelta(days=7)
            else rng.choice((Status.WAITING, Status.SOLVED, Status.OPEN))
        )
        ticket_reply(
            ticket=ticket,
            agent=agent,
            text=scenario.reply,
            status=status,
            historical_at=min(answered, now),
        )
        if age > timedelta(days=20) and rng.random() < 0.7:
            closed = min(answered + timedelta(days=7), now)
            ticket_set_status(ticket=ticket, actor=lead, status=Status.CLOSED, historical_at=closed)
    elif rng.random() < 0.3:
        ticket_assign(ticket=ticket, actor=lead, assignee=rng.choice(agents))
    return ticket


# What a customer who rated bad wrote, in their language.
BAD_RATING_COMMENTS = {
    "en": "It took three days and two reminders.",
    "et": "See võttis kolm päeva ja kaks meeldetuletust.",
    "hu": "Három napig tartott, és kétszer kellett emlékeztetnem önöket.",
    "bs": "Trajalo je tri dana i dva podsjetnika.",
    "he": "זה לקח שלושה ימים ושתי תזכורות.",
}


def _ratings(seed: int, now: datetime) -> None:
    """Customers' ratings of the last week's solved tickets, most of them good, for the reports
    (a generator of its own, so the rest of the desk stays as it was for a seed)."""
    rng = random.Random(seed + 1)
    solved = Ticket.objects.filter(
        status__in=[Status.SOLVED, Status.CLOSED],
        solved_at__gte=now - timedelta(days=7),
        merged_into__isnull=True,
    ).order_by("pk")
    for ticket in solved:
        if rng.random() < 0.6:
            bad = rng.random() < 0.15
            survey_rate_from_portal(
                ticket=ticket,
                rating="bad" if bad else "good",
                comment=BAD_RATING_COMMENTS.get(ticket.language, "") if bad else "",
            )


def _contact(
    rng: random.Random, now: datetime, customer: Customer, language: str, agents: list[User]
) -> None:
    scenario = rng.choice(content.SCENARIOS[language])
    kind = rng.choice((InteractionKind.CALL, InteractionKind.VISIT, InteractionKind.CALL))
    interaction_record(
        customer=customer,
        kind=kind,
        direction=Direction.IN,
        summary=scenario.subject,
        agent=rng.choice(agents),
        occurred_at=_when(rng, now),
    )


def _outreach(agents: list[User]) -> None:
    """A draft campaign of tips for the newer customers, for the lead to preview and schedule."""
    lead = next(agent for agent in agents if agent.is_lead)
    campaign_save(
        actor=lead,
        name=content.TIPS_CAMPAIGN,
        segment=Segment(new_within_days=content.TIPS_NEW_WITHIN_DAYS),
        contents={
            language: Content(subject, body) for language, (subject, body) in content.TIPS.items()
        },
        default_language="en",
    )


def _answered_before(now: datetime) -> None:
    """This morning's questions a macro answers, each a quick win naming its macro."""
    if customer_by_identity(kind="email", value=content.ANSWERED_BEFORE[0][1]) is not None:
        return  # a forced second load: the first load's questions stand
    _burst(content.ANSWERED_BEFORE, start=now - timedelta(minutes=50), now=now)


def _burst(
    reports: tuple[tuple[str, str, str, str, str], ...], *, start: datetime, now: datetime
) -> None:
    # Each from a customer of their own, some minutes apart, as a real burst arrives.
    for n, (name, email, language, subject, body) in enumerate(reports):
        at = start + timedelta(minutes=6 * n)
        customer = customer_create(
            name=name, email=email, language=language, first_seen=now - timedelta(days=200)
        )
        contact_open(
            customer=customer,
            subject=subject,
            body=body,
            channel=Channel.EMAIL,
            language=language,
            created_at=at,
        )


def _problems(agents: list[User], now: datetime) -> None:
    """A problem the lead made from an alert an hour and a half ago, on the status page; and a
    fresh alert, raised by the detector, waiting for the lead."""
    first_reporter = content.PROBLEM_BURST[0][1]
    if customer_by_identity(kind="email", value=first_reporter) is not None:
        return  # a forced second load: the first load's problem and alert stand
    lead = next(agent for agent in agents if agent.is_lead)
    raised = now - timedelta(minutes=90)
    _burst(content.PROBLEM_BURST, start=raised - timedelta(minutes=35), now=now)
    for alert in problems_detect(now=raised):
        problem = alert_problem_make(actor=lead, alert=alert, title=content.PROBLEM_TITLE)
        problem_update(
            actor=lead,
            problem=problem,
            title=problem.title,
            summary="",
            public_texts=dict(content.PROBLEM_PUBLIC),
        )
        problem_post(problem=problem, actor=lead, posted=True)
    _burst(content.ALERT_BURST, start=now - timedelta(minutes=40), now=now)
    problems_detect(now=now)
