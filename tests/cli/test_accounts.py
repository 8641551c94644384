import pytest

from frontdesk.accounts.models import User
from frontdesk.accounts.tokens import token_authenticate
from frontdesk.cli import main

pytestmark = pytest.mark.django_db


def test_agent_add_and_token_create(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agent", "add", "kati", "--role", "lead", "--password", "s3cret-pass"]) == 0
    assert User.objects.get(username="kati").role == "lead"
    capsys.readouterr()
    assert main(["token", "create", "kati"]) == 0
    out = capsys.readouterr().out
    token = out.strip()
    assert out == token + "\n"
    made = token_authenticate(raw=token)
    assert made is not None
    assert (made.user, made.scope) == (User.objects.get(username="kati"), "read")


def test_agent_add_refuses_a_duplicate(capsys: pytest.CaptureFixture[str]) -> None:
    main(["agent", "add", "eli"])
    assert main(["agent", "add", "eli"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_token_for_an_unknown_agent_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "create", "ghost"]) == 2
    assert capsys.readouterr().out == ""


def test_agent_role_changes_the_role_and_the_access_with_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["agent", "add", "mari", "--role", "admin"])
    assert main(["agent", "role", "mari", "agent"]) == 0
    mari = User.objects.get(username="mari")
    assert (mari.role, mari.is_staff, mari.is_superuser) == ("agent", False, False)
    assert "mari is now agent" in capsys.readouterr().out
    assert main(["agent", "role", "ghost", "admin"]) == 2
    assert "no agent called 'ghost'" in capsys.readouterr().err
