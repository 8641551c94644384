from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from frontdesk.accounts.models import ApiToken, Team, User


@admin.register(User)
class AgentAdmin(UserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "language", "is_active")
    list_filter = ("role", "language", "is_active")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("frontdesk", {"fields": ("role", "language")}))


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "email", "assignment")
    filter_horizontal = ("members",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at")
