from django.contrib import admin

from frontdesk.triage.models import TriageCorrection, TriageModel


@admin.register(TriageCorrection)
class TriageCorrectionAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "ticket",
        "agent",
        "level_before",
        "level_after",
        "quick_win_after",
    )
    raw_id_fields = ("ticket", "agent")


@admin.register(TriageModel)
class TriageModelAdmin(admin.ModelAdmin):
    list_display = ("created_at", "examples", "corrections", "accuracy")
    exclude = ("data",)
