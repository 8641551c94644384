"""Test data, built with factory_boy through the services, so tests see what production code makes;
only rows of the past (a call that ended, a visit that was served) are written directly."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, TypedDict, Unpack
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from factory.base import Factory
from factory.declarations import LazyFunction, SubFactory
from factory.declarations import Sequence as Numbered
from factory.django import DjangoModelFactory

from frontdesk.accounts.choices import Assignment
from frontdesk.accounts.models import Team, User
from frontdesk.accounts.services import agent_create
from frontdesk.accounts.tokens import token_create, token_scope_cap
from frontdesk.customers.field_services import field_definition_save
from frontdesk.customers.models import Customer, FieldDefinition
from frontdesk.customers.services import customer_create
from frontdesk.engine.playbook import graph_from_steps, graph_to_data
from frontdesk.intake.flows import contact_open
from frontdesk.journal.models import LogCode
from frontdesk.journal.services import log_code_save
from frontdesk.live.choices import CallState, VisitState
from frontdesk.live.models import Call, Visit
from frontdesk.schedules.models import Playbook
from frontdesk.tickets.models import Ticket


class AgentFactory(Factory[User]):
    """An agent, made by the accounts service."""

    class Meta:
        model = User

    username = Numbered(lambda n: f"agent{n}")
    role = "agent"
    password = "pw-for-tests"
    full_name = Numbered(lambda n: f"Agent Number{n}")
    language = "en"

    @classmethod
    def _create(cls, model_class: type[User], *args: Any, **kwargs: Any) -> User:
        return agent_create(**kwargs)


class CustomerFactory(Factory[Customer]):
    """A customer the desk has known for a year, made by the customers service."""

    class Meta:
        model = Customer

    name = Numbered(lambda n: f"Customer {n}")
    email = Numbered(lambda n: f"customer{n}@example.com")
    language = ""
    first_seen = LazyFunction(lambda: timezone.now() - timedelta(days=365))

    @classmethod
    def _create(cls, model_class: type[Customer], *args: Any, **kwargs: Any) -> Customer:
        return customer_create(**kwargs)


class TicketFactory(Factory[Ticket]):
    """A ticket a new customer opened on the web, made by the intake flow."""

    class Meta:
        model = Ticket

    customer = SubFactory(CustomerFactory)
    subject = "Where is my invoice?"
    body = "Please send it again."
    channel = "web"

    @classmethod
    def _create(cls, model_class: type[Ticket], *args: Any, **kwargs: Any) -> Ticket:
        return contact_open(**kwargs)


class TeamFactory(DjangoModelFactory[Team]):
    """A team that pulls its work; no service sets a team's assignment, the admin does."""

    class Meta:
        model = Team

    name = Numbered(lambda n: f"Team {n}")
    assignment = Assignment.PULL


class LogCodeFactory(Factory[LogCode]):
    """A code agents write in log lines, saved by the journal service."""

    class Meta:
        model = LogCode

    word = Numbered(lambda n: f"code{n}")
    text = "call back promised"
    follow_up_minutes = None

    @classmethod
    def _create(cls, model_class: type[LogCode], *args: Any, **kwargs: Any) -> LogCode:
        return log_code_save(**kwargs)


class CallFactory(DjangoModelFactory[Call]):
    """A phone call the phone system has ended: a row of the past, as the call services left it."""

    class Meta:
        model = Call

    call_id = Numbered(lambda n: f"call-{n}")
    state = CallState.ENDED


class VisitFactory(DjangoModelFactory[Visit]):
    """A visit that was served: a row of the past, as the visit services left it."""

    class Meta:
        model = Visit

    number = Numbered(lambda n: n + 1)
    state = VisitState.DONE


class AgentDetails(TypedDict, total=False):
    """What a test may say about an agent."""

    role: str
    username: str
    password: str
    full_name: str
    language: str
    email: str


class CustomerDetails(TypedDict, total=False):
    """What a test may say about a customer."""

    name: str
    email: str
    language: str
    phone: str
    organisation: str
    is_key: bool
    first_seen: datetime | None


class TicketDetails(TypedDict, total=False):
    """What a test may say about a ticket beyond its customer."""

    subject: str
    body: str
    channel: str
    language: str
    files: Sequence[UploadedFile]
    acknowledge: bool
    created_at: datetime | None
    team_id: int | None


class TeamDetails(TypedDict, total=False):
    """What a test may say about a team beyond its members."""

    name: str
    assignment: str


class LogCodeDetails(TypedDict, total=False):
    """What a test may say about a log code."""

    word: str
    text: str
    follow_up_minutes: int | None


class CallDetails(TypedDict, total=False):
    """What a test may say about an ended call."""

    call_id: str
    state: str
    answered_at: datetime | None
    ended_at: datetime | None
    timed_out_at: datetime | None
    ticket: Ticket | None
    customer: Customer | None
    from_number: str


class VisitDetails(TypedDict, total=False):
    """What a test may say about a served visit."""

    number: int
    state: str
    served_at: datetime | None
    done_at: datetime | None
    timed_out_at: datetime | None
    ticket: Ticket | None
    name: str
    email: str


def agent(**details: Unpack[AgentDetails]) -> User:
    return AgentFactory.create(**details)


def customer(**details: Unpack[CustomerDetails]) -> Customer:
    return CustomerFactory.create(**details)


def ticket(*, customer_: Customer | None = None, **details: Unpack[TicketDetails]) -> Ticket:
    """A ticket for `customer_`, or for a new customer."""
    return TicketFactory.create(customer=customer_ or CustomerFactory.create(), **details)


def team(*, members: Sequence[User] = (), **details: Unpack[TeamDetails]) -> Team:
    made = TeamFactory.create(**details)
    made.members.add(*members)
    return made


def log_code(**details: Unpack[LogCodeDetails]) -> LogCode:
    return LogCodeFactory.create(**details)


def call(**details: Unpack[CallDetails]) -> Call:
    return CallFactory.create(**details)


def visit(**details: Unpack[VisitDetails]) -> Visit:
    return VisitFactory.create(**details)


def custom_field(
    *,
    key: str,
    kind: str = "text",
    target: str = "ticket",
    choices: Sequence[str] = (),
    required: bool = False,
    active: bool = True,
    label: str = "",
) -> FieldDefinition:
    """A custom field a lead defined, through the service."""
    lead = User.objects.filter(role="lead", is_active=True).first() or agent(role="lead")
    return field_definition_save(
        actor=lead,
        target=target,
        key=key,
        label=label or key.replace("_", " ").capitalize(),
        kind=kind,
        choices=choices,
        required=required,
        active=active,
    )


def api_token(user: User, *, scope: str | None = None, days: int | None = None) -> str:
    """A token of the agent; by default of the most their role allows."""
    return token_create(
        user=user, scope=scope or token_scope_cap(role=user.role), name="test", days=days
    )


def playbook(
    *, moment: str, language: str = "en", steps: Sequence[tuple[str, str]] = ()
) -> Playbook:
    """A playbook for a moment, as the data migration ships them (a test database emptied
    between tests has lost those)."""
    steps = steps or [("Say when the break ends.", "I will be back at {end}.")]
    return Playbook.objects.get_or_create(
        moment=moment,
        language=language,
        defaults={
            "title": moment,
            "graph": graph_to_data(graph_from_steps([{"do": d, "say": s} for d, s in steps])),
        },
    )[0]


def playbooks_shipped() -> None:
    """The break rules and playbooks (flowcharts in five languages) the data migrations ship,
    for tests whose tables were emptied; only what is missing is added."""
    from django.apps import apps

    importlib.import_module(
        "frontdesk.schedules.migrations.0002_playbooks_and_break_rules"
    ).rules_add(apps)
    importlib.import_module("frontdesk.schedules.migrations.0003_playbook_graphs").playbooks_add(
        apps
    )


def shift_around(*, lead: User, agent: User, now: datetime) -> None:
    """Give the agent a shift today from an hour before `now` to three hours after it (past
    midnight too), so tests read the real clock without caring what time it is."""
    from frontdesk.schedules.services import shift_change_set

    begins = now - timedelta(hours=1)
    shift_change_set(
        actor=lead,
        agent=agent,
        day=begins.date(),
        off=False,
        start=begins.time().replace(second=0, microsecond=0),
        end=(now + timedelta(hours=3)).time().replace(second=0, microsecond=0),
        time_zone="UTC",
    )


def desk_open(*, lead: User, now: datetime) -> ZoneInfo:
    """Open the desk every day, 00:00–23:59, in a time zone where `now` is about noon, so that
    tests on the real clock find it open whatever the hour; the zone, to read times shown in."""
    from frontdesk.sla.services import business_hours_set

    offset = 12 - now.astimezone(UTC).hour  # -11 to 12; Etc/GMT-2 is two hours east of UTC
    name = f"Etc/GMT{-offset:+d}" if offset else "Etc/GMT"
    business_hours_set(
        actor=lead,
        team=None,
        time_zone=name,
        windows={str(day): [["00:00", "23:59"]] for day in range(7)},
    )
    return ZoneInfo(name)
