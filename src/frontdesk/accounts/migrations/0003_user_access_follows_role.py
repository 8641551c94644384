from django.db import migrations

import frontdesk.accounts.models


def access_follow_role(apps, schema_editor):  # type: ignore[no-untyped-def]
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
