from __future__ import annotations

import json

import pytest

from frontdesk.engine.triage import Contact, Triage
from frontdesk.engine.triage.jsonlines import contact_from_json, triage_lines

FIXED = Triage(
    level=4,
    quick_win=False,
    effort_minutes=8,
    language="en",
    tone=0.0,
    angry=False,
    red_flags=(),
    reasons=(),
)


def decide(contact: Contact) -> Triage:
    return FIXED


def test_each_line_gets_one_answer_in_order_and_bad_lines_do_not_stop_the_rest() -> None:
    lines = [
        json.dumps({"id": 7, "channel": "web", "subject": "a", "body": "b"}),
        "{broken",
        json.dumps({"channel": "web"}),
        json.dumps({"id": "x", "channel": "fax"}),
        "",
        json.dumps({"id": "last", "subject": "s", "body": "b"}),
    ]
    answers = [(json.loads(line), ok) for line, ok in triage_lines(lines, decide)]
    assert [answer["id"] for answer, _ in answers] == [7, None, None, "x", "last"]
    assert [ok for _, ok in answers] == [True, False, False, False, True]
    assert answers[1][0]["error"].startswith("not valid JSON")
    assert answers[2][0]["error"] == "'id' is missing"
    fields = "id level quick_win effort_minutes language tone angry red_flags reasons"
    assert set(answers[0][0]) == set(fields.split())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "JSON object"),
        ({"id": 1, "headers": ["x"]}, "'headers'"),
        ({"id": 1, "received_at": "yesterday"}, "ISO 8601"),
        ({"id": 1, "received_at": "2026-11-22T09:30:00"}, "time zone"),
        ({"id": 1, "customer": {"first_seen": 5}}, "customer.first_seen"),
        ({"id": 1, "subject": 5}, "'subject'"),
        ({"id": 1, "attachments": "many"}, "'attachments'"),
    ],
)
def test_malformed_fields_are_named(data: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        contact_from_json(data)


def test_a_full_contact_is_read() -> None:
    contact = contact_from_json(
        {
            "id": "t-1",
            "channel": "phone",
            "subject": "Hi",
            "body": "Hello",
            "received_at": "2026-11-22T09:30:00Z",
            "headers": {"X-Priority": 1},
            "customer": {
                "id": 9,
                "is_key": True,
                "is_new": False,
                "first_seen": "2025-01-01T00:00:00+02:00",
            },
            "attachments": ["a.pdf", "b.png"],
        }
    )
    assert contact.customer.is_key
    assert contact.customer.id == "9"
    assert contact.headers == {"X-Priority": "1"}
    assert contact.attachments == 2
    assert contact.received_at is not None
    assert contact.received_at.utcoffset() is not None
