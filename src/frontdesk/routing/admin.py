from django.contrib import admin

from frontdesk.routing.models import AgentPresence


@admin.register(AgentPresence)
class AgentPresenceAdmin(admin.ModelAdmin):
    list_display = ("agent", "state", "since", "last_assigned_at")
    list_filter = ("state",)
