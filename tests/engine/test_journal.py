from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from frontdesk.engine.journal import Code, LogLine, Person, name_match, parse_log_line

TALLINN = ZoneInfo("Europe/Tallinn")
NOW = datetime(2026, 11, 23, 11, 15, tzinfo=TALLINN)
CUSTOMERS = [
    Person(1, "Rami Cohen"),
    Person(2, "רמי כהן"),
    Person(3, "Kovács Anna"),
    Person(4, "Mari Maasikas"),
    Person(5, "Šejla Đurić"),
    Person(6, "Иван Петров"),
    Person(7, "Anna Kovač"),
    Person(8, "Mari Maasik"),
]
AGENTS = [Person(10, "Eli Levi"), Person(11, "Kati Tamm"), Person(12, "Amra Begić")]
ME = Person(11, "Kati Tamm")
CODES = [
    Code("cb", "call back promised", follow_up_minutes=120),
    Code("pwd", "password reset done"),
]
WORDS = {"now": None, "morning": time(9, 0), "hommikul": time(9, 0), "reggel": time(8, 0)}


def parse(line: str, now: datetime = NOW) -> LogLine:
    return parse_log_line(
        line,
        now=now,
        zone=TALLINN,
        customers=CUSTOMERS,
        agents=AGENTS,
        me=ME,
        codes=CODES,
        time_words=WORDS,
    )


@pytest.mark.parametrize(
    ("line", "customer", "agent", "topic", "at"),
    [
        ("Rami Cohen. Eli Levi. viruses. 9:30.", 1, 10, "viruses", (9, 30)),
        ("rami cohen. eli levi. viruses. 09:30", 1, 10, "viruses", (9, 30)),
        ("רמי כהן. Eli Levi. וירוסים. 14:05.", 2, 10, "וירוסים", (14, 5)),
        ("Anna Kovács. Amra Begic. számla. reggel.", 3, 12, "számla", (8, 0)),
        ("Kovacs Anna. Kati Tamm. arve.", 3, 11, "arve", (11, 15)),
        ("Sejla Djuric. Amra. faktura. hommikul.", 5, 12, "faktura", (9, 0)),
        ("Иван Петров. Eli Levi. пароль.", 6, 10, "пароль", (11, 15)),
        ("Mari Maasikas. invoice copy.", 4, 11, "invoice copy", (11, 15)),
        ("Mari Maasikas.", 4, 11, "", (11, 15)),
        ("Rami Chen. Eli Levi. viruses. now.", 1, 10, "viruses", (11, 15)),
        ("Rami Cohen. wifi down, printer. 9:30.", 1, 11, "wifi down, printer", (9, 30)),
    ],
)
def test_lines_in_every_script_and_name_order(
    line: str, customer: int, agent: int, topic: str, at: tuple[int, int]
) -> None:
    parsed = parse(line)
    assert parsed.customer is not None
    assert parsed.customer.person is not None
    assert parsed.customer.person.id == customer
    assert parsed.agent is not None
    assert parsed.agent.person is not None
    assert parsed.agent.person.id == agent
    assert parsed.topic == topic
    assert (parsed.at.hour, parsed.at.minute) == at
    assert parsed.warnings == ()
    assert parsed.certain


@pytest.mark.parametrize(
    ("now", "line", "at"),
    [
        # 9:15 UTC is 11:15 at the desk: "9:30" is the desk's half past nine, not UTC's.
        (NOW.astimezone(UTC), "Rami Cohen. viruses. 9:30.", datetime(2026, 11, 23, 9, 30)),
        (NOW.astimezone(UTC), "Rami Cohen. viruses.", datetime(2026, 11, 23, 11, 15)),
        # 22:30 UTC is already the next day at the desk.
        (
            datetime(2026, 11, 23, 22, 30, tzinfo=UTC),
            "Rami Cohen. viruses. 0:45.",
            datetime(2026, 11, 24, 0, 45),
        ),
        (
            datetime(2026, 11, 23, 22, 30, 37, tzinfo=UTC),
            "Rami Cohen. viruses. hommikul.",
            datetime(2026, 11, 24, 9, 0),
        ),
    ],
)
def test_a_time_in_the_line_is_on_the_desks_clock_whatever_zone_now_is_in(
    now: datetime, line: str, at: datetime
) -> None:
    parsed = parse(line, now=now)
    assert parsed.at == at.replace(tzinfo=TALLINN)
    assert parsed.at.tzinfo == TALLINN


@pytest.mark.parametrize(
    ("line", "typed", "topic"),
    [
        ("Rami Cohen. Peeter Sepp. viruses. 9:30.", "Peeter Sepp", "viruses"),
        ("Rami Cohen. wifi down. printer. 9:30.", "wifi down", "printer"),
        ("Rami Cohen. Peeter Sepp. viruses.", "Peeter Sepp", "viruses"),
    ],
)
def test_a_second_field_naming_nobody_on_the_team_is_a_warning_not_the_topic(
    line: str, typed: str, topic: str
) -> None:
    parsed = parse(line)
    assert parsed.topic == topic
    assert parsed.agent is not None
    assert parsed.agent.person is None
    assert parsed.agent.typed == typed
    assert [warning.code for warning in parsed.warnings] == ["no-agent"]
    assert parsed.warnings[0].text() == f"no agent called “{typed}”"
    assert not parsed.certain


def test_a_code_expands_and_a_promise_becomes_a_follow_up() -> None:
    parsed = parse("Rami Cohen. Eli Levi. cb printer. 9:30.")
    assert parsed.codes == ("cb",)
    assert parsed.topic == "call back promised printer"
    [action] = parsed.actions
    assert (action.kind, action.due.hour, action.due.minute) == ("follow-up", 11, 30)


def test_an_ambiguous_name_is_offered_as_a_choice_never_guessed() -> None:
    parsed = parse("Mari. Eli Levi. arve.")
    assert parsed.customer is not None
    assert parsed.customer.person is None
    assert {p.id for p, _ in parsed.customer.candidates} == {4, 8}
    assert not parsed.certain
    assert [warning.code for warning in parsed.warnings] == ["customer-choice"]
    assert "could be" in parsed.warnings[0].text()


def test_an_unknown_customer_is_offered_as_new() -> None:
    parsed = parse("Zoltán Nagy. Eli Levi. price list.")
    assert parsed.customer is not None
    assert parsed.customer.is_new
    assert [warning.code for warning in parsed.warnings] == ["new-customer"]
    assert "a new customer will be created" in parsed.warnings[0].text()


@pytest.mark.parametrize(
    ("line", "code", "warning"),
    [
        ("", "empty", "there is nothing to log"),
        ("... . !!", "empty", "there is nothing to log"),
        ("Rami Cohen. Eli Levi. viruses. 25:99.", "not-a-time", "“25:99” is not a time of day"),
        ("x" * 2000, "too-long", "a log line holds at most 500"),
    ],
)
def test_bad_lines_say_what_was_not_understood(line: str, code: str, warning: str) -> None:
    parsed = parse(line)
    assert [found.code for found in parsed.warnings] == [code]
    assert any(warning in found.text() for found in parsed.warnings)
    assert not parsed.certain


def test_family_name_first_matches_the_same_person() -> None:
    assert name_match("Anna Kovács", CUSTOMERS).person == Person(3, "Kovács Anna")


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        ("Told him I'll call back after lunch", True),
        ("We will get back to you tomorrow.", True),
        ("Homme helistan tagasi.", True),
        ("Holnap visszahívom.", True),
        ("Sutra ću vas nazvati, javit ću se.", True),
        ("אחזור אליך מחר בבוקר", True),
        ("Invoice sent, nothing else to do.", False),
        ("Arve saadetud.", False),
    ],
)
def test_promises_are_found_in_every_home_language(text: str, promise: bool) -> None:
    from frontdesk.engine.journal import promises_in

    assert bool(promises_in(text)) is promise


@pytest.mark.parametrize(
    ("line", "due"),
    [
        # Words that ask: due an hour after the line, or at its time when that is still to come.
        ("Rami Cohen. Eli Levi. viruses, call him back.", (12, 15)),
        ("Rami Cohen. Eli Levi. viruses, call him back. 15:00.", (15, 0)),
        ("Rami Cohen. Eli Levi. viruses, call him back. 9:30.", (10, 30)),
        ("Kovács Anna. Amra Begić. számla, visszahívni.", (12, 15)),
        ("Mari Maasikas. Eli Levi. arve, helista tagasi.", (12, 15)),
        ("Sejla Djuric. Amra. faktura, nazvati.", (12, 15)),
        ("רמי כהן. Eli Levi. וירוסים, לחזור אליו.", (12, 15)),
        ("Иван Петров. Eli Levi. пароль, перезвонить.", (12, 15)),
        # A promise code: its minutes after the line, or the line's time still to come; one
        # follow-up, not two, when words ask too.
        ("Rami Cohen. Eli Levi. cb.", (13, 15)),
        ("Rami Cohen. Eli Levi. cb. 9:30.", (11, 30)),
        ("Rami Cohen. Eli Levi. cb. 15:00.", (15, 0)),
        ("Rami Cohen. Eli Levi. cb, call him back.", (13, 15)),
    ],
)
def test_a_line_for_a_colleague_that_asks_for_action_is_their_follow_up(
    line: str, due: tuple[int, int]
) -> None:
    parsed = parse(line)
    assert parsed.colleague is not None
    assert parsed.colleague.id != ME.id
    assert [(action.kind, action.due.hour, action.due.minute) for action in parsed.actions] == [
        ("follow-up", *due)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Rami Cohen. Eli Levi. viruses. 9:30.",
        "Rami Cohen. Eli Levi. viruses, don't call back.",
        "Rami Cohen. Eli Levi. called back already.",
        "Kovács Anna. Amra Begić. nem kell visszahívni.",
        "Rami Cohen. Eli Levi. pwd.",
    ],
)
def test_a_line_for_a_colleague_that_asks_nothing_only_tells_them(line: str) -> None:
    parsed = parse(line)
    assert parsed.colleague is not None
    assert parsed.actions == ()


@pytest.mark.parametrize(
    ("line", "actions"),
    [
        # The writer's own lines are as before: words make no follow-up, a code keeps its
        # minutes after the line's time even when that time is still to come.
        ("Rami Cohen. call him back.", []),
        ("Rami Cohen. Kati Tamm. call him back.", []),
        ("Rami Cohen. cb. 15:00.", [(17, 0)]),
    ],
)
def test_the_writers_own_lines_tell_no_one(line: str, actions: list[tuple[int, int]]) -> None:
    parsed = parse(line)
    assert parsed.colleague is None
    assert [(action.due.hour, action.due.minute) for action in parsed.actions] == actions
