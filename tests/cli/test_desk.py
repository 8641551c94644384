import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from tests.cli.desks import FRONTDESK, desk_env, free_port

pytestmark = pytest.mark.django_db


def test_serve_says_so_when_its_port_is_taken(migrated_file: Path, tmp_path: Path) -> None:
    shutil.copy(migrated_file, tmp_path / "desk.sqlite3")
    port = free_port()
    with socket.create_server(("127.0.0.1", port)):
        done = subprocess.run(
            [*FRONTDESK, "serve", "--port", str(port)],
            env=desk_env(tmp_path),
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr
