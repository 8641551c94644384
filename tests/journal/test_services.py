from __future__ import annotations

import json
from datetime import datetime
from typing import TypedDict
from zoneinfo import ZoneInfo

import pytest

from frontdesk.accounts.models import User
from frontdesk.cli import main
from frontdesk.core.errors import Invalid
from frontdesk.customers.models import Customer, Interaction
from frontdesk.journal.services import log_line_read, log_line_save
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


class Desk(TypedDict):
    writer: User
    eli: User
    rami: Customer
    sejla: Customer
    anna1: Customer
    anna2: Customer


@pytest.fixture
def desk() -> Desk:
    return {
        "writer": factories.agent(username="kati"),
        "eli": factories.agent(username="eli"),
        "rami": factories.customer(name="Rami Cohen"),
        "sejla": factories.customer(name="Šejla Đurić"),
        "anna1": factories.customer(name="Anna Kovač"),
        "anna2": factories.customer(name="Anna Tamm"),
    }


def test_a_certain_line_lands_on_the_timeline(desk: Desk) -> None:
    eli = desk["eli"]
    line = f"Rami Cohen. {eli.display_name}. viruses. 9:30."
    saved = log_line_save(line=line, writer=desk["writer"])
    assert saved.customer == desk["rami"]
    assert saved.agent == eli
    assert saved.summary == "viruses"
    assert saved.kind == "note"


def test_a_name_typed_without_its_letters_is_found(desk: Desk) -> None:
    parsed = log_line_read(line="Sejla Djuric. faktura.", writer=desk["writer"])
    assert parsed.customer is not None
    assert parsed.customer.person is not None
    assert parsed.customer.person.id == desk["sejla"].pk


def test_an_uncertain_line_is_saved_only_with_the_writers_choice(desk: Desk) -> None:
    with pytest.raises(Invalid, match="could be several customers"):
        log_line_save(line="Anna. printer.", writer=desk["writer"])
    with pytest.raises(Invalid, match="not one of the choices"):
        log_line_save(line="Anna. printer.", writer=desk["writer"], customer_id=desk["rami"].pk)
    saved = log_line_save(
        line="Anna. printer.", writer=desk["writer"], customer_id=desk["anna2"].pk
    )
    assert saved.customer == desk["anna2"]


def test_an_unknown_customer_is_created_only_when_confirmed(desk: Desk) -> None:
    with pytest.raises(Invalid, match="confirm to create one"):
        log_line_save(line="Zoltán Nagy. price list.", writer=desk["writer"])
    assert not Customer.objects.filter(name="Zoltán Nagy").exists()
    saved = log_line_save(line="Zoltán Nagy. price list.", writer=desk["writer"], new_customer=True)
    assert saved.customer.name == "Zoltán Nagy"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("", "nothing to log"),
        ("Rami Cohen. viruses. 25:99.", "not a time of day"),
    ],
)
def test_bad_lines_save_nothing(desk: Desk, line: str, problem: str) -> None:
    with pytest.raises(Invalid, match=problem):
        log_line_save(line=line, writer=desk["writer"])
    assert not Interaction.objects.filter(kind="note").exists()


def test_the_command_prints_the_parse_and_saves_nothing_on_a_dry_run(
    desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    factories.log_code(word="cb", text="call back promised", follow_up_minutes=60)
    assert (
        main(["log", "Rami Cohen. cb printer. 9:30.", "--as", "kati", "--dry-run", "--json"]) == 0
    )
    parsed = json.loads(capsys.readouterr().out)
    assert parsed["customer"] == {"name": "Rami Cohen", "id": desk["rami"].pk, "candidates": []}
    assert parsed["agent"]["id"] == desk["writer"].pk
    assert parsed["topic"] == "call back promised printer"
    assert parsed["codes"] == ["cb"]
    assert parsed["actions"][0]["kind"] == "follow-up"
    # Half past nine on the desk's clock (the default zone's), with its offset that day.
    at = datetime.fromisoformat(parsed["at"])
    assert (at.hour, at.minute) == (9, 30)
    assert at.utcoffset() == at.astimezone(ZoneInfo("Europe/Tallinn")).utcoffset()
    assert parsed["warnings"] == []
    assert not Interaction.objects.filter(kind="note").exists()
    assert main(["log", "Rami Cohen. printer.", "--as", "kati"]) == 0
    assert Interaction.objects.filter(kind="note", summary="printer").exists()


def test_the_api_reads_and_saves_log_lines(desk: Desk, api: ApiClient) -> None:
    dry = api.post("/api/v1/journal/log", {"line": "Anna. printer.", "dry_run": True})
    assert dry.status_code == 200
    assert dry.json()["interaction_id"] is None
    assert {c["id"] for c in dry.json()["customer"]["candidates"]} == {
        desk["anna1"].pk,
        desk["anna2"].pk,
    }
    refused = api.post("/api/v1/journal/log", {"line": "Anna. printer."})
    assert refused.status_code == 400
    assert "choose one" in refused.json()["detail"]
    saved = api.post(
        "/api/v1/journal/log", {"line": "Anna. printer.", "customer_id": desk["anna2"].pk}
    )
    assert saved.status_code == 200
    assert Interaction.objects.get(pk=saved.json()["interaction_id"]).customer == desk["anna2"]


def test_an_agent_field_naming_nobody_or_several_is_refused_saying_which(desk: Desk) -> None:
    factories.agent(username="eli2")  # a second "Agent Number…": the bare word is ambiguous
    with pytest.raises(Invalid, match="No agent called “Peeter Sepp”"):
        log_line_save(line="Rami Cohen. Peeter Sepp. viruses.", writer=desk["writer"])
    with pytest.raises(Invalid, match="could be several agents"):
        log_line_save(line="Rami Cohen. Agent Number. viruses.", writer=desk["writer"])
    assert not Interaction.objects.filter(kind="note").exists()


def test_the_api_names_each_warning_by_its_code(desk: Desk, api: ApiClient) -> None:
    parsed = api.post(
        "/api/v1/journal/log", {"line": "Rami Cohen. Peeter Sepp. viruses.", "dry_run": True}
    ).json()
    assert parsed["warning_codes"] == ["no-agent"]
    assert parsed["warnings"] == ["no agent called “Peeter Sepp”"]
    assert parsed["certain"] is False
