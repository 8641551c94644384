"""A customer's export: everything the desk holds about them, as JSON, from every app."""

from __future__ import annotations

import json

import pytest

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_list
from frontdesk.cli import main
from frontdesk.customers.privacy import customer_export
from tests.customers.privacy_desk import ATTACHMENT_BYTES, EMAIL, NAME, PHONE, WORD, known_customer

pytestmark = pytest.mark.django_db


def test_the_export_holds_every_part_of_the_customer(agent: User, lead: User) -> None:
    known = known_customer(agent=agent, lead=lead)
    data = customer_export(customer=known.customer, actor=lead)
    json.dumps(data)  # JSON through and through
    assert data["customer"]["name"] == NAME
    assert WORD in data["customer"]["notes"]
    assert data["customer"]["custom_fields"] == {"loyalty": f"gold {WORD}"}
    assert data["customer"]["tags"] == [f"tag-{WORD}"]
    assert {(i["kind"], i["value"]) for i in data["identities"]} == {
        ("email", EMAIL),
        ("phone", PHONE),
    }
    assert any(WORD in entry["summary"] for entry in data["timeline"])
    tickets = {t["reference"]: t for t in data["tickets"]}
    mailed = tickets[known.ticket.reference]
    first, reply = mailed["messages"][0], mailed["messages"][1]
    assert (first["author"], first["from_address"]) == ({"kind": "customer", "name": NAME}, EMAIL)
    assert WORD in first["text"]
    assert first["attachments"][0]["size"] == len(ATTACHMENT_BYTES)
    assert len(first["attachments"][0]["sha256"]) == 64
    assert reply["author"]["kind"] == "agent"
    assert len(data["tickets"]) == 3  # the mailed one, the visit's, the promise's
    assert data["ratings"][0]["rating"] == "good"
    assert WORD in data["ratings"][0]["comment"]
    assert data["outreach"]["opt_outs"][0]["how"] == "page"
    assert data["outreach"]["campaigns"][0]["address"] == EMAIL
    assert WORD in data["follow_ups"][0]["promise"]
    assert data["calls"][0]["from"] == PHONE
    assert data["calls"][0]["recordings"][0]["address"].endswith(f"{WORD}.mp3")
    assert data["visits"][0]["email"] == EMAIL
    assert data["messages_on_other_tickets"] == []


def test_the_export_is_recorded_in_the_audit_trail(agent: User, lead: User) -> None:
    known = known_customer(agent=agent, lead=lead)
    customer_export(customer=known.customer, actor=lead)
    event = audit_list(action="export").get()
    assert (event.actor, event.object_id) == (lead, str(known.customer.pk))
    assert "tickets" in event.detail["parts"]


def test_the_command_prints_the_export(
    agent: User, lead: User, capsys: pytest.CaptureFixture[str]
) -> None:
    known = known_customer(agent=agent, lead=lead)
    capsys.readouterr()
    assert main(["customer", "export", str(known.customer.pk)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["customer"]["id"] == known.customer.pk
    assert audit_list(action="export").get().actor is None


def test_the_command_refuses_an_unknown_customer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["customer", "export", "999999"]) == 2
    assert "no customer #999999" in capsys.readouterr().err
