"""Reads for agents and teams."""

from django.db.models import QuerySet

from frontdesk.accounts.models import User


def agent_list() -> QuerySet[User]:
    """Active agents, by name."""
    return User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")


def agent_by_username(*, username: str) -> User | None:
    """The agent with this username, or None."""
    return User.objects.filter(username=username).first()
