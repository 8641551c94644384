from django.contrib import admin

from frontdesk.live.models import Call, Visit


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ("call_id", "from_number", "state", "agent", "started_at", "ticket")
    list_filter = ("state",)
    search_fields = ("call_id", "from_number")
    readonly_fields = ("events",)


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ("day", "number", "name", "state", "created_at", "served_at", "done_at")
    list_filter = ("state", "day")
