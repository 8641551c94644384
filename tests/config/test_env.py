import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from frontdesk.config.env import (
    EnvReader,
    cache_config,
    database_config,
    secret_key,
    url_without_password,
)


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
        ("sqlite:////tmp/desk.sqlite3", "frontdesk.core.sqlite3"),
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
    assert response.getvalue()


@pytest.mark.parametrize(
    ("read", "raw", "problem"),
    [
        (lambda r: r.rate("X", "10/h"), "banana", "is not a rate"),
        (lambda r: r.rate("X", "10/h"), "0/h", "is not a rate"),
        (lambda r: r.languages("X", "en"), "en,xx", "unknown language code 'xx'"),
        (lambda r: r.languages("X", "en"), " , ", "is empty"),
        (lambda r: r.words_required("X", "a", meaning="hosts"), "", "is empty"),
        (lambda r: r.time_zone("X", "UTC"), "Mars/Olympus_Mons", "is not a time zone"),
        (lambda r: r.time_zone("X", "UTC"), "../../etc/passwd", "is not a time zone"),
        (lambda r: r.choice("X", "INFO", ("INFO", "DEBUG")), "LOUD", "must be one of"),
        (lambda r: r.origins("X"), "help.example.com", "needs its scheme"),
        (lambda r: r.address("X", "a@b.c"), "nobody", "is not a mail address"),
        (lambda r: r.public_url("X", "http://a"), "help.example.com", "must be an address"),
        (lambda r: r.integer_between("X", default=1, minimum=1, maximum=9), "10", "at most 9"),
    ],
)
def test_each_kind_of_setting_names_a_bad_value(
    read: Callable[[EnvReader], object], raw: str, problem: str
) -> None:
    reader = EnvReader({"X": raw})
    read(reader)
    assert len(reader.problems) == 1
    assert reader.problems[0].startswith("X")
    assert problem in reader.problems[0]


@pytest.mark.parametrize(
    ("read", "raw", "value"),
    [
        (lambda r: r.rate("X", "10/h"), "5/10m", "5/10m"),
        (lambda r: r.languages("X", "en"), "en, et ,he", ["en", "et", "he"]),
        (lambda r: r.time_zone("X", "UTC"), "Europe/Tallinn", "Europe/Tallinn"),
        (lambda r: r.choice("X", "INFO", ("INFO", "DEBUG")), "debug", "DEBUG"),
        (
            lambda r: r.address("X", "a@b.c"),
            "frontdesk <help@example.com>",
            "frontdesk <help@example.com>",
        ),
        (
            lambda r: r.public_url("X", "http://a"),
            "https://help.example.com/",
            "https://help.example.com",
        ),
    ],
)
def test_each_kind_of_setting_takes_a_good_value(
    read: Callable[[EnvReader], object], raw: str, value: object
) -> None:
    reader = EnvReader({"X": raw})
    assert read(reader) == value
    assert reader.problems == []


def test_a_missing_lexicon_folder_is_a_problem(tmp_path: Path) -> None:
    reader = EnvReader({"X": str(tmp_path / "missing")})
    reader.folder("X", "", create=False)
    assert "is not a folder" in reader.problems[0]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://desk:hunter2@db:5432/desk", "postgresql://desk:***@db:5432/desk"),
        ("postgresql://desk:p@ss/w0rd@db/desk", "postgresql://desk:***@db/desk"),
        ("redis://:secret@127.0.0.1:6379/0", "redis://:***@127.0.0.1:6379/0"),
        ("postgresql://desk@db/desk", "postgresql://desk@db/desk"),
        ("sqlite:////tmp/desk.sqlite3", "sqlite:////tmp/desk.sqlite3"),
    ],
)
def test_urls_are_shown_without_their_password(url: str, shown: str) -> None:
    assert url_without_password(url) == shown


def test_a_redis_that_answers_becomes_the_cache() -> None:
    reader = EnvReader({})
    config = cache_config("redis://127.0.0.1:6379/0", reader)
    assert reader.problems == []
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"


def test_a_redis_that_does_not_answer_is_a_problem_without_its_password() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    reader = EnvReader({})
    config = cache_config(f"redis://:secret@127.0.0.1:{port}/0", reader)
    assert "does not answer" in reader.problems[0]
    assert "secret" not in reader.problems[0]
    assert config["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
