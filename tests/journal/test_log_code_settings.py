"""The lead's log codes: checked words, the settings page and the API (by id or word)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.core.changes import change_list, changes_read
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.journal.models import LogCode
from frontdesk.journal.services import log_code_create, log_code_problems
from tests import factories
from tests.conftest import signed_in, token_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("word", "problem"),
    [
        ("call back", "A code is one word"),
        ("cb.", "A code is one word"),
        ("930", "A number reads as a time of day"),
        ("Morning", "is a time of day in the log line"),
        ("délután", "is a time of day in the log line"),
        ("CB", "There is a code “CB” already."),
    ],
)
def test_a_word_the_log_line_reads_otherwise_or_another_code_has_is_refused(
    word: str, problem: str
) -> None:
    factories.log_code(word="cb", text="call back")

    problems = log_code_problems(word=word, text="x", follow_up_minutes=None)

    assert problem in problems["word"]


def test_a_promise_falls_due_some_minutes_later_within_a_year() -> None:
    assert "follow_up_minutes" in log_code_problems(word="x", text="x", follow_up_minutes=0)
    assert "follow_up_minutes" in log_code_problems(word="x", text="x", follow_up_minutes=600_000)
    assert log_code_problems(word="x", text="x", follow_up_minutes=120) == {}


def test_only_a_lead_adds_a_code(lead: User) -> None:
    with pytest.raises(Forbidden):
        log_code_create(actor=factories.agent(), word="cb", text="call back")
    with pytest.raises(Invalid, match="word: "):
        log_code_create(actor=lead, word="now", text="at once")

    assert log_code_create(actor=lead, word=" CB ", text="call back").word == "cb"


def test_the_page_lists_word_stands_for_and_promise_and_a_lead_adds_one(lead: User) -> None:
    factories.log_code(word="cb", text="call back", follow_up_minutes=120)
    client = signed_in(lead)

    added = client.post(
        reverse("journal:log_codes"), {"word": "vm", "text": "voicemail", "follow_up_minutes": ""}
    )
    page = client.get(reverse("journal:log_codes")).content.decode()

    assert added.status_code == 302
    assert LogCode.objects.get(word="vm").follow_up_minutes is None
    assert "call back" in page
    assert "due after 120 minutes" in page
    assert "voicemail" in page


def test_a_refused_word_is_said_next_to_the_field_and_the_rest_is_kept(lead: User) -> None:
    page = signed_in(lead).post(
        reverse("journal:log_codes"),
        {"word": "noon", "text": "lunch call", "follow_up_minutes": "30"},
    )

    assert page.status_code == 400
    assert "is a time of day in the log line" in page.context["form"].errors["word"][0]
    assert "lunch call" in page.content.decode()
    assert not LogCode.objects.filter(word="noon").exists()


def test_a_lead_changes_a_code_and_the_change_is_recorded(lead: User) -> None:
    code = factories.log_code(word="cb", text="call back", follow_up_minutes=120)
    client = signed_in(lead)

    client.post(
        reverse("journal:log_code_edit", args=[code.pk]),
        {"word": "cb", "text": "call back", "follow_up_minutes": "60"},
    )

    change = changes_read(change_list(model=LogCode, object_id=code.pk))[0]
    assert change.who == "Lea Lead"
    fields = {field.label: (field.before, field.after) for field in change.fields}
    assert fields["follow-up after (minutes)"] == ("120", "60")
    page = client.get(reverse("journal:log_code_edit", args=[code.pk])).content.decode()
    assert "Recent changes" in page


def test_an_agent_reads_the_codes_and_may_not_change_them() -> None:
    code = factories.log_code(word="cb", text="call back")
    agent = signed_in(factories.agent())

    page = agent.get(reverse("journal:log_code_edit", args=[code.pk]))

    assert page.status_code == 200
    assert all(field.disabled for field in page.context["form"].fields.values())
    assert agent.post(reverse("journal:log_code_delete", args=[code.pk])).status_code == 403
    assert LogCode.objects.filter(pk=code.pk).exists()


def test_the_api_keeps_codes_by_id_or_word_for_a_lead(lead: User) -> None:
    api = token_client(lead)

    made = api.post(
        "/api/v1/log-codes",
        {"word": "cb", "text": "call back", "follow_up_minutes": 120},
        content_type="application/json",
    )
    code_id = made.json()["id"]
    by_word = api.get("/api/v1/log-codes/cb")
    changed = api.patch(
        f"/api/v1/log-codes/{code_id}", {"follow_up_minutes": None}, content_type="application/json"
    )
    listed = api.get("/api/v1/log-codes").json()
    deleted = api.delete("/api/v1/log-codes/cb")

    assert made.status_code == 201
    assert by_word.json() == {
        "id": code_id,
        "word": "cb",
        "text": "call back",
        "follow_up_minutes": 120,
    }
    assert changed.json()["follow_up_minutes"] is None
    assert [row["word"] for row in listed] == ["cb"]
    assert deleted.status_code == 204
    assert not LogCode.objects.exists()


def test_the_api_refuses_a_time_word_with_400_and_an_agent_with_403(lead: User) -> None:
    refused = token_client(lead).post(
        "/api/v1/log-codes", {"word": "now", "text": "at once"}, content_type="application/json"
    )
    forbidden = token_client(factories.agent()).post(
        "/api/v1/log-codes", {"word": "cb", "text": "call back"}, content_type="application/json"
    )

    assert refused.status_code == 400
    assert refused.json()["detail"].startswith("word: “now” is a time of day")
    assert forbidden.status_code == 403
    assert not LogCode.objects.exists()
