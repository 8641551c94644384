from django.contrib import admin

from frontdesk.journal.models import LogCode


@admin.register(LogCode)
class LogCodeAdmin(admin.ModelAdmin):
    """The team's one-word codes for the log line."""

    list_display = ("word", "text", "follow_up_minutes")
