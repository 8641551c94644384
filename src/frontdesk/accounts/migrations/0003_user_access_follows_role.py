from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

import frontdesk.accounts.models


def access_follow_role(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    # Role changes used to leave these two flags as they were: set every user's from the role.
    User = apps.get_model("accounts", "User")
    User.objects.filter(role="admin").update(is_staff=True, is_superuser=True)
    User.objects.exclude(role="admin").update(is_staff=False, is_superuser=False)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_team_assignment"),
    ]

    operations = [
        migrations.AlterModelManagers(
            name="user",
            managers=[
                ("objects", frontdesk.accounts.models.AgentManager()),
            ],
        ),
        migrations.RunPython(access_follow_role, migrations.RunPython.noop),
    ]
