from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from frontdesk.accounts.models import User
from frontdesk.customers.models import Interaction
from frontdesk.journal.models import FollowUp
from tests import factories

pytestmark = pytest.mark.django_db


def test_every_agent_page_has_the_log_bar(agent_client: Client) -> None:
    page = agent_client.get(reverse("routing:queue")).content.decode()
    assert 'name="line"' in page
    assert 'accesskey="l"' in page


def test_a_certain_line_is_logged_at_once(agent_client: Client) -> None:
    rami = factories.customer(name="Rami Cohen")
    answer = agent_client.post(reverse("journal:log"), {"line": "Rami Cohen. viruses. 9:30."})
    assert "Logged on Rami Cohen" in answer.content.decode()
    assert Interaction.objects.get(customer=rami, kind="note").summary == "viruses"


def test_an_uncertain_line_asks_and_then_logs_the_choice(agent_client: Client) -> None:
    factories.customer(name="Anna Kovač")
    tamm = factories.customer(name="Anna Tamm")
    asked = agent_client.post(reverse("journal:log"), {"line": "Anna. printer."}).content.decode()
    assert "could be" in asked
    assert f'value="{tamm.pk}"' in asked
    assert not Interaction.objects.filter(kind="note").exists()
    done = agent_client.post(
        reverse("journal:log"), {"line": "Anna. printer.", "customer_id": str(tamm.pk)}
    ).content.decode()
    assert "Logged on Anna Tamm" in done


@pytest.mark.parametrize("chosen", ["²", "9" * 30])
def test_a_choice_that_is_no_customer_id_asks_again(agent_client: Client, chosen: str) -> None:
    factories.customer(name="Anna Kovač")
    factories.customer(name="Anna Tamm")
    asked = agent_client.post(
        reverse("journal:log"), {"line": "Anna. printer.", "customer_id": chosen}
    )
    assert asked.status_code == 200
    assert "could be" in asked.content.decode()
    assert not Interaction.objects.filter(kind="note").exists()


def test_a_new_customer_is_created_only_when_ticked(agent_client: Client) -> None:
    asked = agent_client.post(reverse("journal:log"), {"line": "Zoltán Nagy. price list."})
    assert "a new customer" in asked.content.decode()
    done = agent_client.post(
        reverse("journal:log"), {"line": "Zoltán Nagy. price list.", "new_customer": "1"}
    )
    assert "Logged on Zoltán Nagy" in done.content.decode()


def test_the_promises_page_lists_open_follow_ups_and_unbacked_promises(
    agent: User, agent_client: Client
) -> None:
    from django.utils import timezone

    from frontdesk.customers.services import interaction_record
    from frontdesk.journal.services import follow_up_make

    rami = factories.customer(name="Rami Cohen")
    mari = factories.customer(name="Mari Maasikas")
    follow_up_make(
        customer=rami, owner=agent, text="send the new price list", due_at=timezone.now()
    )
    interaction_record(
        customer=mari, kind="call", summary="Helistan tagasi kell kolm.", agent=agent
    )
    interaction_record(customer=mari, kind="call", summary="Arve saadetud.", agent=agent)
    page = agent_client.get(reverse("journal:promises")).content.decode()
    assert "send the new price list" in page
    assert "Helistan tagasi kell kolm." in page
    assert "Arve saadetud." not in page


def test_a_line_whose_agent_field_names_nobody_warns_and_logs_nothing(agent_client: Client) -> None:
    factories.customer(name="Rami Cohen")
    page = agent_client.post(
        reverse("journal:log"), {"line": "Rami Cohen. Peeter Sepp. viruses. 9:30."}
    ).content.decode()
    assert "no agent called “Peeter Sepp”" in page
    assert not Interaction.objects.filter(kind="note").exists()


def test_namesakes_are_told_apart_by_email_phone_and_organisation(agent_client: Client) -> None:
    first = factories.customer(
        name="Helen Lepik", email="helen@lepik.ee", phone="+372 5555 0101", organisation="Lepik OÜ"
    )
    second = factories.customer(name="Helen Lepik", email="h.lepik@tartu.ee", organisation="")
    page = agent_client.post(reverse("journal:log"), {"line": "Helen Lepik. printer."})
    text = page.content.decode()
    assert f'value="{first.pk}"' in text
    assert f'value="{second.pk}"' in text
    for detail in ("helen@lepik.ee", "+372 5555 0101", "Lepik OÜ", "h.lepik@tartu.ee"):
        assert detail in text


def test_a_saved_line_tells_the_page_to_clear_the_bar(agent_client: Client) -> None:
    factories.customer(name="Rami Cohen")
    saved = agent_client.post(reverse("journal:log"), {"line": "Rami Cohen. viruses."})
    assert saved["HX-Trigger"] == "log-saved"
    asked = agent_client.post(reverse("journal:log"), {"line": "Zoltán Nagy. price list."})
    assert "HX-Trigger" not in asked


@pytest.mark.parametrize("due", ["0001-01-01T00:00", "9999-12-31T23:59", "1970-01-01T09:00"])
def test_a_promise_due_outside_the_coming_year_is_refused(
    settings: Settings, agent_client: Client, due: str
) -> None:
    settings.TIME_ZONE = "Europe/Tallinn"
    ticket = factories.ticket()
    answer = agent_client.post(
        reverse("journal:ticket_follow_up", args=[ticket.pk]),
        {"text": "call back", "due_at": due},
        follow=True,
    )
    assert answer.status_code == 200
    assert "Give a due time within the coming year." in answer.content.decode()
    assert not FollowUp.objects.exists()
