# The queue's weights moved here from routing (routing.0004): the model keeps routing's table,
# so the lead's weights stay; its content type follows, so permissions granted on it stay.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def _content_type_move(apps: StateApps, source: str, target: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    if content_type.objects.filter(app_label=target, model="queuesettings").exists():
        return
    content_type.objects.filter(app_label=source, model="queuesettings").update(app_label=target)


def content_type_to_tickets(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _content_type_move(apps, "routing", "tickets")


def content_type_to_routing(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _content_type_move(apps, "tickets", "routing")


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0007_message_from_address"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("routing", "0004_queuesettings_to_tickets"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="QueueSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "weights",
                            models.JSONField(blank=True, default=dict, verbose_name="weights"),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        (
                            "updated_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "queue settings",
                        "verbose_name_plural": "queue settings",
                        "db_table": "routing_queuesettings",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to_tickets, content_type_to_routing),
    ]
