"""Reads for the journal: who a typed name may mean, and the team's codes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, Q, QuerySet
from django.utils.translation import ngettext

from frontdesk.accounts.models import User
from frontdesk.core.clock import desk_midnight, desk_today
from frontdesk.core.constants import DATABASE_INTEGER_MAX
from frontdesk.core.errors import NotFound
from frontdesk.customers.choices import IdentityKind, InteractionKind
from frontdesk.customers.models import Customer, Interaction
from frontdesk.customers.selectors import customers_by_ids
from frontdesk.engine.journal import Code, Match, Person, name_key, promises_in
from frontdesk.engine.text import fold
from frontdesk.journal.constants import OVERDUE_AFTER
from frontdesk.journal.models import ColleagueNote, FollowUp, LogCode, Notice, NoticeRead
from frontdesk.tickets.choices import QUEUED_STATUSES

CANDIDATES = 200


def customer_candidates(*, typed: str) -> list[Person]:
    """Customers a typed name could mean: those sharing a word (or its first letters) with it.
    The fuzzy match then chooses among a few hundred, not the whole desk."""
    # Stored names are folded but keep Đ; people type Dj. Look for both spellings.
    folded = fold(typed)
    spellings = {folded, name_key(typed), folded.replace("dj", "đ")}
    words = {word for spelling in spellings for word in spelling.split() if len(word) >= 2}
    if not words:
        return []
    match = Q()
    for word in words:
        match |= Q(search_text__contains=word[:4])
    rows = Customer.objects.filter(match, merged_into__isnull=True).values_list("id", "name")
    return [Person(id=pk, name=name) for pk, name in rows[:CANDIDATES]]


@dataclass(frozen=True)
class CustomerChoice:
    """A customer a typed name may mean, with what tells namesakes apart."""

    id: int
    name: str
    organisation: str
    email: str
    phone: str

    @property
    def details(self) -> list[str]:
        """What is known besides the name, in the order shown."""
        return [detail for detail in (self.organisation, self.email, self.phone) if detail]


def customer_choices(*, match: Match | None) -> list[CustomerChoice]:
    """The customers a typed name could be, best first, each with organisation, e-mail and
    phone: two Helen Lepiks are told apart by those, not by the name."""
    if match is None or not match.candidates:
        return []
    found = customers_by_ids(ids=[person.id for person, _score in match.candidates])
    choices = []
    for person, _score in match.candidates:
        customer = found.get(person.id)
        if customer is None:
            continue
        identities = list(customer.identities.all())
        emails = [i.display for i in identities if i.kind == IdentityKind.EMAIL]
        phones = [i.display for i in identities if i.kind == IdentityKind.PHONE]
        choices.append(
            CustomerChoice(
                id=customer.pk,
                name=customer.name,
                organisation=customer.organisation,
                email=emails[0] if emails else "",
                phone=phones[0] if phones else "",
            )
        )
    return choices


def agent_people() -> list[Person]:
    """Every active agent, by display name."""
    return [
        Person(id=user.pk, name=user.display_name) for user in User.objects.filter(is_active=True)
    ]


def log_codes() -> list[Code]:
    """The team's codes."""
    return [
        Code(word=row.word, text=row.text, follow_up_minutes=row.follow_up_minutes)
        for row in LogCode.objects.all()
    ]


def follow_ups_open() -> QuerySet[FollowUp]:
    """Every promise the team has not kept yet, soonest due first."""
    return (
        FollowUp.objects.filter(ticket__status__in=QUEUED_STATUSES)
        .select_related("customer", "owner", "ticket")
        .order_by("due_at")
    )


def promises_unbacked(*, since: datetime, limit: int = 100) -> list[Interaction]:
    """Contacts on the timelines since `since` that promise something ("I'll call you back")
    while their customer has no follow-up made after them."""
    recent = (
        Interaction.objects.filter(occurred_at__gte=since)
        .select_related("customer", "agent")
        .order_by("-occurred_at")[:2000]
    )
    promising = [interaction for interaction in recent if promises_in(interaction.summary)]
    latest = follow_ups_latest(customer_ids={i.customer_id for i in promising})
    unbacked = [
        i
        for i in promising
        if latest.get(i.customer_id) is None or latest[i.customer_id] < i.created_at
    ]
    return unbacked[:limit]


def follow_ups_latest(*, customer_ids: Iterable[int]) -> dict[int, datetime]:
    """When each of these customers was last promised a follow-up, in one query."""
    rows = (
        FollowUp.objects.filter(customer_id__in=list(customer_ids))
        .values("customer_id")
        .annotate(latest=Max("created_at"))
    )
    return {row["customer_id"]: row["latest"] for row in rows}


def colleague_notes_waiting(*, agent: User) -> QuerySet[ColleagueNote]:
    """The notes colleagues left for the agent that they have not marked done, oldest first:
    the longer one has waited, the sooner it is read."""
    return (
        ColleagueNote.objects.filter(agent=agent, done_at__isnull=True)
        .select_related("writer", "interaction__customer", "follow_up__ticket")
        .order_by("created_at", "id")
    )


def colleague_notes_done_recently(*, agent: User, limit: int = 20) -> QuerySet[ColleagueNote]:
    """The notes the agent marked done last, newest first."""
    return (
        ColleagueNote.objects.filter(agent=agent, done_at__isnull=False)
        .select_related("writer", "interaction__customer", "follow_up__ticket")
        .order_by("-done_at", "-id")[:limit]
    )


def colleague_note_of(*, interaction: Interaction) -> ColleagueNote | None:
    """The note a saved log line left for a colleague, if it named one."""
    return (
        ColleagueNote.objects.filter(interaction=interaction)
        .select_related("agent", "follow_up")
        .first()
    )


def access_colleague_note(*, agent: User, note_id: int) -> ColleagueNote:
    """A note left for this agent, or NotFound: the same for missing and for someone else's."""
    note = ColleagueNote.objects.filter(pk=note_id, agent=agent).first()
    if note is None:
        raise NotFound("Note not found.")
    return note


def notices_for(*, agent: User) -> QuerySet[Notice]:
    """The live notices an agent should see: for everyone and for their teams, pinned first."""
    teams = list(agent.teams.values_list("id", flat=True))
    return (
        Notice.objects.filter(retired_at__isnull=True)
        .filter(Q(team__isnull=True) | Q(team_id__in=teams))
        .select_related("author", "team")
        .order_by("-pinned", "-created_at")
    )


def notices_unread_important(*, agent: User) -> QuerySet[Notice]:
    """Important notices the agent has not read yet: shown to them when they log in."""
    return notices_for(agent=agent).filter(important=True).exclude(read_by=agent)


def notice_readers(*, notice: Notice) -> tuple[list[User], list[User]]:
    """Who of the notice's audience has read it, and who has not."""
    audience = User.objects.filter(is_active=True)
    if notice.team_id is not None:
        audience = audience.filter(teams=notice.team_id)
    read = set(notice.read_by.values_list("id", flat=True))
    people = list(audience.order_by("first_name", "username"))
    return [p for p in people if p.pk in read], [p for p in people if p.pk not in read]


def notices_read_ids(*, agent: User) -> set[int]:
    """The notices the agent has read."""
    return set(NoticeRead.objects.filter(agent=agent).values_list("notice_id", flat=True))


def interactions_logged_today(
    *, agent: User, limit: int = 20, now: datetime | None = None
) -> QuerySet[Interaction]:
    """The lines the agent logged today (the desk's day), newest first: their own, those a
    colleague logged naming them, and those they logged for a colleague."""
    midnight = desk_midnight(desk_today(now))
    return (
        Interaction.objects.filter(Q(agent=agent) | Q(colleague_note__writer=agent))
        .filter(kind=InteractionKind.NOTE, created_at__gte=midnight)
        .select_related("customer", "agent", "colleague_note__writer")
        .order_by("-created_at")[:limit]
    )


def log_codes_for_settings() -> QuerySet[LogCode]:
    """The team's codes as rows, by word, for the lead's settings."""
    return LogCode.objects.order_by("word")


def log_code_taken(*, word: str, code_id: int | None = None) -> bool:
    """Whether another code reads as this word (case and accents aside, as the line reads it)."""
    folded = fold(word)
    rows = LogCode.objects.exclude(pk=code_id) if code_id else LogCode.objects.all()
    others = rows.values_list("word", flat=True)
    return any(fold(other) == folded for other in others)


def access_log_code(*, key: str) -> LogCode:
    """The code with this id (digits) or word, or NotFound."""
    wanted = Q(word=key.lower())
    if key.isascii() and key.isdecimal() and int(key) <= DATABASE_INTEGER_MAX:
        wanted |= Q(pk=int(key))
    found = LogCode.objects.filter(wanted).first()
    if found is None:
        raise NotFound("Log code not found.")
    return found


def log_codes_summary() -> str:
    """What the settings' home says of the codes: how many, how many of them promises."""
    codes = list(LogCode.objects.values_list("follow_up_minutes", flat=True))
    promises = sum(1 for minutes in codes if minutes)
    return ngettext(
        "%(count)d code, %(promises)d of them promises",
        "%(count)d codes, %(promises)d of them promises",
        len(codes),
    ) % {"count": len(codes), "promises": promises}


@dataclass(frozen=True)
class PromisesKept:
    """What became of the promises due in a span: kept in time (within the grace the desk
    allows before escalating), kept late, overdue (still open past that grace), not yet due."""

    kept: int
    kept_late: int
    overdue: int
    pending: int


def follow_ups_kept_between(*, since: datetime, until: datetime, now: datetime) -> PromisesKept:
    """How the promises falling due in [since, until) were kept, as of `now`, in one query."""
    counts = {"kept": 0, "kept_late": 0, "overdue": 0, "pending": 0}
    rows = FollowUp.objects.filter(due_at__gte=since, due_at__lt=until).values_list(
        "due_at", "ticket__solved_at"
    )
    for due_at, solved_at in rows:
        late_from = due_at + OVERDUE_AFTER
        if solved_at is not None:
            counts["kept" if solved_at <= late_from else "kept_late"] += 1
        else:
            counts["overdue" if now > late_from else "pending"] += 1
    return PromisesKept(**counts)
