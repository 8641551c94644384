"""On SQLite, an FTS5 trigram index of the tickets' search text, kept by triggers; PostgreSQL
searches the same column through its trigram index (migration 0009)."""

from typing import Any

from django.db import migrations

from frontdesk.core.search import sqlite_text_index_create, sqlite_text_index_drop


def text_index_create(apps: Any, schema_editor: Any) -> None:
    sqlite_text_index_create(schema_editor, "tickets_ticket", "search_text")


def text_index_drop(apps: Any, schema_editor: Any) -> None:
    sqlite_text_index_drop(schema_editor, "tickets_ticket")


class Migration(migrations.Migration):
    dependencies = [("tickets", "0013_queue_team_scoped")]

    operations = [
        # Not elidable: the index and its triggers live outside the models Django knows.
        migrations.RunPython(text_index_create, text_index_drop, elidable=False),
    ]
