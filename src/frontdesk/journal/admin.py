from django.contrib import admin

from frontdesk.journal.models import FollowUp, LogCode


@admin.register(LogCode)
class LogCodeAdmin(admin.ModelAdmin):
    """The team's one-word codes for the log line."""

    list_display = ("word", "text", "follow_up_minutes")


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    """Every promise made to a customer, its owner and when it was due."""

    list_display = ("due_at", "customer", "owner", "text", "escalated_at")
    list_filter = ("owner",)
