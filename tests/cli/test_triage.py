import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db


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
