from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.routing.selectors import sweep_of
from tests import factories

pytestmark = pytest.mark.django_db

# A double charge told at length, with three questions: urgent and hard at once.
DOUBLE_CHARGE = (
    "You charged me twice this month, see attached. Since the update the import shows an error "
    "message. Why was I charged twice? When will the money come back? Who do I talk to?"
)
HARD = (
    "Since the update the import shows an error message, see attached. "
    "We checked the bank file and the rows, and there are three other problems too?"
)


def test_the_sweep_puts_level_one_first_and_never_among_the_hard_cases(agent: User) -> None:
    urgent = factories.ticket(subject="Charged twice", body=DOUBLE_CHARGE)
    hard = factories.ticket(subject="Import", body=HARD)
    urgent.refresh_from_db()
    assert urgent.level == 1
    assert "hard" in {row["code"] for row in urgent.reasons}
    sweep = sweep_of(agent=agent)
    assert urgent not in sweep.hard
    assert hard in sweep.hard
    assert sweep.urgent == [urgent]


def test_the_sweep_page_offers_no_holding_reply_for_level_one(agent_client: Client) -> None:
    urgent = factories.ticket(subject="Charged twice", body=DOUBLE_CHARGE)
    hard = factories.ticket(subject="Import", body=HARD)
    page = agent_client.get(reverse("routing:sweep")).content.decode()
    assert reverse("macros:hold", kwargs={"ticket_id": urgent.pk}) not in page
    assert reverse("macros:hold", kwargs={"ticket_id": hard.pk}) in page
    assert page.index(urgent.reference) < page.index(hard.reference)
    assert "level 1: payment problem: charged twice" in page
