from __future__ import annotations

import pytest

from tests import factories


@pytest.fixture(autouse=True)
def shipped_playbooks(db: None) -> None:
    """Transactional tests empty the tables; put back the playbooks and break rules the data
    migrations ship (they add only what is missing)."""
    factories.playbooks_shipped()
