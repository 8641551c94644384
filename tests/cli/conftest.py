import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.desks import FRONTDESK, desk_env


@pytest.fixture(scope="package")
def migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite desk migrated by the real command, once for the package; tests copy it."""
    folder = tmp_path_factory.mktemp("migrated")
    subprocess.run([*FRONTDESK, "migrate"], env=desk_env(folder), check=True, capture_output=True)
    return folder / "desk.sqlite3"


@pytest.fixture
def behind_by_one(migrated_file: Path, tmp_path: Path) -> Path:
    """A desk whose database lacks one migration of this code (a leaf nothing depends on), as
    after an upgrade."""
    shutil.copy(migrated_file, tmp_path / "desk.sqlite3")
    subprocess.run(
        [*FRONTDESK, "manage", "migrate", "satisfaction", "zero"],
        env=desk_env(tmp_path),
        check=True,
        capture_output=True,
    )
    return tmp_path
