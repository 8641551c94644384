from django.contrib import admin

from frontdesk.schedules.models import Break, BreakRule, Playbook, ShiftChange, ShiftPattern


@admin.register(ShiftPattern)
class ShiftPatternAdmin(admin.ModelAdmin):
    list_display = ("agent", "weekday", "start", "end", "time_zone", "valid_from", "valid_until")
    list_filter = ("weekday", "agent")


@admin.register(ShiftChange)
class ShiftChangeAdmin(admin.ModelAdmin):
    list_display = ("agent", "day", "off", "start", "end", "note")
    list_filter = ("off",)
    date_hierarchy = "day"


@admin.register(BreakRule)
class BreakRuleAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "length_minutes",
        "earliest_minutes",
        "latest_minutes",
        "min_shift_minutes",
    )


@admin.register(Break)
class BreakAdmin(admin.ModelAdmin):
    list_display = ("agent", "start", "end", "kind", "reason", "by_hand", "warned_at")
    list_filter = ("kind", "by_hand")
    date_hierarchy = "start"


@admin.register(Playbook)
class PlaybookAdmin(admin.ModelAdmin):
    list_display = ("moment", "language", "title", "updated_at")
    list_filter = ("moment", "language")
