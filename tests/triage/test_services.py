from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from frontdesk.accounts.models import User
from frontdesk.engine.triage import Reason
from frontdesk.intake.flows import customer_message_add
from frontdesk.tickets.adapters import level_one_reason, reasons_to_rows
from frontdesk.tickets.choices import Status
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_set_status
from frontdesk.tickets.wording import reason_texts_english
from frontdesk.triage.models import TriageCorrection, TriageModel
from frontdesk.triage.services import model_retrain, triage_correct
from tests import factories
from tests.conftest import ApiClient, kept_tasks
from tests.triage.conftest import desk_history

pytestmark = pytest.mark.django_db


def test_a_new_ticket_is_triaged_with_reasons() -> None:
    ticket = factories.ticket(
        subject="Refund", body="You charged twice for my plan, this is unacceptable."
    )
    ticket.refresh_from_db()
    assert ticket.level == 1
    assert ticket.language == "en"
    assert ticket.tone is not None
    assert ticket.tone < 0
    assert "payment problem: charged twice" in reason_texts_english(ticket.reasons)


def test_a_polite_letter_weighing_another_provider_is_level_one_for_churn() -> None:
    ticket = factories.ticket(
        subject="Our renewal",
        body="Thanks for the years so far. Sadly another provider is cheaper; could we talk?",
    )
    ticket.refresh_from_db()
    assert ticket.level == 1
    assert reason_texts_english(ticket.reasons)[0] == "churn risk: “another provider”"
    assert level_one_reason(ticket) == Reason("churn", "another provider")


@pytest.mark.parametrize("code", ["money", "loss", "scope", "repeated"])
def test_every_level_one_reason_the_reading_gives_is_shown_for_the_level(code: str) -> None:
    ticket = factories.ticket()
    Ticket.objects.filter(pk=ticket.pk).update(
        level=1, reasons=reasons_to_rows((Reason("live", "phone"), Reason(code, "the words")))
    )
    ticket.refresh_from_db()
    assert level_one_reason(ticket) == Reason(code, "the words")


def test_a_quick_question_is_a_quick_win() -> None:
    ticket = factories.ticket(subject="Hours", body="What are your opening hours on Saturday?")
    ticket.refresh_from_db()
    assert ticket.quick_win is True
    assert ticket.effort_minutes is not None
    assert ticket.effort_minutes <= 5


def test_a_quick_win_taken_back_loses_its_reason() -> None:
    agent = factories.agent()
    ticket = factories.ticket(subject="Hours", body="What are your opening hours on Saturday?")
    ticket.refresh_from_db()
    triage_correct(ticket=ticket, agent=agent, level=1, quick_win=False)
    ticket.refresh_from_db()
    texts = reason_texts_english(ticket.reasons)
    assert texts[0] == f"level set by {agent.display_name}"
    assert not any(text.startswith("quick win") for text in texts)


def test_a_later_message_can_raise_the_level_but_never_lower_it() -> None:
    ticket = factories.ticket(subject="Export", body="How does the export work?")
    ticket.refresh_from_db()
    assert ticket.level == 4
    customer_message_add(
        ticket=ticket, customer=ticket.customer, text="Still nothing. Third time I ask!"
    )
    ticket.refresh_from_db()
    assert ticket.level == 1
    customer_message_add(ticket=ticket, customer=ticket.customer, text="Thanks, that helps.")
    ticket.refresh_from_db()
    assert ticket.level == 1


def test_a_correction_is_recorded_and_shown() -> None:
    agent = factories.agent()
    ticket = factories.ticket(subject="Question", body="About the plan for next year.")
    correction = triage_correct(ticket=ticket, agent=agent, level=2, quick_win=True)
    assert correction is not None
    assert (correction.level_before, correction.level_after) == (4, 2)
    ticket.refresh_from_db()
    assert (ticket.level, ticket.quick_win) == (2, True)
    assert reason_texts_english(ticket.reasons)[0] == f"level set by {agent.display_name}"
    assert triage_correct(ticket=ticket, agent=agent, level=2, quick_win=True) is None


def test_enough_corrections_retrain_the_model(
    settings: Settings, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    settings.TRIAGE_RETRAIN_EVERY = 2
    agent = factories.agent()
    desk_history(agent)
    tickets = [
        factories.ticket(subject="Plan", body=f"Question number {n} about the plan.")
        for n in range(2)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        for ticket in tickets:
            triage_correct(ticket=ticket, agent=agent, level=2, quick_win=False)
    assert TriageModel.objects.count() == 1
    assert TriageModel.objects.get().corrections == TriageCorrection.objects.count()


def test_a_batch_of_corrections_asks_for_one_retraining(
    settings: Settings, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    settings.TRIAGE_RETRAIN_EVERY = 3
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "mail"],
        }
    }
    agent = factories.agent()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(7):
            ticket = factories.ticket(subject="Plan", body=f"Question {n} about the plan.")
            triage_correct(ticket=ticket, agent=agent, level=2, quick_win=False)
    asked = [r for r in kept_tasks().results if r.task.name == "triage_retrain"]
    # After the 3rd and the 6th correction, not after every one from the 3rd on.
    assert len(asked) == 2


def test_the_learned_model_fills_in_where_the_rules_are_silent() -> None:
    agent = factories.agent()
    desk_history(agent)
    model = model_retrain()
    assert model is not None
    assert model.examples == 30
    assert model.accuracy is not None
    ticket = factories.ticket(
        subject="Printer setup", body="How do I connect printer model 99 to the app?"
    )
    ticket.refresh_from_db()
    assert ticket.level == 2
    assert reason_texts_english(ticket.reasons)[0].startswith(
        "learned from the desk's history: level 2, from "
    )


def test_the_learned_level_names_the_words_it_went_by(agent_client: Client) -> None:
    agent = factories.agent()
    desk_history(agent)
    model_retrain()
    ticket = factories.ticket(
        subject="Printer setup", body="How do I connect printer model 99 to the app?"
    )
    ticket.refresh_from_db()
    learned = ticket.reasons[0]
    assert learned["code"] == "learned"
    assert "printer" in learned["evidence"]
    assert reason_texts_english(ticket.reasons)[0].startswith(
        "learned from the desk's history: level 2, from “"
    )
    page = agent_client.get(f"/desk/tickets/{ticket.pk}/").content.decode()
    assert "“printer”" in page


def test_a_one_word_request_is_not_raised_by_the_desks_history() -> None:
    agent = factories.agent()
    # Every frozen screen came in as "Help" and was level 1 at this desk.
    for n in range(15):
        frozen = factories.ticket(subject="Help", body=f"Help! The screen froze again, case {n}.")
        triage_correct(ticket=frozen, agent=agent, level=1, quick_win=False)
        ticket_set_status(ticket=frozen, actor=agent, status=Status.SOLVED)
        chat = factories.ticket(
            subject="Hello there", body=f"Nice weather today number {n}, just saying hi."
        )
        ticket_set_status(ticket=chat, actor=agent, status=Status.SOLVED)
    assert model_retrain() is not None
    junk = factories.ticket(subject="Help", body="Help")
    junk.refresh_from_db()
    assert junk.level == 4
    assert "learned" not in {row["code"] for row in junk.reasons}


def test_too_little_history_trains_nothing() -> None:
    factories.ticket()
    assert model_retrain() is None
    assert TriageModel.objects.count() == 0


def test_an_agent_corrects_the_level_on_the_ticket_page(agent_client: Client, agent: User) -> None:
    ticket = factories.ticket(subject="Question", body="About the plan for next year.")
    response = agent_client.post(
        f"/desk/tickets/{ticket.pk}/properties/",
        {"level": 1, "quick_win": "on"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert f"level set by {agent.display_name}" in response.content.decode()
    assert TriageCorrection.objects.get().level_after == 1


def test_the_api_shows_triage_and_takes_corrections(api: ApiClient, agent: User) -> None:
    body = {
        "customer": {"name": "Eve", "email": "eve@example.com"},
        "channel": "email",
        "subject": "Locked out",
        "body": "My account locked since morning, nothing works.",
    }
    created = api.post("/api/v1/tickets", body).json()
    assert created["level"] == 1
    assert "blocked from working: account locked" in created["reasons"]
    assert created["language"] == "en"
    patched = api.patch(f"/api/v1/tickets/{created['id']}", {"level": 3}).json()
    assert patched["level"] == 3
    assert patched["reasons"][0] == f"level set by {agent.display_name}"
    assert TriageCorrection.objects.filter(ticket_id=created["id"]).count() == 1


def test_a_model_exported_from_the_desk_is_used_by_the_command(tmp_path: Path) -> None:
    from frontdesk.cli import main
    from frontdesk.engine.triage import LevelModel

    agent = factories.agent()
    desk_history(agent)
    assert main(["triage-model", "train"]) == 0
    path = tmp_path / "model.bin"
    assert main(["triage-model", "export", str(path)]) == 0
    model = LevelModel.load(path)
    assert model.predict("Printer setup", "How do I connect printer model 7?")[0] == 2
