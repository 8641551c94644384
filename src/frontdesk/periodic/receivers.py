"""The periodic app's reactions to Django's signals."""

from typing import Any

from django.apps import AppConfig

from frontdesk.periodic.services import database_optimize


def statistics_refresh_after_migrate(sender: AppConfig, using: str, **kwargs: Any) -> None:
    """Take the planner's statistics on start-up (`frontdesk migrate`, run before serving)
    for any table that grew while the desk was down (a restore, an import), not an hour later.

    A test database's flush sends the same signal without a plan; it is left alone.
    """
    if kwargs.get("plan") is None:
        return
    database_optimize()
