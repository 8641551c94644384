# The queue's weights moved to tickets (tickets.0008); the table and its row stay, only the
# state moves.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("routing", "0003_agentpresence_to_accounts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="QueueSettings")],
            database_operations=[],
        ),
    ]
