"""The queue's weights, as leads change them."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from frontdesk.tickets.models import QueueSettings
from frontdesk.tickets.services import queue_weights_set
from tests import factories

CHANGES = {"callback": 900.0, "level1": 300.0, "sla": 150.0, "quick": 60.0, "key": 30.0}


@pytest.mark.django_db(transaction=True)
def test_leads_saving_the_first_weights_at_once_keep_one_row_with_every_change() -> None:
    leads = {name: factories.agent(role="lead") for name in CHANGES}
    errors: list[BaseException] = []
    start = threading.Barrier(len(leads))

    def save(name: str) -> None:
        try:
            start.wait()
            queue_weights_set(actor=leads[name], values={name: CHANGES[name]})
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(name,)) for name in CHANGES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert QueueSettings.objects.count() == 1
    assert QueueSettings.objects.get().weights == CHANGES
