from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Agents, teams, roles and API tokens."""

    name = "frontdesk.accounts"
    label = "accounts"
