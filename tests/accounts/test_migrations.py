"""Rows written before access followed the role are put right by the migration; presence moved
from routing to accounts without moving a row."""

from collections.abc import Iterator

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0002_team_assignment")]
AFTER = [("accounts", "0003_user_access_follows_role")]

PRESENCE_BEFORE = [
    ("accounts", "0003_user_access_follows_role"),
    ("routing", "0002_agentpresence_last_assigned_at"),
]
PRESENCE_AFTER = [("accounts", "0004_agentpresence_from_routing")]


@pytest.fixture(autouse=True)
def _migrations_back_to_latest() -> Iterator[None]:
    # Later tests expect every migration applied; leave the database the way it was found.
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


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


@pytest.mark.django_db(transaction=True)
def test_presence_set_in_routing_is_read_from_accounts_after_the_move() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(PRESENCE_BEFORE)
    old_apps = executor.loader.project_state(PRESENCE_BEFORE).apps
    user = old_apps.get_model("accounts", "User")
    old_presence = old_apps.get_model("routing", "AgentPresence")
    content_type = old_apps.get_model("contenttypes", "ContentType")
    content_type.objects.get_or_create(app_label="routing", model="agentpresence")
    content_type.objects.filter(app_label="accounts", model="agentpresence").delete()
    anna = user.objects.create(username="anna")
    ben = user.objects.create(username="ben")
    old_presence.objects.create(agent=anna, state="break")
    old_presence.objects.create(agent=ben, state="available")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(PRESENCE_AFTER)

    new_apps = executor.loader.project_state(PRESENCE_AFTER).apps
    new_presence = new_apps.get_model("accounts", "AgentPresence")
    states = dict(new_presence.objects.values_list("agent__username", "state"))
    assert states == {"anna": "break", "ben": "available"}
    moved = new_apps.get_model("contenttypes", "ContentType").objects
    assert list(moved.filter(model="agentpresence").values_list("app_label", flat=True)) == [
        "accounts"
    ]
