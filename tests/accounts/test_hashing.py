"""Passwords are kept with Argon2; one kept under an older hasher moves to Argon2 at log-in."""

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client, override_settings
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.config import settings as desk_settings
from tests import factories

pytestmark = pytest.mark.django_db


def test_argon2_comes_first_and_the_older_hashers_still_check() -> None:
    assert desk_settings.PASSWORD_HASHERS == [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
        "django.contrib.auth.hashers.ScryptPasswordHasher",
    ]


@override_settings(PASSWORD_HASHERS=desk_settings.PASSWORD_HASHERS)
def test_a_pbkdf2_password_is_kept_with_argon2_after_the_next_log_in() -> None:
    agent = factories.agent(username="olga")
    User.objects.filter(pk=agent.pk).update(
        password=make_password("correct horse battery", hasher="pbkdf2_sha256")
    )
    agent.refresh_from_db()
    assert agent.password.startswith("pbkdf2_sha256$")

    page = Client().post(
        reverse("accounts:login"), {"username": "olga", "password": "correct horse battery"}
    )

    assert page.status_code == 302
    agent.refresh_from_db()
    assert agent.password.startswith("argon2$argon2id$")
    assert agent.check_password("correct horse battery")
