"""On PostgreSQL, a trigram index on the customers' search text, for search with typos."""

from typing import Any

from django.db import migrations

from frontdesk.core.search import TrigramExtensionKept


def trigram_index_create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS customer_search_trigram "
            "ON customers_customer USING gin (search_text gin_trgm_ops)"
        )


def trigram_index_drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS customer_search_trigram")


class Migration(migrations.Migration):
    dependencies = [("customers", "0002_initial")]

    operations = [
        # Nothing on SQLite.
        TrigramExtensionKept(),
        migrations.RunPython(trigram_index_create, trigram_index_drop),
    ]
