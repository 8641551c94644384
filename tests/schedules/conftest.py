from __future__ import annotations

import importlib

import pytest


@pytest.fixture(autouse=True)
def shipped_playbooks(db: None) -> None:
    """Transactional tests empty the tables; put back the playbooks and break rules a data
    migration ships (it adds only what is missing)."""
    from django.apps import apps

    migration = importlib.import_module(
        "frontdesk.schedules.migrations.0002_playbooks_and_break_rules"
    )
    migration.forwards(apps, None)
