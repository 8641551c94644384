"""Several workers running the campaigns job at the same moment send each recipient one mail."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection
from django.utils import timezone

from frontdesk.mail.models import OutboundMail
from frontdesk.outreach.choices import CampaignStatus, RecipientStatus
from frontdesk.outreach.constants import RECIPIENT_MAIL
from frontdesk.outreach.models import CampaignRecipient
from frontdesk.outreach.services import campaigns_send_due
from tests import factories
from tests.outreach.helpers import scheduled

WORKERS = 4
CUSTOMERS = 30


@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_of_the_job_never_send_a_recipient_twice() -> None:
    lead = factories.agent(role="lead")
    for n in range(CUSTOMERS):
        factories.customer(email=f"reader{n}@example.com")
    campaign = scheduled(lead=lead)
    errors: list[BaseException] = []
    start = threading.Barrier(WORKERS)

    def work() -> None:
        try:
            start.wait()
            for _run in range(3):
                campaigns_send_due(now=timezone.now())
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    mails = Counter(
        OutboundMail.objects.filter(about=RECIPIENT_MAIL).values_list("about_id", flat=True)
    )
    assert len(mails) == CUSTOMERS
    assert max(mails.values()) == 1
    assert CampaignRecipient.objects.filter(status=RecipientStatus.SENT).count() == CUSTOMERS
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.SENT
