# Presence moved here from routing (routing.0003): the model keeps routing's table, so no row
# moves; its content type follows, so permissions granted on it stay granted.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def _content_type_move(apps: StateApps, source: str, target: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    if content_type.objects.filter(app_label=target, model="agentpresence").exists():
        return
    content_type.objects.filter(app_label=source, model="agentpresence").update(app_label=target)


def content_type_to_accounts(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _content_type_move(apps, "routing", "accounts")


def content_type_to_routing(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _content_type_move(apps, "accounts", "routing")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_access_follows_role"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("routing", "0003_agentpresence_to_accounts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AgentPresence",
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
                            "state",
                            models.CharField(
                                choices=[
                                    ("available", "Available"),
                                    ("visitor", "Serving a visitor"),
                                    ("call", "On a call"),
                                    ("break", "On a break"),
                                    ("away", "Away"),
                                    ("off", "Off shift"),
                                ],
                                default="off",
                                max_length=10,
                                verbose_name="presence",
                            ),
                        ),
                        (
                            "since",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="since"
                            ),
                        ),
                        ("last_assigned_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "agent",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="presence",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="agent",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "presence",
                        "verbose_name_plural": "presence",
                        "db_table": "routing_agentpresence",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to_accounts, content_type_to_routing),
    ]
