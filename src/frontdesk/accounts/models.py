from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontdesk.accounts.choices import (
    TAKES_LIVE_CONTACTS,
    TAKES_WRITTEN_WORK,
    Assignment,
    Language,
    Presence,
    Role,
    TokenScope,
)


class AgentManager(UserManager["User"]):
    """Makes users whose access follows their role; Django's superuser is the admin role."""

    def _create_user_object(
        self, username: str, email: str | None, password: str | None, **extra_fields: Any
    ) -> "User":
        # Every create_user and create_superuser builds its user here (Django's stubs omit it).
        user: User = super()._create_user_object(  # type: ignore[misc]
            username, email, password, **extra_fields
        )
        user.access_follow_role()
        return user

    def create_superuser(
        self,
        username: str,
        email: str | None = None,
        password: str | None = None,
        **extra_fields: Any,
    ) -> "User":
        extra_fields.setdefault("role", Role.ADMIN)
        if extra_fields["role"] != Role.ADMIN:
            raise ValueError("A superuser has the admin role.")
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A member of the desk: an agent, a lead or an admin."""

    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.AGENT)
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.EN
    )
    # Who the agent is at the identity provider (the `sub` claim); empty: never logged in by SSO.
    sso_subject = models.CharField(
        _("single sign-on subject"),
        max_length=255,
        blank=True,
        default="",
        # In the database too: a row written by code that predates the column still gets one.
        db_default="",
        editable=False,
    )

    objects: ClassVar[AgentManager] = AgentManager()

    class Meta:
        verbose_name = _("agent")
        verbose_name_plural = _("agents")
        constraints = [
            models.UniqueConstraint(
                fields=["sso_subject"],
                condition=~models.Q(sso_subject=""),
                name="accounts_user_sso_subject_unique",
            )
        ]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_lead(self) -> bool:
        return self.role in {Role.LEAD, Role.ADMIN}

    def access_follow_role(self) -> None:
        """Give the agent the access their role carries, and no other: admins get the
        administration pages with every permission in them, agents and leads get neither.
        The one place the two flags are decided; nothing sets them on their own."""
        self.is_staff = self.is_superuser = self.role == Role.ADMIN


class Team(models.Model):
    """A group of agents who share a queue and business hours."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="teams", blank=True, verbose_name=_("members")
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    assignment = models.CharField(
        _("assignment"), max_length=12, choices=Assignment.choices, default=Assignment.PULL
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class ApiToken(models.Model):
    """A bearer token an agent uses with the API; only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=12, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    scope = models.CharField(
        _("scope"), max_length=10, choices=TokenScope.choices, default=TokenScope.READ
    )
    # None only on the tokens made before scopes and expiry (migration 0005): they stay as
    # powerful as they were, so no integration broke, and their owner is asked to replace them.
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    made_before_scopes = models.BooleanField(default=False)
    # When the owner was mailed that the token expires soon: once per token.
    expiry_warned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


class AgentPresence(models.Model):
    """Where an agent is right now, set by the agent in one click or by events (a call answered)."""

    agent = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="presence",
        verbose_name=_("agent"),
    )
    state = models.CharField(
        _("presence"), max_length=10, choices=Presence.choices, default=Presence.OFF
    )
    since = models.DateTimeField(_("since"), default=timezone.now)
    # When the desk last handed this agent an item (round-robin takes the longest ago).
    last_assigned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The table routing created before presence moved here; its rows stay where they are.
        db_table = "routing_agentpresence"
        verbose_name = _("presence")
        verbose_name_plural = _("presence")

    def __str__(self) -> str:
        return f"{self.agent}: {self.state}"

    @property
    def takes_written_work(self) -> bool:
        return self.state in TAKES_WRITTEN_WORK

    @property
    def takes_live_contacts(self) -> bool:
        return self.state in TAKES_LIVE_CONTACTS
