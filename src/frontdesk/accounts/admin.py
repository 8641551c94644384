from typing import TYPE_CHECKING

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.forms import ModelForm
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from frontdesk.accounts.models import AgentPresence, ApiToken, Team, User
from frontdesk.accounts.services import agent_set_role

if TYPE_CHECKING:
    from django.contrib.admin.options import _FieldsetSpec

# Second factors are each agent's own: nobody reads another's key or recovery codes in the
# admin; an admin resets them on the agent's page (accounts/views_security.py).
admin.site.unregister([TOTPDevice, StaticDevice])

# Decided by the role (User.access_follow_role): shown, never ticked by hand.
ROLE_ACCESS_FIELDS = ("is_staff", "is_superuser")


def _without_role_access(fieldsets: "_FieldsetSpec") -> "_FieldsetSpec":
    return [
        (name, {**opts, "fields": [f for f in opts["fields"] if f not in ROLE_ACCESS_FIELDS]})
        for name, opts in fieldsets
    ]


@admin.register(User)
class AgentAdmin(UserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "language", "is_active")
    list_filter = ("role", "language", "is_active")
    # Django's own sections, less the two flags, which are shown beside the role instead.
    fieldsets = (
        *_without_role_access(UserAdmin.fieldsets or ()),
        ("frontdesk", {"fields": ("role", "language", *ROLE_ACCESS_FIELDS)}),
    )
    readonly_fields = ROLE_ACCESS_FIELDS

    def save_model(self, request: HttpRequest, obj: User, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # A role chosen here changes what the agent may reach, as it does everywhere else.
        agent_set_role(agent=obj, role=obj.role)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "email", "assignment")
    filter_horizontal = ("members",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at")


@admin.register(AgentPresence)
class AgentPresenceAdmin(admin.ModelAdmin):
    list_display = ("agent", "state", "since", "last_assigned_at")
    list_filter = ("state",)
