import pytest

from frontdesk.accounts.models import User
from frontdesk.accounts.services import agent_set_role
from frontdesk.core.errors import Invalid
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_new_role_brings_its_access_and_takes_the_old_one_away() -> None:
    agent = factories.agent(role="agent")
    assert (agent.is_staff, agent.is_superuser) == (False, False)

    agent_set_role(agent=agent, role="admin")
    agent.refresh_from_db()
    assert (agent.role, agent.is_staff, agent.is_superuser) == ("admin", True, True)

    agent_set_role(agent=agent, role="lead")
    agent.refresh_from_db()
    assert (agent.role, agent.is_staff, agent.is_superuser) == ("lead", False, False)


def test_an_unknown_role_is_refused_and_nothing_changes() -> None:
    agent = factories.agent(role="admin")
    with pytest.raises(Invalid, match="unknown role"):
        agent_set_role(agent=agent, role="owner")
    agent.refresh_from_db()
    assert (agent.role, agent.is_staff, agent.is_superuser) == ("admin", True, True)


def test_users_made_the_django_way_get_the_access_of_their_role() -> None:
    boss = User.objects.create_superuser("boss", "boss@example.com", "pw-for-tests")
    plain = User.objects.create_user("plain", "plain@example.com", "pw-for-tests")
    made_admin = User.objects.create_user("root", "root@example.com", "pw", role="admin")
    assert (boss.role, boss.is_staff, boss.is_superuser) == ("admin", True, True)
    assert (plain.role, plain.is_staff, plain.is_superuser) == ("agent", False, False)
    assert (made_admin.is_staff, made_admin.is_superuser) == (True, True)
