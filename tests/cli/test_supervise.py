import sys

import pytest

from frontdesk.cli import supervise

pytestmark = pytest.mark.django_db


def test_the_supervisor_carries_on_when_an_optional_process_ends_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    seen: list[set[str]] = []

    def ready(running: set[str]) -> bool:
        seen.append(running)
        return "mail" not in running

    code = supervise(
        {
            "web": [sys.executable, "-c", "import time; time.sleep(3)"],
            "mail": [sys.executable, "-c", "raise SystemExit(2)"],
        },
        optional={"mail"},
        ready=ready,
    )
    assert code == 0
    assert seen[-1] == {"web"}
    assert "frontdesk: mail stopped (exit 2); carrying on without it." in capsys.readouterr().err
