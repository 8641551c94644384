"""Test data, built through the services so tests see what production code makes."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TypedDict, Unpack
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.accounts.services import agent_create, token_create
from frontdesk.customers.models import Customer
from frontdesk.customers.services import customer_create
from frontdesk.intake.flows import contact_open
from frontdesk.tickets.models import Ticket

_numbers = itertools.count(1)


class CustomerDetails(TypedDict, total=False):
    """What a test may say about a customer beyond the name, address and language."""

    phone: str
    organisation: str
    is_key: bool
    first_seen: datetime | None


class TicketDetails(TypedDict, total=False):
    """What a test may say about a ticket beyond its customer, subject, body and channel."""

    language: str
    files: Sequence[UploadedFile]
    acknowledge: bool
    created_at: datetime | None


def agent(
    *,
    role: str = "agent",
    username: str | None = None,
    password: str = "pw-for-tests",
    language: str = "en",
) -> User:
    number = next(_numbers)
    return agent_create(
        username=username or f"agent{number}",
        role=role,
        password=password,
        full_name=f"Agent Number{number}",
        language=language,
    )


def customer(
    *,
    name: str | None = None,
    email: str | None = None,
    language: str = "",
    **kwargs: Unpack[CustomerDetails],
) -> Customer:
    """A customer the desk has known for a year, unless `first_seen` says otherwise."""
    number = next(_numbers)
    kwargs.setdefault("first_seen", timezone.now() - timedelta(days=365))
    return customer_create(
        name=name or f"Customer {number}",
        email=email if email is not None else f"customer{number}@example.com",
        language=language,
        **kwargs,
    )


def ticket(
    *,
    customer_: Customer | None = None,
    subject: str = "Where is my invoice?",
    body: str = "Please send it again.",
    channel: str = "web",
    **kwargs: Unpack[TicketDetails],
) -> Ticket:
    return contact_open(
        customer=customer_ or customer(),
        subject=subject,
        body=body,
        channel=channel,
        **kwargs,
    )


def api_token(user: User) -> str:
    return token_create(user=user)


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
