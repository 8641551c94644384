"""SQLite's write transactions take turns on a lock file beside the database."""

from __future__ import annotations

import fcntl
import os

import pytest
from django.db import connection, transaction

from frontdesk.customers.models import Customer

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the turns are SQLite's; PostgreSQL has row locks"
)


def turn_free() -> bool:
    """Whether another writer could take the turn now."""
    descriptor = os.open(f"{connection.settings_dict['NAME']}-writer", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)
    return True


@pytest.mark.django_db(transaction=True)
def test_a_transaction_holds_the_turn_until_it_commits() -> None:
    assert turn_free()
    with transaction.atomic():
        Customer.objects.create(name="Mari")
        assert not turn_free()
        with transaction.atomic():  # a savepoint inside keeps it
            Customer.objects.create(name="Jaan")
        assert not turn_free()
    assert turn_free()
    assert Customer.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_transaction_that_fails_gives_its_turn_back() -> None:
    def fails() -> None:
        with transaction.atomic():
            Customer.objects.create(name="Mari")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fails()
    assert turn_free()
    assert not Customer.objects.exists()
