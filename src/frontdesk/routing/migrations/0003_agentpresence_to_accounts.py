# Presence moved to accounts (accounts.0004); the table and its rows stay, only the state moves.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("routing", "0002_agentpresence_last_assigned_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AgentPresence")],
            database_operations=[],
        ),
    ]
