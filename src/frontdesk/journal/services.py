"""Writes for the journal: a log line read, and saved once it is certain or confirmed."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import Team, User
from frontdesk.accounts.selectors import leads_reachable
from frontdesk.accounts.services import agents_mail
from frontdesk.core.clock import date_text, datetime_text, desk_today, desk_zone
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.customers.choices import InteractionKind
from frontdesk.customers.models import Customer, Interaction
from frontdesk.customers.services import customer_create, interaction_record
from frontdesk.engine.journal import LogLine, Match, Person, code_word_clash, parse_log_line
from frontdesk.journal.constants import FOLLOW_UP_MINUTES_MAX, OVERDUE_AFTER, TIME_WORDS
from frontdesk.journal.models import ColleagueNote, FollowUp, LogCode, Notice, NoticeRead
from frontdesk.journal.selectors import (
    agent_people,
    customer_candidates,
    log_code_taken,
    log_codes,
)
from frontdesk.journal.wording import log_warning_text
from frontdesk.tickets.choices import OPEN_STATUSES, QUEUED_STATUSES
from frontdesk.tickets.services import (
    ticket_assign,
    ticket_follow_up_open,
    ticket_note,
    ticket_note_system,
    tickets_follow_ups_activate,
)


def log_line_read(*, line: str, writer: User, now: datetime | None = None) -> LogLine:
    """What a log line says, matched against the desk's customers and agents; saves nothing.
    A time in the line ("9:30") is on the desk's clock."""
    first_field = line.strip().split(".", 1)[0]
    return parse_log_line(
        line,
        now=now or timezone.now(),
        zone=desk_zone(),
        customers=customer_candidates(typed=first_field),
        agents=agent_people(),
        me=Person(id=writer.pk, name=writer.display_name),
        codes=log_codes(),
        time_words=TIME_WORDS,
    )


@transaction.atomic
def log_line_save(
    *,
    line: str,
    writer: User,
    customer_id: int | None = None,
    new_customer: bool = False,
    now: datetime | None = None,
) -> Interaction:
    """Put a log line on the customer's timeline. An uncertain line is saved only with the
    writer's choice: the customer picked from the candidates, or a new customer confirmed.
    A line naming another agent than its writer leaves that agent a note, and its follow-up
    (a promise code's, or one the words ask for) is theirs."""
    parsed = log_line_read(line=line, writer=writer, now=now)
    if parsed.customer is None:
        problems = "; ".join(log_warning_text(warning) for warning in parsed.warnings)
        raise Invalid(problems or _("There is nothing to log."))
    customer = _customer(parsed, customer_id=customer_id, new_customer=new_customer)
    agent = writer
    if parsed.agent is not None and parsed.agent.person is not None:
        agent = User.objects.get(pk=parsed.agent.person.id)
    elif parsed.agent is not None and parsed.agent.candidates:
        raise Invalid(
            _("“%(name)s” could be several agents: write the whole name.")
            % {"name": parsed.agent.typed}
        )
    elif parsed.agent is not None and parsed.agent.typed:
        raise Invalid(_("No agent called “%(name)s”.") % {"name": parsed.agent.typed})
    bad_time = [w for w in parsed.warnings if w.code == "not-a-time"]
    if bad_time:
        raise Invalid(log_warning_text(bad_time[0]))
    interaction = interaction_record(
        customer=customer,
        kind=InteractionKind.NOTE,
        summary=parsed.topic or _("(no topic)"),
        agent=agent,
        occurred_at=parsed.at,
    )
    follow_up = None
    for action in parsed.actions:
        if action.kind == "follow-up":
            follow_up = follow_up_make(
                customer=customer, owner=agent, text=action.text, due_at=action.due
            )
    if parsed.colleague is not None:
        colleague_note_leave(interaction=interaction, writer=writer, line=line, follow_up=follow_up)
    return interaction


def colleague_note_leave(
    *, interaction: Interaction, writer: User, line: str, follow_up: FollowUp | None
) -> ColleagueNote:
    """Tell the agent a line names that it was logged for them: a note that waits in their
    queue until they mark it done; the follow-up's ticket carries the line as the writer typed
    it."""
    assert interaction.agent is not None
    line = " ".join(line.split())
    if follow_up is not None:
        ticket_note(ticket=follow_up.ticket, agent=writer, text=line)
    return ColleagueNote.objects.create(
        agent=interaction.agent,
        writer=writer,
        interaction=interaction,
        line=line[:500],
        follow_up=follow_up,
    )


def colleague_note_done(*, note: ColleagueNote, agent: User) -> ColleagueNote:
    """The agent a note was left for has dealt with it; it leaves their queue. Once: marking it
    again keeps the first time."""
    if note.agent_id != agent.pk:
        raise Forbidden(_("Only the agent a note was left for can mark it done."))
    # One conditional UPDATE: a second press (another tab, a double click) that read the note
    # before the first was saved finds it done and keeps the first time.
    ColleagueNote.objects.filter(pk=note.pk, done_at__isnull=True).update(done_at=timezone.now())
    note.refresh_from_db(fields=["done_at"])
    return note


def colleague_notes_hand_over(*, agent: User, to: User) -> int:
    """Give the waiting notes of an agent who leaves the desk to `to` (the lead who let them
    go), so no call meant for them is lost; how many."""
    return ColleagueNote.objects.filter(agent=agent, done_at__isnull=True).update(agent=to)


def follow_up_make(*, customer: Customer, owner: User, text: str, due_at: datetime) -> FollowUp:
    """Record a promise: its owner gets it in their queue when it is due."""
    ticket = ticket_follow_up_open(customer=customer, owner=owner, text=text, due_at=due_at)
    return FollowUp.objects.create(
        customer=customer, owner=owner, text=text[:250], due_at=due_at, ticket=ticket
    )


def follow_ups_move_customer(*, source: Customer, target: Customer) -> int:
    """Move every promise made to one customer to another (customer merge); how many."""
    return FollowUp.objects.filter(customer=source).update(customer=target)


def follow_ups_hand_over(*, agent: User, to: User, actor: User) -> int:
    """Give the open promises of an agent who leaves the desk to `to` (the lead who let them
    go): the promise and its ticket change owner; how many."""
    handed = 0
    open_ones = FollowUp.objects.filter(owner=agent, ticket__status__in=OPEN_STATUSES)
    for follow_up in open_ones.select_related("ticket"):
        follow_up.owner = to
        follow_up.save(update_fields=["owner"])
        ticket_assign(ticket=follow_up.ticket, actor=actor, assignee=to)
        handed += 1
    return handed


def follow_ups_activate_due(*, now: datetime, grace: timedelta = OVERDUE_AFTER) -> tuple[int, int]:
    """Put due promises in their owners' queues and escalate those left undone: (due, late)."""
    activated = tickets_follow_ups_activate(now=now)
    late = FollowUp.objects.filter(
        due_at__lte=now - grace,
        escalated_at__isnull=True,
        ticket__status__in=QUEUED_STATUSES,
    ).select_related("ticket", "owner", "customer")
    from frontdesk.journal.tasks import follow_up_escalation_send

    escalated = 0
    for follow_up in late:
        follow_up.escalated_at = now
        follow_up.save(update_fields=["escalated_at"])
        ticket_note_system(
            ticket=follow_up.ticket,
            actor=None,
            text="Follow-up overdue: escalated to the leads",
            event={"code": "follow_up_overdue"},
        )
        transaction.on_commit(partial(follow_up_escalation_send.enqueue, follow_up.pk))
        escalated += 1
    return activated, escalated


def follow_up_escalation_deliver(*, follow_up_id: int) -> int:
    """Mail every active lead with an address about a promise left undone; how many were told."""
    follow_up = FollowUp.objects.select_related("customer", "owner", "ticket").get(pk=follow_up_id)
    link = settings.PUBLIC_URL + reverse("tickets:detail", args=[follow_up.ticket_id])

    def compose(lead: User) -> tuple[str, str]:
        subject = _("Promise overdue: %(customer)s, %(text)s") % {
            "customer": follow_up.customer.name,
            "text": follow_up.text,
        }
        body = _(
            "%(owner)s promised %(customer)s “%(text)s” by %(due)s, and it is not done.\n\n%(link)s"
        ) % {
            "owner": follow_up.owner.display_name,
            "customer": follow_up.customer.name,
            "text": follow_up.text,
            "due": datetime_text(follow_up.due_at),
            "link": link,
        }
        return subject, body

    return agents_mail(agents=leads_reachable(), compose=compose)


def _customer(parsed: LogLine, *, customer_id: int | None, new_customer: bool) -> Customer:
    match = parsed.customer
    assert match is not None
    if match.person is not None and customer_id in (None, match.person.id):
        return Customer.objects.get(pk=match.person.id)
    if customer_id is not None:
        allowed = {person.id for person, _score in match.candidates}
        if match.person is not None:
            allowed.add(match.person.id)
        if customer_id not in allowed:
            raise Invalid(_("That customer was not one of the choices for this line."))
        return Customer.objects.get(pk=customer_id)
    if match.is_new and new_customer:
        return customer_create(name=match.typed.strip())
    if match.is_new:
        raise Invalid(
            _("No customer called “%(name)s” yet: confirm to create one.") % {"name": match.typed}
        )
    raise Invalid(_("“%(name)s” could be several customers: choose one.") % {"name": match.typed})


def log_line_json(parsed: LogLine) -> dict[str, object]:
    """The parse as the `frontdesk log --json` contract prints it."""

    def who(match: Match | None) -> dict[str, object] | None:
        if match is None:
            return None
        return {
            "name": match.person.name if match.person else match.typed,
            "id": match.person.id if match.person else None,
            "candidates": [
                {"id": candidate.id, "name": candidate.name, "score": round(score, 1)}
                for candidate, score in match.candidates
            ],
        }

    colleague = parsed.colleague
    return {
        "customer": who(parsed.customer),
        "agent": who(parsed.agent),
        "colleague": {"id": colleague.id, "name": colleague.name} if colleague else None,
        "asks": list(parsed.asks),
        "topic": parsed.topic,
        "at": parsed.at.isoformat(),
        "codes": list(parsed.codes),
        "actions": [
            {"kind": action.kind, "due": action.due.isoformat(), "text": action.text}
            for action in parsed.actions
        ],
        "warnings": [warning.text() for warning in parsed.warnings],
        "warning_codes": [warning.code for warning in parsed.warnings],
        "certain": parsed.certain,
    }


def log_code_save(*, word: str, text: str, follow_up_minutes: int | None = None) -> LogCode:
    """Create or change one of the team's log codes."""
    word = word.strip().lower()
    if not word or not word.replace("-", "").replace("_", "").isalnum():
        raise Invalid(_("A code is one word of letters, digits, - and _."))
    if not text.strip():
        raise Invalid(_("Say what the code stands for."))
    code, _created = LogCode.objects.update_or_create(
        word=word, defaults={"text": text.strip(), "follow_up_minutes": follow_up_minutes}
    )
    return code


def notice_post(
    *,
    author: User,
    title: str,
    body: str,
    review_by: date,
    team: Team | None = None,
    important: bool = False,
    pinned: bool = False,
) -> Notice:
    """Put a notice on the board; it must be reviewed by `review_by` or it is retired."""
    if not title.strip() or not body.strip():
        raise Invalid(_("A notice needs a title and a text."))
    if review_by < desk_today():
        raise Invalid(_("The review date cannot be in the past."))
    return Notice.objects.create(
        author=author,
        title=title.strip()[:200],
        body=body.strip(),
        review_by=review_by,
        team=team,
        important=important,
        pinned=pinned,
    )


def notice_read(*, notice: Notice, agent: User) -> None:
    """Record that the agent has read the notice (once)."""
    NoticeRead.objects.get_or_create(notice=notice, agent=agent)


def notice_review(*, notice: Notice, actor: User, keep_until: date | None) -> Notice:
    """The author (or a lead) confirms the notice until a new date, or retires it (None)."""
    if actor != notice.author and not actor.is_lead:
        raise Invalid(_("Only its author or a lead can review a notice."))
    if keep_until is None:
        notice.retired_at = timezone.now()
        notice.save(update_fields=["retired_at"])
        return notice
    if keep_until < desk_today():
        raise Invalid(_("The review date cannot be in the past."))
    notice.review_by = keep_until
    notice.reminded_at = None
    notice.save(update_fields=["review_by", "reminded_at"])
    return notice


def notices_review_request_due(*, today: date) -> int:
    """Ask the authors of notices past their review date to confirm or retire them, once."""
    due = Notice.objects.filter(
        retired_at__isnull=True, review_by__lt=today, reminded_at__isnull=True
    ).select_related("author")
    asked = 0
    for notice in due:
        notice.reminded_at = timezone.now()
        notice.save(update_fields=["reminded_at"])
        link = settings.PUBLIC_URL + reverse("journal:notice", args=[notice.pk])

        def compose(author: User, notice: Notice = notice, link: str = link) -> tuple[str, str]:
            subject = _("Is this notice still true? %(title)s") % {"title": notice.title}
            body = _(
                "Your notice “%(title)s” was to be reviewed by %(date)s. Keep it or "
                "retire it:\n\n%(link)s"
            ) % {"title": notice.title, "date": date_text(notice.review_by), "link": link}
            return subject, body

        if notice.author.email:
            agents_mail(agents=[notice.author], compose=compose)
        asked += 1
    return asked


def log_code_problems(
    *, word: str, text: str, follow_up_minutes: int | None, code_id: int | None = None
) -> dict[str, str]:
    """What is wrong with a code as a lead wrote it, by field: a word the log line would read
    otherwise or another code already reads as, no words, a promise due in no time or too late."""
    problems: dict[str, str] = {}
    clash = code_word_clash(word, time_words=TIME_WORDS)
    if clash is not None:
        problems["word"] = {
            "not-one-word": _("A code is one word of letters, digits, - and _."),
            "number": _("A number reads as a time of day in the log line; use a word."),
            "time-word": _("“%(word)s” is a time of day in the log line; choose another word."),
        }[clash] % {"word": word}
    elif log_code_taken(word=word, code_id=code_id):
        problems["word"] = _("There is a code “%(word)s” already.") % {"word": word}
    if not text.strip():
        problems["text"] = _("Say what the code stands for.")
    if follow_up_minutes is not None and not 1 <= follow_up_minutes <= FOLLOW_UP_MINUTES_MAX:
        problems["follow_up_minutes"] = _(
            "A promise falls due between 1 minute and a year later (%(most)d minutes)."
        ) % {"most": FOLLOW_UP_MINUTES_MAX}
    return problems


def _lead_only(actor: User) -> None:
    if not actor.is_lead:
        raise Forbidden(_("Only a lead or an admin may change the team's log codes."))


def _problems_raise(problems: dict[str, str]) -> None:
    if problems:
        field, message = next(iter(problems.items()))
        raise Invalid(f"{field}: {message}")


def log_code_create(
    *, actor: User, word: str, text: str, follow_up_minutes: int | None = None
) -> LogCode:
    """Add a code to the team's log line (leads and admins)."""
    _lead_only(actor)
    word, text = word.strip().lower(), text.strip()
    _problems_raise(log_code_problems(word=word, text=text, follow_up_minutes=follow_up_minutes))
    return LogCode.objects.create(word=word, text=text, follow_up_minutes=follow_up_minutes)


def log_code_update(
    *, actor: User, code: LogCode, word: str, text: str, follow_up_minutes: int | None
) -> LogCode:
    """Change a code (leads and admins); lines logged before keep the words they were saved with."""
    _lead_only(actor)
    word, text = word.strip().lower(), text.strip()
    _problems_raise(
        log_code_problems(
            word=word, text=text, follow_up_minutes=follow_up_minutes, code_id=code.pk
        )
    )
    code.word, code.text, code.follow_up_minutes = word, text, follow_up_minutes
    code.save(update_fields=["word", "text", "follow_up_minutes"])
    return code


def log_code_delete(*, actor: User, code: LogCode) -> None:
    """Remove a code (leads and admins); the word is then read as a plain word."""
    _lead_only(actor)
    code.delete()
