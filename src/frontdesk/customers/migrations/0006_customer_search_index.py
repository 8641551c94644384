"""On SQLite, FTS5 trigram indexes of the customers' search text and of their identities (e-mail
addresses, phone numbers), kept by triggers; on PostgreSQL, a trigram index of the identities
(the customers' search text has one since migration 0003)."""

from typing import Any

from django.db import migrations

from frontdesk.core.search import (
    TrigramExtensionKept,
    sqlite_text_index_create,
    sqlite_text_index_drop,
)


def text_index_create(apps: Any, schema_editor: Any) -> None:
    sqlite_text_index_create(schema_editor, "customers_customer", "search_text")
    sqlite_text_index_create(schema_editor, "customers_customeridentity", "value")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS customer_identity_trigram "
            "ON customers_customeridentity USING gin (value gin_trgm_ops)"
        )


def text_index_drop(apps: Any, schema_editor: Any) -> None:
    sqlite_text_index_drop(schema_editor, "customers_customer")
    sqlite_text_index_drop(schema_editor, "customers_customeridentity")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS customer_identity_trigram")


class Migration(migrations.Migration):
    dependencies = [("customers", "0005_customer_erased_at")]

    operations = [
        # Nothing on SQLite.
        TrigramExtensionKept(),
        # Not elidable: the indexes and their triggers live outside the models Django knows.
        migrations.RunPython(text_index_create, text_index_drop, elidable=False),
    ]
