"""Rows written before access followed the role are put right by the migration."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0002_team_assignment")]
AFTER = [("accounts", "0003_user_access_follows_role")]


@pytest.mark.django_db(transaction=True)
def test_users_whose_role_changed_before_get_the_access_of_their_role() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("accounts", "User")
    old.objects.create(username="demoted", role="lead", is_staff=True, is_superuser=True)
    old.objects.create(username="promoted", role="admin", is_staff=False, is_superuser=False)
    old.objects.create(username="plain", role="agent")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    new = executor.loader.project_state(AFTER).apps.get_model("accounts", "User")
    flags = {u.username: (u.is_staff, u.is_superuser) for u in new.objects.all()}
    assert flags == {
        "demoted": (False, False),
        "promoted": (True, True),
        "plain": (False, False),
    }
