import os
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.accounts.models import User
from frontdesk.accounts.services import token_authenticate
from frontdesk.cli import main

pytestmark = pytest.mark.django_db


def test_agent_add_and_token_create(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agent", "add", "kati", "--role", "lead", "--password", "s3cret-pass"]) == 0
    assert User.objects.get(username="kati").role == "lead"
    capsys.readouterr()
    assert main(["token", "create", "kati"]) == 0
    out = capsys.readouterr().out
    token = out.strip()
    assert out == token + "\n"
    assert token_authenticate(raw=token) == User.objects.get(username="kati")


def test_agent_add_refuses_a_duplicate(capsys: pytest.CaptureFixture[str]) -> None:
    main(["agent", "add", "eli"])
    assert main(["agent", "add", "eli"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_token_for_an_unknown_agent_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "create", "ghost"]) == 2
    assert capsys.readouterr().out == ""


def test_bad_settings_stop_the_command_with_every_problem(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": "mysql://x/y",
        "FRONTDESK_DEBUG": "perhaps",
        "FRONTDESK_DATA_DIR": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "frontdesk", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr
    assert "FRONTDESK_DEBUG" in result.stderr
    assert "Traceback" not in result.stderr


def test_triage_command_works_without_a_database(tmp_path: Path) -> None:
    source = tmp_path / "contacts.jsonl"
    source.write_text(
        '{"id": 1, "channel": "email", "subject": "Hours", "body": "Are you open on Saturday?"}\n'
        "not json\n",
        encoding="utf-8",
    )
    env = {**os.environ, "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    result = subprocess.run(
        [sys.executable, "-m", "frontdesk", "triage", str(source), "--languages", "en,et"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert len(lines) == 2
    assert '"id": 1' in lines[0]
    assert '"language": "en"' in lines[0]
    assert lines[1].startswith('{"id": null, "error"')


def test_triage_command_refuses_a_bad_model_file(tmp_path: Path) -> None:
    model = tmp_path / "model.bin"
    model.write_bytes(b"not a model")
    result = subprocess.run(
        [sys.executable, "-m", "frontdesk", "triage", "--model", str(model)],
        input="",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "not a frontdesk triage model" in result.stderr


def test_mail_listen_refuses_several_processes_on_sqlite(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/desk.sqlite3",
        "FRONTDESK_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "frontdesk", "mail", "listen", "--processes", "2"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "more than one process needs PostgreSQL" in done.stderr


def _staffing(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", "staffing", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_staffing_answers_the_worked_example_as_json() -> None:
    import json

    done = _staffing(
        "--rate", "200", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20", "--json"
    )
    assert done.returncode == 0
    answer = json.loads(done.stdout)
    assert set(answer) == {"agents", "service_level", "asa_seconds", "p_wait", "occupancy"}
    assert answer["agents"] == 14
    assert answer["p_wait"] == pytest.approx(0.1741, abs=1e-4)
    assert answer["asa_seconds"] == pytest.approx(7.84, abs=0.01)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["--rate", "0", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20"],
            "no contacts",
        ),
        (
            ["--rate", "200", "--aht", "180", "--target-level", "1", "--target-seconds", "20"],
            "cannot be reached",
        ),
        (
            ["--rate", "1e15", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20"],
            "more contacts than any staffing can serve",
        ),
        (
            [
                "--rate",
                "200",
                "--aht",
                "180",
                "--target-level",
                "0.8",
                "--target-seconds",
                "20",
                "--max-occupancy",
                "1.5",
            ],
            "max_occupancy",
        ),
        (
            ["--rate", "many", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20"],
            "invalid float value",
        ),
    ],
)
def test_staffing_refuses_impossible_input_with_status_2(args: list[str], says: str) -> None:
    done = _staffing(*args)
    assert done.returncode == 2
    assert says in done.stderr
    assert done.stdout == ""
