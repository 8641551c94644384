"""A log line meant for an absent colleague: they are told, and what it asks of them is theirs."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.accounts.services import agent_deactivate, presence_set
from frontdesk.core.errors import Forbidden
from frontdesk.customers.models import Customer
from frontdesk.engine.journal import ASKED_FOLLOW_UP_AFTER
from frontdesk.journal.models import ColleagueNote, FollowUp
from frontdesk.journal.selectors import colleague_notes_waiting
from frontdesk.journal.services import colleague_note_done, log_code_save, log_line_save
from frontdesk.tickets.choices import QueueKind
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db

# A Monday morning at the desk (Europe/Tallinn by default), 09:00 in UTC.
NOW = datetime(2026, 11, 23, 11, 0, tzinfo=ZoneInfo("Europe/Tallinn"))


@pytest.fixture
def kati() -> User:
    return factories.agent(username="kati", full_name="Kati Tamm")


@pytest.fixture
def eli() -> User:
    return factories.agent(username="eli", full_name="Eli Levi", password="eli-password-1")


@pytest.fixture
def rami() -> Customer:
    return factories.customer(name="Rami Cohen")


def test_a_line_naming_a_colleague_leaves_them_a_note(
    kati: User, eli: User, rami: Customer
) -> None:
    saved = log_line_save(line="Rami Cohen.  Eli Levi. viruses. 9:30.", writer=kati, now=NOW)
    note = ColleagueNote.objects.get()
    assert (note.agent, note.writer, note.customer, note.interaction) == (eli, kati, rami, saved)
    assert note.line == "Rami Cohen. Eli Levi. viruses. 9:30."
    assert note.follow_up is None
    assert not FollowUp.objects.exists()
    assert list(colleague_notes_waiting(agent=eli)) == [note]
    assert list(colleague_notes_waiting(agent=kati)) == []


def test_a_line_asking_a_colleague_to_call_back_is_their_follow_up(
    kati: User, eli: User, rami: Customer
) -> None:
    log_line_save(line="Rami Cohen. Eli Levi. viruses, call him back.", writer=kati, now=NOW)
    note = ColleagueNote.objects.select_related("follow_up__ticket").get()
    follow_up = note.follow_up
    assert follow_up is not None
    assert (follow_up.owner, follow_up.customer) == (eli, rami)
    assert follow_up.due_at == NOW + ASKED_FOLLOW_UP_AFTER
    assert follow_up.text == "viruses, call him back"
    ticket = follow_up.ticket
    assert (ticket.assignee, ticket.queue_kind) == (eli, QueueKind.FOLLOW_UP)
    # The follow-up's ticket carries the line as the writer typed it, by the writer.
    written = ticket.messages.get(author_agent=kati)
    assert written.text == "Rami Cohen. Eli Levi. viruses, call him back."


@pytest.mark.parametrize(
    ("line", "due"),
    [
        ("Rami Cohen. Eli Levi. cb.", NOW + timedelta(minutes=90)),
        ("Rami Cohen. Eli Levi. visszahívni. 15:00.", NOW.replace(hour=15)),
        ("Rami Cohen. Eli Levi. לחזור אליו.", NOW + ASKED_FOLLOW_UP_AFTER),
    ],
)
def test_a_promise_code_or_a_time_sets_when_the_colleagues_follow_up_is_due(
    kati: User, eli: User, rami: Customer, line: str, due: datetime
) -> None:
    log_code_save(word="cb", text="call back promised", follow_up_minutes=90)
    log_line_save(line=line, writer=kati, now=NOW)
    follow_up = FollowUp.objects.get()
    assert (follow_up.owner, follow_up.due_at) == (eli, due)
    assert ColleagueNote.objects.get().follow_up == follow_up


@pytest.mark.parametrize(
    "line",
    ["Rami Cohen. viruses, call him back.", "Rami Cohen. Kati Tamm. viruses, call him back."],
)
def test_the_writers_own_line_tells_no_one_and_makes_no_follow_up_of_words(
    kati: User, eli: User, rami: Customer, line: str
) -> None:
    log_line_save(line=line, writer=kati, now=NOW)
    assert not ColleagueNote.objects.exists()
    assert not FollowUp.objects.exists()


def test_a_note_waits_while_its_agent_is_away_until_they_mark_it_done(
    kati: User, eli: User, rami: Customer
) -> None:
    presence_set(agent=eli, state="away")
    log_line_save(line="Rami Cohen. Eli Levi. viruses.", writer=kati, now=NOW)
    presence_set(agent=eli, state="available")
    note = colleague_notes_waiting(agent=eli).get()
    with pytest.raises(Forbidden):
        colleague_note_done(note=note, agent=kati)
    done = colleague_note_done(note=note, agent=eli)
    first = done.done_at
    assert first is not None
    assert colleague_note_done(note=note, agent=eli).done_at == first
    assert list(colleague_notes_waiting(agent=eli)) == []


def test_a_second_press_read_before_the_first_keeps_the_first_time(
    kati: User, eli: User, rami: Customer
) -> None:
    log_line_save(line="Rami Cohen. Eli Levi. viruses.", writer=kati, now=NOW)
    first_tab, second_tab = ColleagueNote.objects.get(), ColleagueNote.objects.get()

    first = colleague_note_done(note=first_tab, agent=eli).done_at
    second = colleague_note_done(note=second_tab, agent=eli).done_at

    assert first is not None
    assert second == first == ColleagueNote.objects.get().done_at


def test_the_queue_shows_the_note_with_the_line_the_customer_and_links(
    kati: User, eli: User, rami: Customer
) -> None:
    log_line_save(line="Rami Cohen. Eli Levi. viruses, call him back.", writer=kati, now=NOW)
    client = Client()
    client.force_login(eli)
    page = client.get(reverse("routing:queue")).content.decode()
    note = ColleagueNote.objects.get()
    assert "Kati Tamm logged this for you" in page
    # Field by field, each in its own direction: a Hebrew name beside English words reads right.
    assert "<bdi>Rami Cohen</bdi>. <bdi>Eli Levi</bdi>. <bdi>viruses, call him back</bdi>." in page
    assert reverse("customers:detail", args=[rami.pk]) in page
    assert reverse("tickets:detail", args=[note.follow_up.ticket_id]) in page  # type: ignore[union-attr]
    done = client.post(
        reverse("journal:note_done", args=[note.pk]), {"next": reverse("routing:queue")}
    )
    assert done.status_code == 302
    assert done["Location"] == reverse("routing:queue")
    assert "logged this for you" not in client.get(reverse("routing:queue")).content.decode()
    done_page = client.get(reverse("journal:notes")).content.decode()
    assert "<bdi>Rami Cohen</bdi>. <bdi>Eli Levi</bdi>." in done_page


def test_another_agents_note_is_not_found(kati: User, eli: User, rami: Customer) -> None:
    log_line_save(line="Rami Cohen. Eli Levi. viruses.", writer=kati, now=NOW)
    note = ColleagueNote.objects.get()
    client = Client()
    client.force_login(kati)
    assert client.post(reverse("journal:note_done", args=[note.pk])).status_code == 404
    assert client.post(reverse("journal:note_done", args=[note.pk + 1])).status_code == 404
    note.refresh_from_db()
    assert note.done_at is None


def test_the_log_bar_says_who_finds_the_line_and_owns_the_follow_up(
    kati: User, eli: User, rami: Customer
) -> None:
    client = Client()
    client.force_login(kati)
    told = client.post(reverse("journal:log"), {"line": "Rami Cohen. Eli Levi. viruses."})
    assert "Eli Levi finds it in their queue." in told.content.decode()
    owned = client.post(
        reverse("journal:log"), {"line": "Rami Cohen. Eli Levi. printer, call him back."}
    ).content.decode()
    assert "Eli Levi finds it in their queue, and the follow-up is theirs, due" in owned
    mine = client.post(reverse("journal:log"), {"line": "Rami Cohen. toner."}).content.decode()
    assert "finds it in their queue" not in mine


def test_the_log_bar_says_it_before_an_uncertain_line_is_saved(
    kati: User, eli: User, rami: Customer
) -> None:
    factories.customer(name="Rami Cohn")
    client = Client()
    client.force_login(kati)
    asked = client.post(
        reverse("journal:log"), {"line": "Rami. Eli Levi. printer, helista tagasi."}
    ).content.decode()
    assert "log-choice" in asked
    assert "Eli Levi will find it in their queue, and the follow-up will be theirs." in asked


def test_the_api_tells_the_colleague_and_lists_and_closes_their_notes(
    kati: User, eli: User, rami: Customer
) -> None:
    as_kati = ApiClient(factories.api_token(kati))
    as_eli = ApiClient(factories.api_token(eli))
    dry = as_kati.post(
        "/api/v1/journal/log", {"line": "Rami Cohen. Eli Levi. nazvati.", "dry_run": True}
    ).json()
    assert dry["colleague"] == {"id": eli.pk, "name": "Eli Levi"}
    assert dry["asks"] == ["nazvati"]
    assert [action["kind"] for action in dry["actions"]] == ["follow-up"]
    assert (dry["note_id"], dry["follow_up_id"]) == (None, None)
    assert not ColleagueNote.objects.exists()

    saved = as_kati.post("/api/v1/journal/log", {"line": "Rami Cohen. Eli Levi. nazvati."}).json()
    note = ColleagueNote.objects.get()
    assert (saved["note_id"], saved["follow_up_id"]) == (note.pk, note.follow_up_id)
    assert FollowUp.objects.get(pk=saved["follow_up_id"]).owner == eli

    waiting = as_eli.get("/api/v1/journal/notes").json()
    assert [(row["id"], row["writer"], row["customer"]) for row in waiting] == [
        (note.pk, "Kati Tamm", "Rami Cohen")
    ]
    assert as_kati.get("/api/v1/journal/notes").json() == []
    refused = as_kati.post(f"/api/v1/journal/notes/{note.pk}/done", {})
    assert (refused.status_code, refused.json()) == (404, {"detail": "Note not found."})
    done = as_eli.post(f"/api/v1/journal/notes/{note.pk}/done", {})
    assert done.status_code == 200
    assert done.json()["done_at"] is not None
    assert as_eli.get("/api/v1/journal/notes").json() == []


def test_a_self_line_over_the_api_names_no_colleague(kati: User, rami: Customer) -> None:
    answer = ApiClient(factories.api_token(kati)).post(
        "/api/v1/journal/log", {"line": "Rami Cohen. call him back."}
    )
    assert answer.json()["colleague"] is None
    assert answer.json()["note_id"] is None


def test_an_agent_who_leaves_hands_their_waiting_notes_to_the_lead(
    kati: User, eli: User, rami: Customer
) -> None:
    lead = factories.agent(role="lead", full_name="Lea Lead")
    log_line_save(line="Rami Cohen. Eli Levi. viruses.", writer=kati, now=NOW)
    log_line_save(line="Rami Cohen. Eli Levi. toner.", writer=kati, now=NOW)
    colleague_note_done(note=ColleagueNote.objects.get(line__contains="toner"), agent=eli)

    released = agent_deactivate(actor=lead, agent=eli)

    assert "1 note from colleagues handed to Lea Lead." in released
    assert [note.line for note in colleague_notes_waiting(agent=lead)] == [
        "Rami Cohen. Eli Levi. viruses."
    ]
    assert ColleagueNote.objects.get(line__contains="toner").agent == eli
