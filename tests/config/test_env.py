from pathlib import Path

import pytest
from django.test import Client

from frontdesk.config.env import EnvReader, database_config, secret_key


def test_reader_collects_every_problem() -> None:
    reader = EnvReader(
        {"FRONTDESK_DEBUG": "maybe", "FRONTDESK_MAX_ATTACHMENT_BYTES": "lots", "FRONTDESK_N": "-1"}
    )
    assert reader.flag("FRONTDESK_DEBUG", default=False) is False
    assert reader.integer("FRONTDESK_MAX_ATTACHMENT_BYTES", default=5) == 5
    assert reader.integer("FRONTDESK_N", default=3, minimum=0) == 3
    assert len(reader.problems) == 3
    assert "FRONTDESK_DEBUG" in reader.problems[0]


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("sqlite:////tmp/desk.sqlite3", "django.db.backends.sqlite3"),
        ("postgresql://desk@127.0.0.1:5432/desk", "django.db.backends.postgresql"),
    ],
)
def test_database_urls(url: str, engine: str) -> None:
    reader = EnvReader({})
    assert database_config(url, reader)["ENGINE"] == engine
    assert reader.problems == []


def test_sqlite_runs_in_wal_mode() -> None:
    config = database_config("sqlite:////tmp/x.sqlite3", EnvReader({}))
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_an_unsupported_database_is_a_clear_problem() -> None:
    reader = EnvReader({})
    database_config("mysql://root@localhost/desk", reader)
    assert "only sqlite" in reader.problems[0]


def test_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = secret_key(EnvReader({}), tmp_path)
    assert secret_key(EnvReader({}), tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_a_short_secret_key_is_refused(tmp_path: Path) -> None:
    reader = EnvReader({"FRONTDESK_SECRET_KEY": "short"})
    secret_key(reader, tmp_path)
    assert "32 characters" in reader.problems[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/static/frontdesk/frontdesk.css", "/static/frontdesk/vendor/htmx-2.0.11.min.js"]
)
def test_static_files_are_served_without_collectstatic(path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)  # type: ignore[attr-defined]
