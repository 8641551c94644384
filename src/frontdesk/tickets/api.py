"""Tickets and their messages over the API, the agents' saved views of them, and the desk's
texts to customers."""

from typing import Annotated

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja import Status as Answer
from ninja.pagination import paginate

from frontdesk.accounts.auth import LeadToken
from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import agent_by_username, request_agent, team_by_id
from frontdesk.core.errors import Invalid, NotFound
from frontdesk.core.http import whole_number
from frontdesk.core.pagination import KeysetPage
from frontdesk.core.schemas import ErrorOut, RowId
from frontdesk.customers.api import router as customers_router
from frontdesk.customers.field_selectors import custom_params
from frontdesk.customers.selectors import access_customer_by_id
from frontdesk.engine.tone import reply_must_be_formal
from frontdesk.tickets.choices import DeskTextKey, Status
from frontdesk.tickets.forms import BUILT_IN_VIEWS, ticket_filter_read
from frontdesk.tickets.models import Message, Ticket, TicketView
from frontdesk.tickets.schemas import (
    ConversationIn,
    DeskTextIn,
    DeskTextOut,
    MessageIn,
    MessageOut,
    ReplyCheckIn,
    ReplyCheckOut,
    TicketFilterIn,
    TicketOut,
    TicketsBulkIn,
    TicketsBulkOut,
    TicketViewIn,
    TicketViewOut,
    TicketViewPatchIn,
)
from frontdesk.tickets.selectors import (
    DeskTextShown,
    TicketFilter,
    access_ticket_by_id,
    access_ticket_view_by_id,
    desk_text_for,
    desk_texts_all,
    ticket_count,
    ticket_list,
    ticket_thread,
    ticket_views_for,
)
from frontdesk.tickets.services import (
    BulkResult,
    desk_text_save,
    ticket_call_log,
    ticket_note,
    ticket_reply,
    ticket_view_create,
    ticket_view_delete,
    ticket_view_update,
    ticket_write_to_customer,
    tickets_bulk_assign,
    tickets_bulk_merge,
    tickets_bulk_status,
    tickets_bulk_tag,
)
from frontdesk.tickets.tone_selectors import reply_tone_check

router = Router(tags=["tickets"])


def _ticket(request: HttpRequest, ticket_id: int) -> Ticket:
    return access_ticket_by_id(actor=request_agent(request), ticket_id=ticket_id)


@router.get("", response={200: list[TicketOut], 400: ErrorOut})
@paginate(KeysetPage)
def list_tickets(request: HttpRequest, filters: Query[TicketFilterIn]) -> QuerySet[Ticket]:
    """Tickets, newest first, filtered (or as a saved view shows them); with `q`, those that
    match it, best first. `limit` and `offset` page through them, or `after` (the `next` of the
    page before), which costs the same however deep; `count` is an estimate past 10,000
    (`count_is_estimate`). Custom fields filter too: `cf_<key>=value` (text contains, case and
    accents aside; a choice, number or date exactly), `cf_<key>__min=` and `cf_<key>__max=` (a
    number or date, inclusive); 400 names a parameter that is no field of the desk's or a value
    that does not fit it."""
    agent = request_agent(request)
    if filters.view:
        # A view that is missing or not the agent's shows nothing, as a filter matching nothing.
        try:
            narrowed = ticket_filter_read(_view_query(agent, filters.view))[1]
        except NotFound:
            return Ticket.objects.none()
    else:
        narrowed = TicketFilter(
            status=filters.status,
            assignee=filters.assignee,
            level=filters.level,
            channel=filters.channel,
            customer_id=filters.customer_id,
            query=filters.q,
            tag=filters.tag,
            custom=tuple(custom_params(request).items()),
            custom_strict=True,
        )
    return ticket_list(actor=agent, filters=narrowed).prefetch_related("customer__identities")


@router.post("/bulk", response={200: TicketsBulkOut, 400: ErrorOut})
def bulk_tickets(request: HttpRequest, payload: TicketsBulkIn) -> dict[str, object]:
    """Act on several tickets at once, each through its own rules: the answer says, per id,
    what was done or why it was skipped (one refused ticket leaves the others done)."""
    agent = request_agent(request)
    value = payload.value
    results: list[BulkResult]
    if payload.action == "assign":
        assignee = None
        if value == "me":
            assignee = agent
        elif value:
            assignee = agent_by_username(username=value)
            if assignee is None:
                raise Invalid("No agent has this username.")
        results = tickets_bulk_assign(actor=agent, ticket_ids=payload.ids, assignee=assignee)
    elif payload.action == "status":
        results = tickets_bulk_status(actor=agent, ticket_ids=payload.ids, status=value or "")
    elif payload.action == "merge":
        survivor = whole_number(value or "")
        if value and survivor is None:
            raise Invalid("The ticket to keep is named by its id.")
        results = tickets_bulk_merge(actor=agent, ticket_ids=payload.ids, survivor_id=survivor)
    else:
        results = tickets_bulk_tag(
            actor=agent,
            ticket_ids=payload.ids,
            tag=value or "",
            remove=payload.action == "tag_remove",
        )
    return {"results": results}


@router.get("/{ticket_id}", response={200: TicketOut, 404: ErrorOut})
def get_ticket(request: HttpRequest, ticket_id: RowId) -> Ticket:
    """One ticket."""
    return _ticket(request, ticket_id)


@router.get("/{ticket_id}/messages", response={200: list[MessageOut], 404: ErrorOut})
def list_messages(request: HttpRequest, ticket_id: RowId) -> QuerySet[Message]:
    """The ticket's messages in order, internal notes included."""
    ticket = access_ticket_by_id(actor=request_agent(request), ticket_id=ticket_id)
    return ticket_thread(ticket=ticket, include_notes=True)


@router.post(
    "/{ticket_id}/messages",
    response={201: MessageOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
)
def add_message(request: HttpRequest, ticket_id: RowId, payload: MessageIn) -> Answer[Message]:
    """Reply to the customer (mailed to them) or add an internal note. A reply with
    `seen_message_id` is refused with 409 when newer messages exist (an internal note never is).
    A reply the tone check finds reads badly is not sent: 400 with `detail` and the `warnings`
    of `POST /replies/check`, unless `send_anyway` is true (an internal note is never checked)."""
    agent = request_agent(request)
    ticket = access_ticket_by_id(actor=agent, ticket_id=ticket_id)
    if payload.kind == "note":
        message = ticket_note(ticket=ticket, agent=agent, text=payload.text)
    else:
        message = ticket_reply(
            ticket=ticket,
            agent=agent,
            text=payload.text,
            status=payload.status or Status.WAITING,
            seen_message_id=payload.seen_message_id,
            tone_check=not payload.send_anyway,
        )
    return Answer(201, message)


replies_router = Router(tags=["tickets"])


@replies_router.post("/check", response={200: ReplyCheckOut, 400: ErrorOut, 404: ErrorOut})
def check_reply(request: HttpRequest, payload: ReplyCheckIn) -> dict[str, object]:
    """Read a reply as the customer will before it is sent: each place that reads as shouting,
    blame, condescension, dismissal, sarcasm or a threat, with why and a kinder way to say it
    (in the agent's language); an empty list for a kind reply. With a level 1 ticket or an
    angry customer (`ticket_id`, or `level`/`tone`), casual words too. Nothing is stored."""
    level, tone, language = payload.level, payload.tone, payload.language
    if payload.ticket_id is not None:
        ticket = _ticket(request, payload.ticket_id)
        level, tone, language = ticket.level, ticket.tone, language or ticket.language
    return {
        "warnings": reply_tone_check(text=payload.text, language=language, level=level, tone=tone),
        "formal": reply_must_be_formal(level=level, tone=tone),
    }


@customers_router.post(
    "/{customer_id}/conversations",
    response={201: TicketOut, 400: ErrorOut, 404: ErrorOut},
    tags=["customers"],
)
def create_conversation(
    request: HttpRequest, customer_id: RowId, payload: ConversationIn
) -> Answer[Ticket]:
    """Reach a customer: an e-mail mailed to them, or a call the agent had, as a new ticket of
    the agent's (not triaged: the agent's words, not the customer's)."""
    agent = request_agent(request)
    customer = access_customer_by_id(actor=agent, customer_id=customer_id)
    if payload.kind == "email":
        ticket = ticket_write_to_customer(
            customer=customer,
            agent=agent,
            subject=payload.subject,
            body=payload.body,
            to=payload.to or "",
            language=payload.language or "",
        )
    else:
        ticket = ticket_call_log(
            customer=customer,
            agent=agent,
            direction=payload.direction,
            subject=payload.subject,
            text=payload.body,
            keep_open=payload.keep_open,
        )
    return Answer(201, access_ticket_by_id(actor=agent, ticket_id=ticket.pk))


views_router = Router(tags=["views"])


def _view_query(agent: User, key: str) -> str:
    if key in BUILT_IN_VIEWS:
        return str(BUILT_IN_VIEWS[key][1])
    return access_ticket_view_by_id(actor=agent, view_id=int(key)).query


def _view_out(agent: User, view: TicketView) -> dict[str, object]:
    """The view as TicketViewOut reads it, with its count for this agent."""
    filters = ticket_filter_read(view.query)[1]
    return {
        "id": view.pk,
        "name": view.name,
        "query": view.query,
        "team": view.team,
        "owner": view.owner,
        "position": view.position,
        "count": ticket_count(actor=agent, filters=filters),
    }


@views_router.get("", response=list[TicketViewOut])
def list_views(request: HttpRequest) -> list[dict[str, object]]:
    """The agent's saved views, their team's first, each with its count."""
    agent = request_agent(request)
    return [_view_out(agent, view) for view in ticket_views_for(actor=agent)]


@views_router.post("", response={201: TicketViewOut, 400: ErrorOut, 403: ErrorOut})
def create_view(request: HttpRequest, payload: TicketViewIn) -> Answer[dict[str, object]]:
    """Save filters as a view: the agent's own, or with `team_id` (a lead's) the team's."""
    agent = request_agent(request)
    team = None
    if payload.team_id is not None:
        team = team_by_id(team_id=payload.team_id)
        if team is None:
            raise Invalid("No team has this id.")
    view = ticket_view_create(actor=agent, name=payload.name, query=payload.query, team=team)
    return Answer(201, _view_out(agent, view))


@views_router.patch(
    "/{view_id}", response={200: TicketViewOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut}
)
def update_view(
    request: HttpRequest, view_id: RowId, payload: TicketViewPatchIn
) -> dict[str, object]:
    """Rename a view or set its place in its list."""
    agent = request_agent(request)
    view = access_ticket_view_by_id(actor=agent, view_id=view_id)
    ticket_view_update(actor=agent, view=view, name=payload.name, position=payload.position)
    return _view_out(agent, view)


@views_router.delete("/{view_id}", response={204: None, 403: ErrorOut, 404: ErrorOut})
def delete_view(request: HttpRequest, view_id: RowId) -> Answer[None]:
    """Remove a view."""
    agent = request_agent(request)
    ticket_view_delete(actor=agent, view=access_ticket_view_by_id(actor=agent, view_id=view_id))
    return Answer(204, None)


# The desk's texts to customers are settings: leads and admins write them, at /api/v1/desk-texts.
desk_text_router = Router(tags=["desk texts", "settings"], auth=LeadToken())

TextKey = Annotated[
    str, Path(max_length=30, description=" or ".join(f"`{key}`" for key in DeskTextKey.values))
]
LanguageCode = Annotated[str, Path(max_length=8, examples=["et"])]


def _desk_text(key: str, language: str) -> DeskTextShown:
    if key not in DeskTextKey.values:
        raise NotFound("Desk text not found.")
    if language not in dict(settings.LANGUAGES):
        raise NotFound("Desk text not found.")
    return desk_text_for(key=key, language=language)


@desk_text_router.get("", response=list[DeskTextOut])
def list_desk_texts(request: HttpRequest) -> list[DeskTextShown]:
    """Every desk text in every language the desk speaks."""
    return desk_texts_all()


@desk_text_router.get("/{key}/{language}", response={200: DeskTextOut, 404: ErrorOut})
def get_desk_text(request: HttpRequest, key: TextKey, language: LanguageCode) -> DeskTextShown:
    """One desk text in one language."""
    return _desk_text(key, language)


@desk_text_router.put(
    "/{key}/{language}", response={200: DeskTextOut, 400: ErrorOut, 404: ErrorOut}
)
def put_desk_text(
    request: HttpRequest, key: TextKey, language: LanguageCode, payload: DeskTextIn
) -> DeskTextShown:
    """Set a desk text's words in a language ("" for the built-in ones); 400 names a
    placeholder the text cannot fill."""
    _desk_text(key, language)
    desk_text_save(actor=request_agent(request), key=key, language=language, text=payload.text)
    return desk_text_for(key=key, language=language)
