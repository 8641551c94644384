"""At 100,000 tickets "next item" and take-next's claim read the first row of the queue's index,
with no sort, on the database the suite runs on, after the desk grew the way the issue that found
SQLite's plan going stale described: statistics taken at 1,000 tickets, then a hundredfold
growth, then the workers' upkeep. Rows are copied in by one statement (a few seconds in all):
at a few hundred rows every plan is fast and the wrong one does not show."""

from __future__ import annotations

import pytest
from django.db import connection

from frontdesk.accounts.models import User
from frontdesk.periodic.services import database_optimize, statistics_stale_tables
from frontdesk.tickets.constants import QUEUE_INDEX
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import queue_next_explained, queue_next_id
from tests import factories

pytestmark = pytest.mark.big


def _grow_to(size: int, *, template: Ticket, taker: User) -> None:
    """Copy `template` until there are `size` tickets: later arrivals, a fifth of them taken."""
    columns = [str(f.column) for f in Ticket._meta.concrete_fields if f.column != "id"]
    if connection.vendor == "sqlite":
        earlier = "datetime(t.queue_key, '-' || n.i || ' seconds')"
    else:
        earlier = "t.queue_key - n.i * interval '1 second'"
    made = {
        "reference": "'Q' || n.i",
        "queue_key": earlier,
        "assignee_id": f"CASE WHEN n.i %% 5 = 0 THEN {int(taker.pk)} END",
    }
    chosen = ", ".join(made.get(column, f"t.{column}") for column in columns)
    start = Ticket.objects.count()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO tickets_ticket ({', '.join(columns)})"  # noqa: S608 - our own columns
            " WITH RECURSIVE n(i) AS (SELECT %s UNION ALL SELECT i + 1 FROM n WHERE i < %s)"
            f" SELECT {chosen} FROM n, tickets_ticket t WHERE t.id = %s",
            [start + 1, size, template.pk],
        )


@pytest.mark.django_db
def test_next_and_take_next_read_the_queue_index_at_100000_tickets_after_growing() -> None:
    agent = factories.agent()
    taker = factories.agent()
    template = factories.ticket(subject="Where is my invoice?")
    _grow_to(1_000, template=template, taker=taker)
    database_optimize()  # the statistics the desk had when it was small
    _grow_to(100_000, template=template, taker=taker)

    database_optimize()  # the workers' upkeep (also run on start-up by `frontdesk migrate`)
    if connection.vendor == "postgresql":
        # PostgreSQL's own upkeep is autovacuum's analyse, which never sees a test's uncommitted
        # rows; the upkeep above re-analyses only tables never analysed, and whether it still
        # counts this one so depends on when the first analyse's statistics were published.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE tickets_ticket")

    assert Ticket.objects.count() == 100_000
    assert statistics_stale_tables() == []
    for plan in (queue_next_explained(agent=agent), queue_next_explained(agent=agent, claim=True)):
        assert QUEUE_INDEX in plan
        assert "TEMP B-TREE" not in plan  # SQLite's sort
        assert "Sort" not in plan  # PostgreSQL's
    free = Ticket.objects.filter(queue_key__isnull=False, assignee__isnull=True)
    assert (
        queue_next_id(agent=agent) == free.order_by("queue_key", "id").values("pk")[:1].get()["pk"]
    )
