"""Lockout: after FRONTDESK_LOGIN_FAILURES failed log-ins per user name or per address, log-in
is refused for the cool-off, the right password too; a lead unlocks at once."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from frontdesk.accounts.choices import Role
from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_list
from frontdesk.config import settings as desk_settings
from tests import factories
from tests.cli.desks import FRONTDESK, desk_env

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lockout_on")]

PASSWORD = "pw-for-tests"
LIMIT = 10
LOCKED_TEXT = "Too many failed log-ins"


@pytest.fixture
def lockout_on() -> Iterator[None]:
    with override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=LIMIT):
        yield


def _log_in(client: Client, username: str, password: str) -> Response:
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def _logged_in_as(client: Client) -> str | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id).username if user_id else None


def test_thirty_wrong_passwords_then_the_right_one_is_still_refused() -> None:
    factories.agent(username="mia")
    client = Client()
    statuses = [_log_in(client, "mia", f"guess-{n}").status_code for n in range(30)]

    page = _log_in(client, "mia", PASSWORD)

    # The first nine are the plain log-in form again; the tenth and every one after, the lockout.
    assert statuses[: LIMIT - 1] == [200] * (LIMIT - 1)
    assert set(statuses[LIMIT - 1 :]) == {429}
    assert page.status_code == 429
    assert LOCKED_TEXT in page.content.decode()
    assert _logged_in_as(client) is None


def test_the_lockout_page_says_when_to_try_again() -> None:
    factories.agent(username="mia")
    client = Client()
    for n in range(LIMIT):
        _log_in(client, "mia", f"guess-{n}")
    last = AccessAttempt.objects.get(username="mia").attempt_time

    page = _log_in(client, "mia", PASSWORD)

    until = timezone.localtime(last + timedelta(minutes=15)).strftime("%H:%M")
    assert f"Try again after {until}, or ask an admin" in page.content.decode()


def test_the_same_address_is_refused_for_another_user_name_after_the_limit() -> None:
    factories.agent(username="mia")
    factories.agent(username="noah")
    client = Client()
    for n in range(LIMIT):
        _log_in(client, f"nobody-{n}", "whatever")

    page = _log_in(client, "noah", PASSWORD)

    assert page.status_code == 429
    assert _logged_in_as(client) is None
    # From another address, noah is let in: only the address was locked.
    other = Client(REMOTE_ADDR="10.0.0.7")
    assert _log_in(other, "noah", PASSWORD).status_code == 302
    assert _logged_in_as(other) == "noah"


def test_the_same_user_name_is_refused_from_another_address() -> None:
    factories.agent(username="mia")
    for n in range(LIMIT):
        _log_in(Client(REMOTE_ADDR=f"10.0.1.{n}"), "mia", f"guess-{n}")

    page = _log_in(Client(REMOTE_ADDR="10.0.2.1"), "mia", PASSWORD)

    assert page.status_code == 429


def test_after_the_cool_off_the_right_password_logs_in_and_the_count_starts_again() -> None:
    factories.agent(username="mia")
    client = Client()
    for n in range(LIMIT):
        _log_in(client, "mia", f"guess-{n}")
    assert _log_in(client, "mia", PASSWORD).status_code == 429
    # The cool-off passes (axes keeps the time of the last counted failure).
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    page = _log_in(client, "mia", PASSWORD)

    assert page.status_code == 302
    assert _logged_in_as(client) == "mia"
    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()


def test_failures_while_locked_out_do_not_make_the_wait_longer() -> None:
    factories.agent(username="mia")
    client = Client()
    for n in range(LIMIT):
        _log_in(client, "mia", f"guess-{n}")
    locked_at = AccessAttempt.objects.get(username="mia").attempt_time
    for n in range(5):
        _log_in(client, "mia", f"more-{n}")

    attempt = AccessAttempt.objects.get(username="mia")
    assert attempt.attempt_time == locked_at
    assert attempt.failures_since_start == LIMIT


def test_a_lead_unlocks_an_agent_from_their_page_and_it_is_in_the_audit_trail() -> None:
    mia = factories.agent(username="mia")
    lead = factories.agent(username="lena", role=Role.LEAD)
    for n in range(LIMIT):
        _log_in(Client(REMOTE_ADDR=f"10.0.1.{n}"), "mia", f"guess-{n}")
    lead_client = Client()
    lead_client.force_login(lead)
    agent_url = reverse("people:agent", args=[mia.pk])
    assert (
        "Locked out after 10 failed log-ins, until" in lead_client.get(agent_url).content.decode()
    )

    done = lead_client.post(reverse("people:agent_unlock", args=[mia.pk]))

    assert done.status_code == 302
    assert "Locked out" not in lead_client.get(agent_url).content.decode()
    client = Client(REMOTE_ADDR="10.0.2.1")
    assert _log_in(client, "mia", PASSWORD).status_code == 302
    assert _logged_in_as(client) == "mia"
    [event] = audit_list(action="unlock")
    assert (event.actor, event.object_id, event.detail) == (lead, str(mia.pk), {"cleared": 10})


def test_an_agent_cannot_unlock_anyone() -> None:
    mia = factories.agent(username="mia")
    agent_client = Client()
    agent_client.force_login(factories.agent(username="otto"))

    assert agent_client.post(reverse("people:agent_unlock", args=[mia.pk])).status_code == 403
    assert not audit_list(action="unlock").exists()


def test_the_admin_log_in_is_the_desks_own_with_its_lockout() -> None:
    factories.agent(username="root", role=Role.ADMIN)
    client = Client()

    page = client.get("/admin/login/?next=/admin/accounts/")

    assert page.status_code == 302
    assert page["Location"] == reverse("accounts:login") + "?next=/admin/accounts/"
    for n in range(LIMIT):
        _log_in(client, "root", f"guess-{n}")
    assert _log_in(client, "root", PASSWORD).status_code == 429


@pytest.mark.parametrize(
    ("name", "raw", "problem"),
    [
        ("FRONTDESK_LOGIN_FAILURES", "0", "must be at least 1"),
        ("FRONTDESK_LOGIN_COOLOFF_MINUTES", "0", "must be at least 1"),
        ("FRONTDESK_LOGIN_COOLOFF_MINUTES", "2000", "must be at most 1440"),
    ],
)
def test_a_bad_lockout_setting_stops_the_desk_with_its_name(
    name: str, raw: str, problem: str, tmp_path: Path
) -> None:
    done = subprocess.run(
        [*FRONTDESK, "manage", "check"],
        env=desk_env(tmp_path, **{name: raw}),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert f"{name}={raw} {problem}" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_lockout_settings_default_to_ten_failures_and_fifteen_minutes() -> None:
    assert desk_settings.AXES_FAILURE_LIMIT == 10
    assert timedelta(minutes=15) == desk_settings.AXES_COOLOFF_TIME
    assert desk_settings.AXES_RESET_ON_SUCCESS is True
    assert desk_settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
