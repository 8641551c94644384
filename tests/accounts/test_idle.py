"""A desk session ends after idle time; polls are not activity."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from frontdesk.accounts.idle import LAST_SEEN
from frontdesk.accounts.models import User

pytestmark = pytest.mark.django_db
POLL = {"X-Frontdesk-Poll": "1", "HX-Request": "true"}
TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "frontdesk"


def _last_seen(client: Client, *, minutes_ago: float) -> float:
    """Note in the client's session that its agent was last active `minutes_ago`."""
    moment = timezone.now().timestamp() - minutes_ago * 60
    session = client.session
    session[LAST_SEEN] = moment
    session.save()
    return moment


def test_a_session_idle_past_the_limit_ends_and_the_log_in_page_says_why(
    agent_client: Client,
) -> None:
    queue = reverse("routing:queue")
    assert agent_client.get(queue).status_code == 200
    _last_seen(agent_client, minutes_ago=61)
    ended = agent_client.get(queue)
    assert ended.status_code == 302
    assert ended["Location"] == f"{reverse('accounts:login')}?next={queue}"
    login = agent_client.get(ended["Location"])
    assert "You were logged out after 60 minutes without activity." in login.content.decode()
    assert agent_client.get(queue)["Location"].startswith(reverse("accounts:login"))


def test_a_session_active_within_the_limit_goes_on(agent_client: Client) -> None:
    _last_seen(agent_client, minutes_ago=59)
    assert agent_client.get(reverse("routing:queue")).status_code == 200
    assert timezone.now().timestamp() - agent_client.session[LAST_SEEN] < 5


def test_htmx_learns_of_the_end_by_hx_redirect(agent_client: Client) -> None:
    _last_seen(agent_client, minutes_ago=61)
    ended = agent_client.get(reverse("tickets:list"), headers=POLL)
    assert ended["HX-Redirect"] == reverse("accounts:login")
    assert agent_client.get(reverse("tickets:list")).status_code == 302


def test_a_poll_is_not_activity(agent_client: Client) -> None:
    before = _last_seen(agent_client, minutes_ago=59)
    polled = agent_client.get(reverse("routing:queue"), headers=POLL)
    assert polled.status_code == 200
    assert agent_client.session[LAST_SEEN] == before
    _last_seen(agent_client, minutes_ago=61)
    ended = agent_client.get(reverse("routing:queue"), headers=POLL)
    assert ended["HX-Redirect"] == reverse("accounts:login")


def test_the_limit_follows_the_setting(agent: User, settings: Settings) -> None:
    settings.SESSION_IDLE_MINUTES = 5
    client = Client()
    client.force_login(agent)
    _last_seen(client, minutes_ago=6)
    ended = client.get(reverse("routing:queue"))
    assert ended.status_code == 302
    page = client.get(ended["Location"]).content.decode()
    assert "You were logged out after 5 minutes without activity." in page


def test_zero_minutes_never_ends_a_session(agent_client: Client, settings: Settings) -> None:
    settings.SESSION_IDLE_MINUTES = 0
    _last_seen(agent_client, minutes_ago=60 * 24 * 30)
    assert agent_client.get(reverse("routing:queue")).status_code == 200


def test_the_api_answers_an_ended_session_itself(agent_client: Client) -> None:
    _last_seen(agent_client, minutes_ago=61)
    answer = agent_client.get("/api/v1/tickets")
    assert answer.status_code == 401
    assert agent_client.get(reverse("routing:queue")).status_code == 302


def test_every_polling_element_says_it_is_a_poll() -> None:
    # An element refreshing itself every N seconds that does not send the header would keep
    # an abandoned desk logged in for ever.
    polls = []
    for template in TEMPLATES.glob("**/templates/**/*.html"):
        for element in re.findall(r"<[^>]*hx-trigger=\"[^\"]*every [^>]*>", template.read_text()):
            polls.append(template.name)
            assert """hx-headers='{"X-Frontdesk-Poll": "1"}'""" in element, template
    assert {"queue.html", "list.html", "detail.html"} <= set(polls)
