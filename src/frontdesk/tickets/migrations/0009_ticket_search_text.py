"""A ticket's search text, filled for the tickets there are, and on PostgreSQL its trigram index."""

from typing import Any

from django.db import migrations, models

from frontdesk.core.search import TrigramExtensionKept
from frontdesk.engine.search import search_text_build

# The values of the time of this migration, kept here so that later changes do not alter it.
LENGTH = 1500
PREFIX = "FD-"
BATCH = 1000


def search_text_fill(apps: Any, schema_editor: Any) -> None:
    Ticket = apps.get_model("tickets", "Ticket")
    Message = apps.get_model("tickets", "Message")
    ids = list(Ticket.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        tickets = list(
            Ticket.objects.filter(pk__in=ids[start : start + BATCH]).select_related("customer")
        )
        texts: dict[int, list[str]] = {ticket.pk: [] for ticket in tickets}
        messages = (
            Message.objects.filter(ticket_id__in=texts)
            .order_by("created_at", "id")
            .values_list("ticket_id", "text", "flags")
        )
        for ticket_id, text, flags in messages:
            if "system" not in (flags or []):
                texts[ticket_id].append(text)
        for ticket in tickets:
            ticket.search_text = search_text_build(
                ticket.reference.removeprefix(PREFIX),
                ticket.customer.search_text,
                ticket.subject,
                *texts[ticket.pk],
                limit=LENGTH,
            )
        Ticket.objects.bulk_update(tickets, ["search_text"], batch_size=500)


def trigram_index_create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS ticket_search_trigram "
            "ON tickets_ticket USING gin (search_text gin_trgm_ops)"
        )


def trigram_index_drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS ticket_search_trigram")


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0008_queuesettings_from_routing"),
        ("customers", "0002_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="ticket",
            name="search_text",
            field=models.CharField(blank=True, default="", max_length=1500),
        ),
        migrations.RunPython(search_text_fill, migrations.RunPython.noop, elidable=True),
        # Nothing on SQLite.
        TrigramExtensionKept(),
        migrations.RunPython(trigram_index_create, trigram_index_drop),
    ]
