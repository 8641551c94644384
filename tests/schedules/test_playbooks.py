"""Playbooks as flowcharts: the shipped ones in five languages, old lists kept as straight
lines, the lead's picture and form, the API, and the agent's click-through with their own
break times."""

from __future__ import annotations

import importlib
from datetime import UTC, timedelta

import pytest
from django.apps import apps
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from frontdesk.accounts.models import User
from frontdesk.accounts.tokens import tokens_forget
from frontdesk.core.errors import Forbidden
from frontdesk.engine.playbook import ProblemCode, graph_from_data, graph_problems
from frontdesk.schedules.models import Playbook
from frontdesk.schedules.services import break_add
from frontdesk.schedules.services.playbooks import PlaybookInvalid, playbook_save
from tests import factories
from tests.conftest import signed_in, token_client

pytestmark = pytest.mark.django_db

GRAPHS = importlib.import_module("frontdesk.schedules.migrations.0003_playbook_graphs")
SHIPPED = importlib.import_module("frontdesk.schedules.migrations.0002_playbooks_and_break_rules")
LANGUAGES = ("en", "et", "he", "hu", "bs")
MOMENTS = ("angry-last", "not-warned", "during-call", "people-waiting")


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_shipped_playbook_is_a_sound_flowchart_with_questions_in_its_language(
    moment: str, language: str
) -> None:
    graph = graph_from_data(Playbook.objects.get(moment=moment, language=language).graph)
    english = graph_from_data(Playbook.objects.get(moment=moment, language="en").graph)
    questions = [node for node in graph.nodes if node.is_question]

    assert graph_problems(graph) == []
    assert questions
    assert [n.id for n in graph.nodes] == [n.id for n in english.nodes]  # one shape, five tongues
    # Every word is this language's own (English only in English).
    texts = {n.question for n in questions} | {a.label for n in questions for a in n.answers}
    english_texts = {n.question for n in english.nodes if n.is_question} | {
        a.label for n in english.nodes for a in n.answers
    }
    assert (texts & english_texts) == (texts if language == "en" else set())


def test_the_migration_keeps_a_leads_own_list_word_for_word_as_a_straight_line() -> None:
    edited = Playbook.objects.get(moment="not-warned", language="hu")
    edited.graph = [{"do": "Szóljon most", "say": "{end}-kor jövök"}, {"do": "Menjen", "say": ""}]
    edited.save(update_fields=["graph"])
    untouched = Playbook.objects.get(moment="people-waiting", language="et")
    untouched.graph = GRAPHS.shipped_steps("people-waiting", "et")
    untouched.save(update_fields=["graph"])

    GRAPHS.forwards(apps, None)

    edited.refresh_from_db()
    untouched.refresh_from_db()
    assert edited.graph == {
        "start": "1",
        "nodes": [
            {"id": "1", "do": "Szóljon most", "say": "{end}-kor jövök", "next": "2"},
            {"id": "2", "do": "Menjen", "say": "", "next": None},
        ],
    }
    assert untouched.graph == GRAPHS.shipped_graph("people-waiting", "et")
    assert untouched.graph["nodes"][0]["question"] == "Kas teenindate praegu klienti?"


def test_the_shipped_graph_keeps_the_phrases_the_list_had() -> None:
    graph = GRAPHS.shipped_graph("angry-last", "he")
    says = {node["say"] for node in graph["nodes"]}

    assert {say for _do, say in SHIPPED.PLAYBOOKS["angry-last"]["he"][1]} <= says


def test_only_a_lead_saves_and_a_broken_graph_is_refused_with_every_problem(lead: User) -> None:
    playbook = Playbook.objects.get(moment="during-call", language="en")
    broken = graph_from_data(
        {
            "start": "a",
            "nodes": [
                {"id": "a", "question": "Long?", "answers": [{"label": "Yes", "next": "b"}]},
                {"id": "b", "do": "", "next": "a"},
            ],
        }
    )

    with pytest.raises(Forbidden):
        playbook_save(actor=factories.agent(), playbook=playbook, title="X", graph=broken)
    with pytest.raises(PlaybookInvalid) as refused:
        playbook_save(actor=lead, playbook=playbook, title="X", graph=broken)

    codes = [problem.code for problem in refused.value.problems]
    assert codes == [ProblemCode.TOO_FEW_ANSWERS, ProblemCode.STEP_EMPTY, ProblemCode.LOOP]
    assert "Step" in str(refused.value)
    playbook.refresh_from_db()
    assert playbook.title != "X"  # nothing saved


def test_the_api_takes_a_graph_and_answers_422_node_by_node(lead: User) -> None:
    playbook = Playbook.objects.get(moment="people-waiting", language="en")
    api = token_client(lead)
    graph = {
        "start": "q",
        "nodes": [
            {
                "id": "q",
                "question": "Are people waiting?",
                "answers": [{"label": "Yes", "next": "tell"}, {"label": "No", "next": "go"}],
            },
            {"id": "tell", "do": "Tell them.", "say": "Back at {end}.", "next": "go"},
            {"id": "go", "do": "Go on your break."},
        ],
    }

    saved = api.patch(f"/api/v1/playbooks/{playbook.pk}", {"graph": graph}, "application/json")
    looped = api.patch(
        f"/api/v1/playbooks/{playbook.pk}",
        {"graph": {**graph, "nodes": [*graph["nodes"][:2], {"id": "go", "do": "x", "next": "q"}]}},
        "application/json",
    )
    both = api.patch(
        f"/api/v1/playbooks/{playbook.pk}",
        {"graph": graph, "steps": [{"do": "x"}]},
        "application/json",
    )
    nameless = api.patch(
        f"/api/v1/playbooks/{playbook.pk}",
        {"graph": {**graph, "nodes": [{"id": "bad id!", "do": "x"}]}},
        "application/json",
    )

    assert saved.status_code == 200
    assert saved.json()["graph"]["nodes"][0]["answers"][1] == {"label": "No", "next": "go"}
    assert saved.json()["steps"][0] == {"do": "Are people waiting?", "say": ""}
    assert looped.status_code == 422
    assert looped.json()["detail"] == [
        {
            "loc": ["body", "graph", "nodes", 2, "next"],
            "type": "loop",
            "msg": "Step 3: This leads back to step 1: a playbook goes on to an end, never "
            "round in a loop (agents go back with Back).",
            "ctx": {"node": "go"},
        }
    ]
    assert both.status_code == 400
    assert nameless.status_code == 422
    playbook.refresh_from_db()
    assert playbook.graph["nodes"][2] == {
        "id": "go",
        "do": "Go on your break.",
        "say": "",
        "next": None,
    }


def test_the_lead_sees_the_picture_and_the_steps_as_text(lead: User) -> None:
    playbook = Playbook.objects.get(moment="people-waiting", language="he")

    page = signed_in(lead).get(f"/desk/settings/playbooks/{playbook.pk}/").content.decode()

    assert '<svg xmlns="http://www.w3.org/2000/svg" class="playbook-drawing"' in page
    assert 'direction="rtl"' in page
    assert f'<title id="playbook-graph-title">{playbook.title}</title>' in page
    assert page.count('class="node question"') == 2
    assert "האם לקוח מקבל שירות ממך כרגע?" in page
    assert '<a href="#playbook-step-2">' in page


def test_the_lead_adds_a_question_and_removing_a_step_others_lead_to_is_refused_by_the_field(
    lead: User,
) -> None:
    playbook = Playbook.objects.get(moment="during-call", language="en")
    client = signed_in(lead)
    form = {
        "title": playbook.title,
        "start": "how-long",
        "nodes": "7",
        "n0-id": "how-long",
        "n0-kind": "question",
        "n0-question": "How long will the call still take?",
        "n0-a0-label": "A few minutes",
        "n0-a0-next": "finish",
        "n0-a1-label": "Longer",
        "n0-a1-next": "new-question",
        "n1-id": "finish",
        "n1-kind": "step",
        "n1-do": "Finish the call calmly.",
        "n1-next": "start",
        "n2-id": "start",
        "n2-kind": "step",
        "n2-do": "Start your break.",
        "n3-id": "call-back",
        "n3-kind": "step",
        "n3-do": "Agree a call back.",
        "n3-next": "start",
        "n4-id": "record",
        "n4-kind": "step",
        "n4-do": "Record it.",
        "n4-remove": "1",
        "n5-id": "new-step",
        "n5-kind": "step",
        "n6-id": "new-question",
        "n6-kind": "question",
        "n6-question": "Can a colleague take the call?",
        "n6-a0-label": "Yes",
        "n6-a0-next": "start",
        "n6-a1-label": "No",
        "n6-a1-next": "call-back",
    }

    refused = client.post(f"/desk/settings/playbooks/{playbook.pk}/", form | {"n2-remove": "1"})
    saved = client.post(f"/desk/settings/playbooks/{playbook.pk}/", form)

    assert refused.status_code == 400
    page = refused.content.decode()
    assert 'id="n1-next-error">Step 3 is not in the playbook any more' in page
    assert "Can a colleague take the call?" in page  # nothing typed is lost
    assert saved.status_code == 302
    playbook.refresh_from_db()
    graph = graph_from_data(playbook.graph)
    assert graph_problems(graph) == []
    assert [n.id for n in graph.nodes] == ["how-long", "finish", "start", "call-back", "q1"]
    assert graph.node("how-long").answers[1].next == "q1"  # type: ignore[union-attr]


def test_the_agent_clicks_through_with_their_own_break_times(lead: User) -> None:
    agent = factories.agent(language="en")
    now = timezone.now().astimezone(UTC)
    factories.shift_around(lead=lead, agent=agent, now=now)
    zone = factories.desk_open(lead=lead, now=now)
    start = (now + timedelta(minutes=20)).replace(second=0, microsecond=0)
    break_add(actor=lead, agent=agent, start=start, minutes=15)
    end = (start + timedelta(minutes=15)).astimezone(zone).strftime("%H:%M")
    client = signed_in(agent)
    url = "/desk/schedule/playbooks/people-waiting/"

    first = client.get(url).content.decode()
    answered = client.get(url, {"at": "serving,tell"}, headers={"HX-Request": "true"})
    stale = client.get(url, {"at": "serving,hand-over"}).content.decode()
    restored = client.get(
        url,
        {"at": "serving,tell"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )

    assert "Is a customer being served?" in first
    assert "?language=en&amp;at=serving,finish" in first
    assert "Back" not in first.split('id="playbook-walk"')[1]
    part = answered.content.decode()
    assert part.startswith('<div id="playbook-walk"')  # htmx gets the steps alone
    assert "Your answer: <strong>No</strong>" in part
    assert f"I take a short break now and am back at {end}." in part
    assert "at=serving,tell,quick" in part
    assert " autofocus" in part
    assert 'href="/desk/schedule/playbooks/people-waiting/?language=en&amp;at=serving"' in part
    assert "Finish serving them first" not in stale  # a made-up jump goes nowhere
    # In another language, the same place in the same flowchart.
    assert (
        '<a href="?language=hu&amp;at=serving,tell" lang="hu">hu</a>'
        in client.get(url, {"at": "serving,tell"}).content.decode()
    )
    assert restored.content.decode().startswith("<!doctype html>")  # Back in the browser


def test_the_api_lists_playbooks_in_one_query_however_many(
    lead: User, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    api = token_client(lead)
    api.get("/api/v1/playbooks")  # the token's first use is remembered once
    tokens_forget()  # read the token again, as another process would, not from memory

    with django_assert_num_queries(2):  # the token with its agent, the playbooks
        listed = api.get("/api/v1/playbooks")

    assert len(listed.json()) == 20
    assert all(row["graph"]["nodes"] for row in listed.json())


def test_a_playbook_holding_no_flowchart_still_opens_empty(lead: User) -> None:
    # Written past the service (the admin's raw JSON): logged, not a crash.
    playbook = Playbook.objects.get(moment="angry-last", language="en")
    Playbook.objects.filter(pk=playbook.pk).update(graph="not a flowchart")

    agent_page = signed_in(factories.agent()).get("/desk/schedule/playbooks/angry-last/")
    lead_page = signed_in(lead).get(f"/desk/settings/playbooks/{playbook.pk}/")

    listed = token_client(lead).get("/api/v1/playbooks")

    assert agent_page.status_code == 200
    assert lead_page.status_code == 200
    assert 'class="node' not in lead_page.content.decode()
    assert listed.status_code == 200  # the other playbooks are still listed
    empty = next(row for row in listed.json() if row["id"] == playbook.pk)
    assert (empty["graph"], empty["steps"]) == ({"start": "", "nodes": []}, [])


def test_a_posted_id_the_address_and_the_api_cannot_carry_is_refused(lead: User) -> None:
    # The form's hidden ids come back as posted; one with a comma would break the agent's
    # `at=` trail and the API's graph.
    playbook = Playbook.objects.get(moment="during-call", language="en")
    form = {"title": "Calls", "start": "a b,c", "nodes": "1"}
    form |= {"n0-id": "a b,c", "n0-kind": "step", "n0-do": "Finish the call."}

    refused = signed_in(lead).post(f"/desk/settings/playbooks/{playbook.pk}/", form)

    assert refused.status_code == 400
    assert "A step&#x27;s id is at most 40 letters, digits, - and _" in refused.content.decode()
    assert token_client(lead).get(f"/api/v1/playbooks/{playbook.pk}").status_code == 200
