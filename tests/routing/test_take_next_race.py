"""Several agents pressing "take next" at the same moment never get the same item, and none of
them is told the queue is empty while work is free."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection, transaction

from frontdesk.accounts.models import User
from frontdesk.accounts.services import presence_set
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_take_next
from tests import factories

AGENTS = 4
TICKETS = 240
# Many agents pressing at once, each a number of times, with more free work than they take:
# every press must hand out an item. Before a lost race moved on to the next candidate for as
# long as there was one, PostgreSQL runs of this size had an agent told "nothing waiting" on
# every run.
RUSHING_AGENTS = 24
PRESSES = 15
FREE = RUSHING_AGENTS * PRESSES + 40


@pytest.mark.django_db(transaction=True)
def test_concurrent_take_next_never_hands_out_an_item_twice() -> None:
    customer = factories.customer()
    for n in range(TICKETS):
        factories.ticket(customer_=customer, subject=f"Question {n}", body="Plans for next year?")
    agents = [factories.agent() for _ in range(AGENTS)]
    for agent in agents:
        presence_set(agent=agent, state="available")
    taken: dict[int, list[int]] = {agent.pk: [] for agent in agents}
    errors: list[BaseException] = []
    start = threading.Barrier(AGENTS)

    def work(agent: User) -> None:
        try:
            start.wait()
            while (ticket := ticket_take_next(agent=agent)) is not None:
                taken[agent.pk].append(ticket.pk)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(agent,)) for agent in agents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    handed_out = Counter(pk for pks in taken.values() for pk in pks)
    assert len(handed_out) == TICKETS
    assert max(handed_out.values()) == 1
    # The database agrees with what each agent was told.
    for agent in agents:
        assert set(Ticket.objects.filter(assignee=agent).values_list("pk", flat=True)) == set(
            taken[agent.pk]
        )
    # More than one agent got work: they really did run at once.
    assert sum(1 for pks in taken.values() if pks) > 1


@pytest.mark.django_db(transaction=True)
def test_agents_taking_at_once_are_never_told_the_queue_is_empty_while_work_is_free() -> None:
    customer = factories.customer()
    for n in range(FREE):
        factories.ticket(customer_=customer, subject=f"Question {n}", body="Plans for next year?")
    agents = [factories.agent() for _ in range(RUSHING_AGENTS)]
    for agent in agents:
        presence_set(agent=agent, state="available")
    answers: list[tuple[int, Ticket | None]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(RUSHING_AGENTS)

    def work(agent: User) -> None:
        try:
            start.wait()
            for _press in range(PRESSES):
                answers.append((agent.pk, ticket_take_next(agent=agent)))
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(agent,)) for agent in agents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    told_empty = [agent_id for agent_id, ticket in answers if ticket is None]
    taken = [ticket.pk for _agent_id, ticket in answers if ticket is not None]
    assert told_empty == []
    assert len(taken) == len(set(taken)) == RUSHING_AGENTS * PRESSES
    assert Ticket.objects.filter(assignee__isnull=True).count() == FREE - len(taken)


@pytest.mark.django_db(transaction=True)
def test_take_next_waits_for_free_items_another_writer_holds_instead_of_saying_none() -> None:
    # A reorder, a merge or an edit holds row locks on free items without taking them. Passing
    # over locked rows is how agents avoid queueing behind each other, but when every free item
    # was locked, take-next on PostgreSQL answered "nothing waiting" with all of them free.
    customer = factories.customer()
    for n in range(3):
        factories.ticket(customer_=customer, subject=f"Question {n}", body="Plans for next year?")
    agent = factories.agent()
    presence_set(agent=agent, state="available")
    locked = threading.Event()
    answered = threading.Event()
    answers: list[Ticket | None] = []

    def hold_every_free_item() -> None:
        try:
            with transaction.atomic():
                list(Ticket.objects.select_for_update().filter(assignee__isnull=True))
                locked.set()
                # Long enough for the take to meet the locks; it must wait, not answer.
                answered.wait(timeout=1)
        finally:
            connection.close()

    def take() -> None:
        try:
            locked.wait()
            answers.append(ticket_take_next(agent=agent))
            answered.set()
        finally:
            connection.close()

    threads = [threading.Thread(target=hold_every_free_item), threading.Thread(target=take)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(answers) == 1
    assert answers[0] is not None
    assert Ticket.objects.filter(assignee=agent).count() == 1
