from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Agents, teams, roles and API tokens."""

    name = "frontdesk.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save

        from frontdesk.accounts import slots  # noqa: F401  (declares the agent page's slot)
        from frontdesk.accounts.idle import idle_clock_start
        from frontdesk.accounts.models import ApiToken, Team, User
        from frontdesk.accounts.tokens import tokens_forget
        from frontdesk.core.changes import changes_register
        from frontdesk.core.settings_menu import section_register

        section_register(
            key="teams",
            title=_("Teams"),
            url_name="people:teams",
            order=10,
            description=_("Who works together, their address, and how work reaches them."),
        )
        section_register(
            key="agents",
            title=_("Agents"),
            url_name="people:agents",
            order=12,
            description=_("Invite agents, set their role and language, deactivate them."),
        )
        section_register(
            key="password",
            title=_("Password"),
            url_name="people:password",
            order=87,
            description=_("Change your own password."),
            agents_write=True,
        )
        section_register(
            key="two_factor",
            title=_("Two-factor log-in"),
            url_name="people:two_factor",
            order=88,
            description=_("A code from your phone at every log-in, and recovery codes."),
            agents_write=True,
        )
        section_register(
            key="tokens",
            title=_("API tokens"),
            url_name="people:tokens",
            order=90,
            description=_("Your own tokens for integrations."),
            agents_write=True,
        )
        user_logged_in.connect(idle_clock_start, dispatch_uid="accounts.idle_clock_start")
        # A token remembered by this process carries its agent: any change to either (a role,
        # a deactivation, a revocation) is seen by the next call.
        for model in (User, ApiToken):
            for signal in (post_save, post_delete):
                signal.connect(tokens_forget, sender=model, dispatch_uid=f"tokens_forget_{model}")
        changes_register(Team, m2m=["members"])
        changes_register(
            User, exclude=["password", "last_login", "date_joined", "is_staff", "is_superuser"]
        )
        changes_register(ApiToken, exclude=["digest", "last_used_at"])
