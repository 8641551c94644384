"""The agents' page in the Django admin: a role changed there changes what the agent may reach."""

import pytest
from django import forms
from django.test import Client

from frontdesk.accounts.models import User
from tests import factories

pytestmark = pytest.mark.django_db


def _as_posted(form: forms.Form) -> dict[str, object]:
    """What a browser sends back for an unchanged admin form."""
    data: dict[str, object] = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form[name].value()
        widget = field.widget
        if isinstance(widget, forms.MultiWidget):
            parts = widget.decompress(value)
            assert parts is not None
            for n, part in enumerate(parts):
                data[f"{name}_{n}"] = "" if part is None else part.isoformat()
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    return data


def _change_role(admin: Client, agent: User, role: str) -> None:
    url = f"/admin/accounts/user/{agent.pk}/change/"
    data = _as_posted(admin.get(url).context["adminform"].form)
    answer = admin.post(url, {**data, "role": role})
    assert answer.status_code == 302, answer.content.decode()


@pytest.fixture
def admin_client() -> Client:
    client = Client()
    client.force_login(factories.agent(role="admin"))
    return client


def test_promoting_an_agent_to_admin_opens_the_administration_to_them(admin_client: Client) -> None:
    agent = factories.agent(role="agent")
    _change_role(admin_client, agent, "admin")

    agent.refresh_from_db()
    assert (agent.role, agent.is_staff, agent.is_superuser) == ("admin", True, True)
    theirs = Client()
    theirs.force_login(agent)
    assert theirs.get("/admin/accounts/user/").status_code == 200


def test_demoting_an_admin_closes_the_administration_to_them(admin_client: Client) -> None:
    former = factories.agent(role="admin")
    _change_role(admin_client, former, "agent")

    former.refresh_from_db()
    assert (former.role, former.is_staff, former.is_superuser) == ("agent", False, False)
    theirs = Client()
    theirs.force_login(former)
    assert theirs.get("/admin/accounts/user/").status_code == 302


def test_the_access_flags_are_shown_but_not_set_by_hand(admin_client: Client) -> None:
    agent = factories.agent(role="agent")
    url = f"/admin/accounts/user/{agent.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    assert "is_staff" not in form.fields
    assert "is_superuser" not in form.fields
    data = _as_posted(form)
    admin_client.post(url, {**data, "is_staff": "on", "is_superuser": "on"})
    agent.refresh_from_db()
    assert (agent.is_staff, agent.is_superuser) == (False, False)
