"""Two-factor log-in (django-otp): set up with a real authenticator key, log in with a real TOTP
code or a recovery code used once, required per role, wrong codes counted by the lockout, and
an admin's reset."""

from __future__ import annotations

import re
import subprocess
from base64 import b32decode
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from axes.models import AccessAttempt
from django.test import Client, override_settings
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from frontdesk.accounts.choices import Role
from frontdesk.accounts.models import User
from frontdesk.accounts.two_factor import two_factor_confirm, two_factor_key_new
from frontdesk.audit.services import audit_list
from frontdesk.config.env import EnvReader
from tests import factories
from tests.cli.desks import FRONTDESK, desk_env

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests"
KEY_TEXT = re.compile(r'class="two-factor-key" dir="ltr">([A-Z2-7 ]+)</code>')


def _code(key: bytes, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows for `key`, now or a step (30 s) later."""
    return f"{totp(key, drift=steps_ahead):06d}"


def _two_factor_on(agent: User) -> tuple[bytes, list[str]]:
    """Set up the agent's app as the set-up page does: its key and the recovery codes."""
    key = two_factor_key_new()
    _device, codes = two_factor_confirm(agent=agent, key=key, code=_code(bytes.fromhex(key)))
    return bytes.fromhex(key), codes


def _signed_in(agent: User) -> Client:
    client = Client()
    client.force_login(agent)
    return client


def _password(client: Client, agent: User, next_url: str = "") -> Response:
    data = {"username": agent.username, "password": PASSWORD}
    url = reverse("accounts:login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, data)


def _logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_an_agent_sets_up_two_factor_with_the_key_shown_and_gets_ten_recovery_codes() -> None:
    agent = factories.agent()
    client = _signed_in(agent)
    page = client.get(reverse("people:two_factor"))
    assert page.status_code == 200
    assert "<svg" in page.content.decode()  # the QR code
    [key_text] = KEY_TEXT.findall(page.content.decode())
    key = b32decode(key_text.replace(" ", ""))

    done = client.post(reverse("people:two_factor"), {"code": _code(key)})

    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(set(codes)) == 10
    device = TOTPDevice.objects.get(user=agent)
    assert (device.confirmed, device.bin_key) == (True, key)
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(codes)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert [event.action for event in audit_list(actor=agent.username)] == ["2fa_on"]
    # The codes are shown once: the page now says it is on, and lists none.
    again = client.get(reverse("people:two_factor")).content.decode()
    assert "Two-factor log-in is on" in again
    assert codes[0] not in again


def test_a_wrong_code_at_set_up_turns_nothing_on() -> None:
    agent = factories.agent()
    client = _signed_in(agent)
    page = client.get(reverse("people:two_factor"))
    [key_text] = KEY_TEXT.findall(page.content.decode())
    wrong = f"{(int(_code(b32decode(key_text.replace(' ', '')))) + 1) % 1_000_000:06d}"

    done = client.post(reverse("people:two_factor"), {"code": wrong})

    assert done.status_code == 400
    assert "That code does not match" in done.content.decode()
    assert not TOTPDevice.objects.filter(user=agent).exists()
    # The same key is offered again, so an app that scanned it keeps working.
    assert KEY_TEXT.findall(done.content.decode()) == [key_text]


def test_log_in_asks_for_the_code_after_the_password_and_only_then_logs_in() -> None:
    agent = factories.agent()
    key, _codes = _two_factor_on(agent)
    client = Client()

    step_one = _password(client, agent, next_url="/desk/tickets/")

    assert step_one.status_code == 302
    assert step_one["Location"] == reverse("accounts:login_code") + "?next=%2Fdesk%2Ftickets%2F"
    assert not _logged_in(client)
    assert client.get("/desk/tickets/")["Location"].startswith(reverse("accounts:login"))
    page = client.get(step_one["Location"])
    assert page.status_code == 200
    # The code used at set-up is spent; the app's next one logs in.
    step_two = client.post(
        reverse("accounts:login_code"),
        {"code": _code(key, steps_ahead=1), "next": "/desk/tickets/"},
    )

    assert step_two.status_code == 302
    assert step_two["Location"] == "/desk/tickets/"
    assert _logged_in(client)
    assert client.session[DEVICE_ID_SESSION_KEY] == TOTPDevice.objects.get().persistent_id


def test_a_wrong_code_is_refused_and_nobody_is_logged_in() -> None:
    agent = factories.agent()
    key, _codes = _two_factor_on(agent)
    client = Client()
    _password(client, agent)
    wrong = f"{(int(_code(key, steps_ahead=1)) + 500_000) % 1_000_000:06d}"

    page = client.post(reverse("accounts:login_code"), {"code": wrong})

    assert page.status_code == 400
    assert "That code does not match" in page.content.decode()
    assert not _logged_in(client)


def test_a_recovery_code_logs_in_once() -> None:
    agent = factories.agent()
    _key, codes = _two_factor_on(agent)
    first = Client()
    _password(first, agent)

    # Typed as people type it off paper: in capitals, with a space.
    typed = f"{codes[3][:4].upper()} {codes[3][4:].upper()}"
    assert first.post(reverse("accounts:login_code"), {"code": typed}).status_code == 302
    assert _logged_in(first)
    second = Client()
    _password(second, agent)
    again = second.post(reverse("accounts:login_code"), {"code": codes[3]})

    assert again.status_code == 400
    assert not _logged_in(second)
    assert StaticToken.objects.count() == 9


def test_the_code_step_without_a_password_first_goes_back_to_log_in() -> None:
    factories.agent()
    page = Client().post(reverse("accounts:login_code"), {"code": "123456"})
    assert page["Location"] == reverse("accounts:login")


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=10)
def test_wrong_codes_count_towards_the_lockout_so_codes_cannot_be_guessed() -> None:
    agent = factories.agent()
    key, _codes = _two_factor_on(agent)
    client = Client()
    _password(client, agent)
    statuses = [
        client.post(reverse("accounts:login_code"), {"code": f"{n:06d}"}).status_code
        for n in range(10)
    ]

    assert statuses == [400] * 9 + [429]
    assert not _logged_in(client)
    # The password step is refused now too, the right password included.
    again = _password(client, agent)
    assert again.status_code == 429
    # The code step forgot who passed the password: the right code leads back to log-in.
    right = client.post(reverse("accounts:login_code"), {"code": _code(key, steps_ahead=1)})
    assert right["Location"] == reverse("accounts:login")
    assert not _logged_in(client)


@override_settings(TWO_FACTOR_ROLES=["lead", "admin"])
def test_a_role_that_needs_two_factor_is_sent_to_set_it_up_before_any_desk_page() -> None:
    lead = factories.agent(role=Role.LEAD)
    client = _signed_in(lead)

    page = client.get("/desk/tickets/")

    assert page.status_code == 302
    assert page["Location"] == reverse("people:two_factor")
    htmx = client.get("/desk/tickets/", headers={"HX-Request": "true"})
    assert htmx["HX-Redirect"] == reverse("people:two_factor")
    setup = client.get(reverse("people:two_factor"))
    assert setup.status_code == 200
    assert "Your role logs in with two factors" in setup.content.decode()
    # Agents, whose role does not need it, go on as before.
    assert _signed_in(factories.agent()).get("/desk/tickets/").status_code == 200


@override_settings(TWO_FACTOR_ROLES=["lead"])
def test_once_set_up_the_required_agent_reaches_the_desk() -> None:
    lead = factories.agent(role=Role.LEAD)
    client = _signed_in(lead)
    page = client.get(reverse("people:two_factor"))
    [key_text] = KEY_TEXT.findall(page.content.decode())

    client.post(reverse("people:two_factor"), {"code": _code(b32decode(key_text.replace(" ", "")))})

    assert client.get("/desk/tickets/").status_code == 200


@override_settings(TWO_FACTOR_ROLES=["lead"])
def test_a_session_that_skipped_the_code_is_asked_for_it() -> None:
    lead = factories.agent(role=Role.LEAD)
    key, _codes = _two_factor_on(lead)
    client = _signed_in(lead)  # a session without the second step

    page = client.get("/desk/tickets/?page=2")

    assert (
        page["Location"] == reverse("accounts:login_code") + "?next=%2Fdesk%2Ftickets%2F%3Fpage%3D2"
    )
    done = client.post(reverse("accounts:login_code"), {"code": _code(key, steps_ahead=1)})
    assert done.status_code == 302
    assert client.get("/desk/tickets/").status_code == 200


@override_settings(TWO_FACTOR_ROLES=["agent", "lead", "admin"])
def test_api_tokens_health_and_the_customer_side_are_not_asked_for_a_second_factor() -> None:
    agent = factories.agent()
    token = factories.api_token(agent)
    client = _signed_in(agent)

    assert Client().get("/api/v1/tickets", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get(reverse("portal:new")).status_code == 200
    assert client.get("/desk/tickets/").status_code == 302


def test_an_admin_resets_an_agents_two_factor_and_it_is_in_the_audit_trail() -> None:
    agent = factories.agent()
    _two_factor_on(agent)
    admin = factories.agent(role=Role.ADMIN)
    page = _signed_in(admin).get(reverse("people:agent", args=[agent.pk]))
    assert "Two-factor log-in is on; 10 recovery codes left." in page.content.decode()

    done = _signed_in(admin).post(reverse("people:agent_two_factor_reset", args=[agent.pk]))

    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=agent).exists()
    assert not StaticToken.objects.exists()
    [event] = audit_list(action="2fa_reset")
    assert (event.actor, event.object_id, event.detail) == (admin, str(agent.pk), {"devices": 2})
    # Their next log-in is the password alone.
    client = Client()
    assert _password(client, agent).status_code == 302
    assert _logged_in(client)


def test_a_lead_cannot_reset_two_factor() -> None:
    agent = factories.agent()
    _two_factor_on(agent)
    lead = _signed_in(factories.agent(role=Role.LEAD))

    page = lead.post(reverse("people:agent_two_factor_reset", args=[agent.pk]), follow=True)

    assert "Only an admin resets" in page.content.decode()
    assert TOTPDevice.objects.filter(user=agent).exists()
    assert not audit_list(action="2fa_reset").exists()


def test_new_recovery_codes_replace_the_old_ones() -> None:
    agent = factories.agent()
    _key, old = _two_factor_on(agent)
    client = _signed_in(agent)

    page = client.post(reverse("people:two_factor_recovery"))

    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page.content.decode())
    assert len(new) == 10
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(new)
    assert not set(old) & set(new)


def test_the_roles_setting_takes_role_names_only() -> None:
    reader = EnvReader({"FRONTDESK_2FA_ROLES": "lead, admin"})
    assert reader.words_from("FRONTDESK_2FA_ROLES", "", tuple(Role.values)) == ["lead", "admin"]
    assert reader.problems == []
    assert EnvReader({}).words_from("FRONTDESK_2FA_ROLES", "", tuple(Role.values)) == []


def test_an_unknown_role_in_the_setting_stops_the_desk_with_its_name(tmp_path: Path) -> None:
    done = subprocess.run(
        [*FRONTDESK, "manage", "check"],
        env=desk_env(tmp_path, FRONTDESK_2FA_ROLES="lead,boss"),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert "FRONTDESK_2FA_ROLES: boss not known; use some of agent, lead, admin." in done.stderr


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=10)
def test_the_right_code_after_wrong_passwords_logs_in_and_clears_the_failures() -> None:
    agent = factories.agent()
    key, _codes = _two_factor_on(agent)
    client = Client()
    for n in range(3):
        client.post(reverse("accounts:login"), {"username": agent.username, "password": f"x{n}"})
    assert AccessAttempt.objects.get(username=agent.username).failures_since_start == 3

    _password(client, agent)
    # The password alone clears nothing: only the whole log-in does.
    assert AccessAttempt.objects.filter(username=agent.username).exists()
    done = client.post(reverse("accounts:login_code"), {"code": _code(key, steps_ahead=1)})

    assert done.status_code == 302
    assert _logged_in(client)
    assert not AccessAttempt.objects.exists()
