"""Reads for tickets and their threads."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import translation

from frontdesk.accounts.models import Team, User
from frontdesk.core.errors import NotFound
from frontdesk.core.http import whole_number
from frontdesk.core.memo import for_a_while
from frontdesk.core.search import among, rows_alike, search_filter
from frontdesk.customers.choices import FieldTarget
from frontdesk.customers.field_selectors import custom_filter
from frontdesk.customers.models import Customer
from frontdesk.engine.languages import written_as
from frontdesk.engine.queue import QueueWeights, WeightError, weights_from
from frontdesk.engine.search import reference_typed, search_words
from frontdesk.engine.text import tag_clean
from frontdesk.tickets.choices import (
    OPEN_STATUSES,
    DeskTextKey,
    MessageDirection,
    QueueKind,
    Status,
)
from frontdesk.tickets.constants import (
    QUEUE_INDEX,
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    REFERENCE_PREFIX,
    TAG_SUGGESTIONS,
    TAG_SUGGESTIONS_FROM,
    TYPING_SECONDS,
    WATCHING_SECONDS,
)
from frontdesk.tickets.models import (
    Attachment,
    DeskText,
    Message,
    QueueSettings,
    Ticket,
    TicketView,
)
from frontdesk.tickets.visibility import ticket_visible
from frontdesk.tickets.wording import desk_text_default


@dataclass(frozen=True)
class TicketFilter:
    """What an agent narrowed the ticket list to; empty fields mean no narrowing."""

    status: str = ""  # a status, or "open" for every open status
    assignee: str = ""  # "me", "none", or an agent id
    level: int | None = None
    channel: str = ""
    customer_id: int | None = None
    query: str = ""
    tag: str = ""
    # `cf_<key>` (and `cf_<key>__min` / `__max`) narrowing by custom fields, as the list took
    # them: (name, value) pairs, so that the filter stays hashable (counts are remembered by it).
    custom: tuple[tuple[str, str], ...] = ()
    custom_strict: bool = (
        False  # refuse a parameter naming no field (the API) rather than ignore it
    )


def _tagged(tag: str) -> Q:
    if connection.vendor == "postgresql":
        return Q(tags__contains=[tag])
    # SQLite has no JSON containment: the stored text holds each tag quoted as json writes it.
    return Q(tags__icontains=json.dumps(tag))


# Every ticket page suggests them; a tag another process added shows up seconds later.
@for_a_while
def ticket_tags_in_use() -> list[str]:
    """The desk's tags, most used first, from its latest tagged tickets."""
    counts: Counter[str] = Counter()
    latest = Ticket.objects.exclude(tags=[]).order_by("-id").values_list("tags", flat=True)
    for tags in latest[:TAG_SUGGESTIONS_FROM]:
        counts.update(tag for tag in tags if isinstance(tag, str))
    return [tag for tag, _count in counts.most_common(TAG_SUGGESTIONS)]


def ticket_list(*, actor: User, filters: TicketFilter | None = None) -> QuerySet[Ticket]:
    """Tickets an agent may see, narrowed by `filters`, newest first, with customer and assignee."""
    if not actor.is_active:
        return Ticket.objects.none()
    filters = filters or TicketFilter()
    tickets = Ticket.objects.filter(ticket_visible(actor)).select_related("customer", "assignee")
    if filters.status == "open":
        tickets = tickets.filter(status__in=OPEN_STATUSES)
    elif filters.status:
        tickets = tickets.filter(status=filters.status)
    if filters.assignee == "me":
        tickets = tickets.filter(assignee=actor)
    elif filters.assignee == "none":
        tickets = tickets.filter(assignee__isnull=True)
    elif filters.assignee:
        # An id no agent can have narrows to nothing, rather than crash the query.
        agent_id = whole_number(filters.assignee)
        tickets = tickets.filter(assignee_id=agent_id) if agent_id else tickets.none()
    if filters.level is not None:
        tickets = tickets.filter(level=filters.level)
    if filters.channel:
        tickets = tickets.filter(channel=filters.channel)
    if filters.customer_id is not None:
        tickets = tickets.filter(customer_id=filters.customer_id)
    if tag := tag_clean(filters.tag):
        tickets = tickets.filter(_tagged(tag))
    if filters.custom:
        tickets = tickets.filter(
            custom_filter(
                target=FieldTarget.TICKET,
                params=dict(filters.custom),
                strict=filters.custom_strict,
            )
        )
    if filters.query.strip():
        return ticket_search(tickets, query=filters.query)
    return tickets.order_by("-created_at", "-id")


def ticket_search(tickets: QuerySet[Ticket], *, query: str) -> QuerySet[Ticket]:
    """`tickets` that match what someone typed, best first: the ticket its reference names (with
    or without "FD-"), then those holding every word (reference, customer, subject, messages),
    then those that do with a typo or two in the customer's name; newest first within each."""
    query = query.replace("\x00", "")  # PostgreSQL refuses a NUL in a text; nobody means one.
    reference = reference_typed(
        query, prefix=REFERENCE_PREFIX, alphabet=REFERENCE_ALPHABET, length=REFERENCE_LENGTH
    )
    return search_filter(
        tickets,
        field="search_text",
        words=search_words(query),
        exact=_named(reference) if reference else None,
        # Typos are looked for in customers' names, the words people mistype.
        alike=_customer_alike,
        order=("-created_at", "-id"),
    )


# Polled by every agent's sidebar every half minute: a view's count is kept a few seconds per
# agent and filters (one COUNT query each), and forgotten at once when this process saves a
# ticket (receivers), so the agent who changed tickets sees the counts follow.
@for_a_while
def ticket_count(*, actor: User, filters: TicketFilter) -> int:
    """How many tickets the agent's list holds with these filters."""
    return ticket_list(actor=actor, filters=filters).count()


def ticket_views_for(*, actor: User) -> list[TicketView]:
    """The saved views an agent sees: their team's views, by team, then their own, each in
    its order."""
    if not actor.is_active:
        return []
    team_ids = list(actor.teams.values_list("pk", flat=True))
    views = TicketView.objects.filter(Q(owner=actor) | Q(team_id__in=team_ids))
    return sorted(
        views.select_related("team", "owner"),
        key=lambda view: (
            view.team is None,
            view.team.name if view.team else "",
            view.position,
            view.pk,
        ),
    )


def ticket_view_changeable(*, actor: User, view: TicketView) -> bool:
    """Whether the agent may rename, move or remove the view: their own, or as a lead a
    team's."""
    if view.team_id is None:
        return view.owner_id == actor.pk
    return actor.is_lead


def access_ticket_view_by_id(*, actor: User, view_id: int) -> TicketView:
    """A saved view the agent sees; NotFound for a missing one and someone else's alike."""
    view = (
        TicketView.objects.filter(Q(owner=actor) | Q(team__members=actor), pk=view_id)
        .select_related("team", "owner")
        .first()
        if actor.is_active
        else None
    )
    if view is None:
        raise NotFound("View not found.")
    return view


def _customer_alike(word: str) -> Q:
    alike = rows_alike(Customer.objects.all(), field="search_text", word=word)
    return among("customer_id", alike.values("pk"))


def access_ticket_by_id(*, actor: User, ticket_id: int) -> Ticket:
    """The ticket for an agent; NotFound for a missing id, one the agent may not see
    (visibility.py) and an inactive agent alike."""
    ticket = (
        Ticket.objects.select_related("customer", "assignee")
        .prefetch_related("customer__identities")
        .filter(ticket_visible(actor), pk=ticket_id)
        .first()
        if actor.is_active
        else None
    )
    if ticket is None:
        raise NotFound("Ticket not found.")
    return ticket


def access_ticket_by_reference(*, actor: User, reference: str) -> Ticket:
    """The ticket an agent names by its reference (any case, spaces around); NotFound for a
    missing one, one the agent may not see or an inactive agent alike."""
    ticket = (
        Ticket.objects.select_related("customer")
        .filter(ticket_visible(actor), reference=reference.strip().upper())
        .first()
        if actor.is_active
        else None
    )
    if ticket is None:
        raise NotFound("Ticket not found.")
    return ticket


def _shown_to_customer(customer: Customer) -> QuerySet[Ticket]:
    # A customer sees a ticket once it holds a message from or to them. The desk's own work
    # about them (a promise to call back, made from a log line or a ticket) holds only internal
    # notes, under a subject in the agent's words, until an agent writes to the customer on it.
    public = Message.objects.filter(ticket=OuterRef("pk")).exclude(direction=MessageDirection.NOTE)
    return Ticket.objects.filter(Exists(public), customer=customer)


def access_ticket_for_customer(*, customer: Customer, reference: str) -> Ticket:
    """One of this customer's own requests; NotFound for anyone else's, for a missing one, and
    for the desk's internal work about them alike."""
    ticket = _shown_to_customer(customer).filter(_named(reference.upper())).first()
    if ticket is None:
        raise NotFound("Ticket not found.")
    return ticket


def _named(reference: str) -> Q:
    # A ticket is named by its own reference, and by those of the tickets merged into it: the
    # customer's old link and a reply quoting the old reference both lead to the one kept.
    # The merged ticket is looked up by its reference (an index), not tested row by row.
    merged = Ticket.objects.filter(reference=reference, merged_into__isnull=False)
    return Q(reference=reference) | among("pk", merged.values("merged_into_id"))


def ticket_thread(*, ticket: Ticket, include_notes: bool) -> QuerySet[Message]:
    """The ticket's messages in order, with authors and attachments; the customer's view
    (`include_notes=False`) holds neither notes nor what someone else sent about the ticket."""
    messages = ticket.messages.select_related("author_agent", "author_customer").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("id"))
    )
    if not include_notes:
        messages = messages.exclude(direction=MessageDirection.NOTE).exclude(
            _from_someone_else(customer_id=ticket.customer_id, prefix="")
        )
    return messages.order_by("created_at", "id")


def _from_someone_else(*, customer_id: int, prefix: str) -> Q:
    # An incoming message is the customer's exactly when they wrote it: a third party's (a
    # colleague in copy, a stranger) stays with the desk, whatever it says.
    return Q(**{f"{prefix}direction": MessageDirection.IN}) & ~Q(
        **{f"{prefix}author_customer_id": customer_id}
    )


def customer_tickets(
    *, customer: Customer, open_only: bool = False, actor: User | None = None
) -> QuerySet[Ticket]:
    """A customer's tickets for the desk, its internal work (follow-ups) too, newest first;
    with `actor`, those the agent may see."""
    tickets = Ticket.objects.filter(customer=customer).select_related("assignee")
    if actor is not None:
        tickets = tickets.filter(ticket_visible(actor))
    if open_only:
        tickets = tickets.filter(status__in=OPEN_STATUSES)
    return tickets.order_by("-created_at", "-id")


def reader_language(ticket: Ticket) -> str:
    """The language the desk writes to a ticket's customer in — its mail, survey and problem
    reply: the ticket's (what they wrote in this time), else their preferred one, whichever the
    desk speaks first (Croatian and Serbian read Bosnian); else the desk's default."""
    spoken = {code for code, _name in settings.LANGUAGES}
    for candidate in (ticket.language, ticket.customer.preferred_language):
        if written_as(candidate) in spoken:
            return written_as(candidate)
    return str(settings.LANGUAGE_CODE)


def customer_latest_ticket_language() -> Subquery:
    """The language of a customer's latest ticket, as an expression to annotate customers with
    (it refers to the customer as `OuterRef("pk")`); None for a customer with no ticket."""
    return Subquery(
        Ticket.objects.filter(customer_id=OuterRef("pk"))
        .exclude(language="")
        .order_by("-created_at", "-id")
        .values("language")[:1]
    )


def customer_requests(*, customer: Customer) -> QuerySet[Ticket]:
    """The tickets a customer sees in the portal, newest first: never the desk's internal work."""
    return _shown_to_customer(customer).order_by("-created_at", "-id")


def access_attachment(
    *, attachment_id: int, actor: User | None = None, customer: Customer | None = None
) -> Attachment:
    """An attachment an agent may open, or one a customer may: on their own ticket, neither on
    a note nor on what someone else sent about it."""
    attachments = Attachment.objects.select_related("message__ticket")
    if customer is not None:
        attachments = (
            attachments.filter(message__ticket__customer=customer)
            .exclude(message__direction=MessageDirection.NOTE)
            .exclude(_from_someone_else(customer_id=customer.pk, prefix="message__"))
        )
    elif actor is None or not actor.is_active:
        raise NotFound("File not found.")
    else:
        attachments = attachments.filter(ticket_visible(actor, prefix="message__ticket__"))
    attachment = attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise NotFound("File not found.")
    return attachment


def queue_unassigned(*, agent: User, live: bool = True) -> QuerySet[Ticket]:
    """Queued tickets nobody has taken, that the agent's teams serve, first in line first."""
    # A queue key is set exactly on queued tickets (new or open), which the index relies on.
    # The agent's teams are read first: as a subquery they made PostgreSQL's plan twice as slow.
    team_ids = list(Team.members.through.objects.filter(user=agent).values_list("team", flat=True))
    served = Q(team__isnull=True) | Q(team_id__in=team_ids) if team_ids else Q(team__isnull=True)
    tickets = Ticket.objects.filter(served, queue_key__isnull=False, assignee__isnull=True)
    if not live:
        tickets = tickets.exclude(queue_kind=QueueKind.LIVE)
    return tickets.order_by("queue_key", "id")


def queue_next_id(
    *, agent: User, live: bool = True, fits_minutes: int | None = None, claim: bool = False
) -> int | None:
    """The id of the first free item of the agent's queue, read from the queue's index alone;
    with `fits_minutes`, the first whose estimated effort fits in that time (a break is near).

    With `claim` (inside a transaction), the row stays locked until the transaction ends, and
    rows other agents are claiming at this instant are passed over for the next free one: on
    PostgreSQL, agents pressing "take next" together each get a different item at the first
    try instead of queueing behind one row. SQLite's writers take turns anyway.
    """
    free = queue_unassigned(agent=agent, live=live)
    if fits_minutes is not None:
        free = free.filter(Q(effort_minutes__isnull=True) | Q(effort_minutes__lte=fits_minutes))
    if not claim:
        return _first_id_by_queue_index(free)
    passing_over = _first_id_by_queue_index(free.select_for_update(skip_locked=True))
    if passing_over is not None or connection.vendor != "postgresql":
        return passing_over
    # Skipping locked rows found nothing: every free item is locked, by agents taking it or by
    # any other writer (a reorder, a merge, an edit), which is not the same as taken. Wait for
    # the first of them instead, so "nothing waiting" is said only when nothing is.
    return _first_id_by_queue_index(free.select_for_update())


def queue_next_explained(*, agent: User, claim: bool = False) -> str:
    """The database's plan for "next item" (with `claim`, for take-next's locking read), as
    `EXPLAIN` prints it: what a test and an operator read to see the queue's index is used."""
    free = queue_unassigned(agent=agent)
    if claim:
        free = free.select_for_update(skip_locked=True)
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with transaction.atomic(), connection.cursor() as cursor:
        sql, params = _by_queue_index(free)
        cursor.execute(explain + sql, params)
        return "\n".join(" ".join(str(column) for column in row) for row in cursor.fetchall())


def _first_id_by_queue_index(free: QuerySet[Ticket]) -> int | None:
    sql, params = _by_queue_index(free)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else int(row[0])


def _by_queue_index(free: QuerySet[Ticket]) -> tuple[str, tuple[Any, ...]]:
    # SQLite chooses between this index and the assignee's (plus a sort) by its statistics, and
    # they mislead it: "unassigned" is most of the table, but stat1 keeps only an average per
    # assignee, and before any ANALYZE it guesses ten rows. Named, the index is the plan at any
    # size and with any statistics (the statement fails to prepare if the index could not
    # serve it, so a change to the query or the index cannot slip back to a scan unnoticed).
    # PostgreSQL's statistics know how common NULL is; it chooses this index by itself.
    sql, params = free.values_list("pk", flat=True)[:1].query.sql_with_params()
    if connection.vendor == "sqlite":
        table = connection.ops.quote_name(Ticket._meta.db_table)
        sql = sql.replace(f"FROM {table}", f"FROM {table} INDEXED BY {QUEUE_INDEX}", 1)
    return sql, tuple(params)


def queue_for_agent(*, agent: User, limit: int = 50) -> list[Ticket]:
    """The agent's queue in order: what is theirs and what is free for them to take."""
    mine = Ticket.objects.filter(queue_key__isnull=False, assignee=agent).order_by(
        "queue_key", "id"
    )
    free = queue_unassigned(agent=agent)
    merged = list(mine.select_related("customer")[:limit]) + list(
        free.select_related("customer")[:limit]
    )
    merged.sort(key=lambda t: (t.queue_key or t.created_at, t.pk))
    return merged[:limit]


def ticket_arrivals(*, since: datetime, until: datetime) -> Iterator[tuple[datetime, str]]:
    """When each ticket of [since, until) came in, and by which channel (for the forecast)."""
    return (
        Ticket.objects.filter(created_at__gte=since, created_at__lt=until)
        .values_list("created_at", "channel")
        .iterator(chunk_size=2000)
    )


def ticket_first_answers(
    *, channels: Collection[str], since: datetime, limit: int = 2000
) -> list[tuple[datetime, datetime | None]]:
    """When tickets on `channels` that came in since `since` came in and were first answered,
    for at most `limit` of those answered."""
    return list(
        Ticket.objects.filter(
            channel__in=channels, created_at__gte=since, first_responded_at__isnull=False
        ).values_list("created_at", "first_responded_at")[:limit]
    )


def queue_settings_row() -> QueueSettings | None:
    """The stored row of the queue's weights, or None while the defaults hold."""
    return QueueSettings.objects.order_by("pk").first()


@for_a_while
def queue_weights() -> QueueWeights:
    """The weights the desk orders its queue by: the lead's, or the defaults."""
    stored = QueueSettings.objects.values_list("weights", flat=True).first()
    if not stored:
        return QueueWeights()
    try:
        return weights_from(dict(stored))
    except (WeightError, TypeError):
        # Saved weights are checked on the way in; a hand-edited row must not stop the desk.
        return QueueWeights()


def message_in_exists(*, message_id: str) -> bool:
    """Whether a message that came in with this Message-ID is on a ticket already."""
    return Message.objects.filter(message_id=message_id, direction=MessageDirection.IN).exists()


def ticket_answered(
    *, message_ids: Sequence[str], references: Sequence[str], customer: Customer
) -> Ticket | None:
    """The open (or solved) ticket a message answers: the newest that holds one of the
    Message-IDs it names, else the customer's own ticket by a reference it quotes."""
    if message_ids:
        found = (
            Message.objects.filter(message_id__in=message_ids)
            .exclude(ticket__status=Status.CLOSED)
            .select_related("ticket")
            .order_by("-id")
            .first()
        )
        if found is not None:
            return found.ticket
    for reference in references:
        ticket = (
            Ticket.objects.filter(_named(reference), customer=customer)
            .exclude(status=Status.CLOSED)
            .first()
        )
        if ticket is not None:
            return ticket
    return None


def tickets_opened_count(*, customer: Customer, channel: str, since: datetime) -> int:
    """How many tickets the customer opened through `channel` since then."""
    return Ticket.objects.filter(customer=customer, channel=channel, created_at__gte=since).count()


# {reference} and the like in a desk text; other braces are the lead's own words.
DESK_TEXT_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class DeskTextShown:
    """One of the desk's texts in one language, as customers read it now: the lead's own
    words (`saved`) or the built-in ones."""

    key: str
    language: str
    text: str
    default: str
    saved: bool


def desk_text_for(*, key: str, language: str) -> DeskTextShown:
    """A desk text in a language: the lead's saved words, else the built-in ones."""
    with translation.override(language):
        default = desk_text_default(key)
    row = DeskText.objects.filter(key=key, language=language).first()
    return DeskTextShown(
        key=key,
        language=language,
        text=row.text if row else default,
        default=default,
        saved=row is not None,
    )


def desk_texts_all() -> list[DeskTextShown]:
    """Every desk text in every language the desk speaks, by text and language."""
    saved = {(row.key, row.language): row.text for row in DeskText.objects.all()}
    shown = []
    for key in DeskTextKey.values:
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                default = desk_text_default(key)
            text = saved.get((key, language))
            shown.append(
                DeskTextShown(key, language, text or default, default, saved=text is not None)
            )
    return shown


def desk_text_fill(text: str, values: Mapping[str, str]) -> str:
    """The text with each placeholder it may hold replaced by its value; others left as typed."""
    return DESK_TEXT_PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def desk_text_render(*, key: str, language: str, values: Mapping[str, str] | None = None) -> str:
    """A desk text as a customer reads it in this language, its placeholders filled in."""
    return desk_text_fill(desk_text_for(key=key, language=language).text, values or {})


def desk_text_row(*, key: str, language: str) -> DeskText | None:
    """The lead's saved words for a desk text in a language, as a row (for its change record)."""
    return DeskText.objects.filter(key=key, language=language).first()


def watching_key(ticket_id: int) -> str:
    """The cache key of a ticket's watchers: {agent id: {"name", "seen", "typed"}}."""
    return f"frontdesk:ticket-watchers:{ticket_id}"


@dataclass(frozen=True)
class Watcher:
    """Another agent with the ticket open, and whether they are typing a reply."""

    name: str
    typing: bool


def ticket_watchers(*, ticket: Ticket, agent: User, now: float | None = None) -> list[Watcher]:
    """The other agents who have the ticket open now, by name (see services/watching.py)."""
    now = time.time() if now is None else now
    watchers = cache.get(watching_key(ticket.pk)) or {}
    return sorted(
        (
            Watcher(name=seen["name"], typing=now - seen["typed"] <= TYPING_SECONDS)
            for agent_id, seen in watchers.items()
            if agent_id != str(agent.pk) and now - seen["seen"] <= WATCHING_SECONDS
        ),
        key=lambda watcher: watcher.name,
    )


def ticket_messages_since(*, ticket: Ticket, seen_message_id: int) -> QuerySet[Message]:
    """Messages to or from the customer added after the one an agent saw last (notes aside)."""
    return (
        Message.objects.filter(ticket=ticket, pk__gt=seen_message_id)
        .exclude(direction=MessageDirection.NOTE)
        .order_by("pk")
    )


def ticket_newest_message_id(*, ticket: Ticket) -> int:
    """The id of the newest message to or from the customer, 0 when there is none."""
    newest = (
        Message.objects.filter(ticket=ticket)
        .exclude(direction=MessageDirection.NOTE)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return newest or 0


def ticket_customer_wrote(*, ticket: Ticket) -> bool:
    """Whether the customer wrote on this ticket themselves (not the desk's own work about them,
    a promise or a message the desk started)."""
    return Message.objects.filter(ticket=ticket, direction=MessageDirection.IN).exists()


def ticket_thread_message_ids(*, ticket: Ticket) -> list[str]:
    """The Message-IDs of the mail to and from the customer on this ticket, oldest first: what a
    new mail about it names to join the customer's thread."""
    return list(
        Message.objects.filter(ticket=ticket)
        .exclude(direction=MessageDirection.NOTE)
        .exclude(message_id="")
        .order_by("created_at", "pk")
        .values_list("message_id", flat=True)
    )
