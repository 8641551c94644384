from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.tickets.selectors import queue_weights
from tests import factories

pytestmark = pytest.mark.django_db

WEIGHTS = {"callback": 900, "level1": 300, "sla": 150, "quick": 100}
WEIGHTS |= {"key": 30, "level2": 10, "effort": 3, "sla_warning_minutes": 45}


@pytest.fixture
def lead_client() -> Client:
    client = Client()
    client.force_login(factories.agent(role="lead"))
    return client


def test_the_old_settings_address_leads_to_the_settings(lead_client: Client) -> None:
    answer = lead_client.get("/desk/queue/settings/")
    assert answer["Location"] == reverse("core:settings")


def test_agents_read_the_queue_order_and_only_leads_change_it(agent_client: Client) -> None:
    page = agent_client.get(reverse("queue_settings:weights")).content.decode()
    assert "You can read these settings" in page
    assert "Save queue order" not in page
    refused = agent_client.post(reverse("queue_settings:weights"), WEIGHTS)
    assert refused.status_code == 403


def test_a_lead_changes_the_queue_order(lead_client: Client) -> None:
    answer = lead_client.post(reverse("queue_settings:weights"), WEIGHTS)
    assert answer.status_code == 302
    weights = queue_weights()
    assert (weights.quick, weights.effort, weights.sla_warning_minutes) == (100, 3, 45)
    page = lead_client.get(reverse("queue_settings:weights")).content.decode()
    assert "Quick wins" in page  # the change record under the form names the weights


def test_weights_that_make_no_sense_are_refused_with_a_message(lead_client: Client) -> None:
    answer = lead_client.post(reverse("queue_settings:weights"), WEIGHTS | {"level1": 30_000})
    assert answer.status_code == 400
    assert "level1: a head start is between 0 and 10,000 hours" in answer.content.decode()
    assert queue_weights().level1 == 400


def test_an_effort_weight_beyond_a_day_per_halving_is_refused_on_the_form(
    lead_client: Client,
) -> None:
    answer = lead_client.post(reverse("queue_settings:weights"), WEIGHTS | {"effort": 30})
    assert answer.status_code == 400
    assert "less than or equal to 24" in answer.content.decode()
    assert queue_weights().effort == 2
