"""Where agents are: set by them or by the desk, and put back by the desk."""

from __future__ import annotations

import pytest

from frontdesk.accounts.models import AgentPresence
from frontdesk.accounts.services import presence_end, presence_set
from tests import factories


@pytest.mark.django_db
def test_the_desk_puts_back_to_work_only_an_agent_still_where_it_put_them() -> None:
    on_call, gone_on_break = factories.agent(), factories.agent()
    presence_set(agent=on_call, state="call")
    presence_set(agent=gone_on_break, state="break")

    assert presence_end(agent=on_call, state="call") is True
    assert presence_end(agent=gone_on_break, state="call") is False

    states = dict(AgentPresence.objects.values_list("agent__username", "state"))
    assert states == {on_call.username: "available", gone_on_break.username: "break"}
