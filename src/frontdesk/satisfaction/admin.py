from django.contrib import admin

from frontdesk.satisfaction.models import Survey


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin[Survey]):
    """Surveys, read-only: ratings are the customers' own words."""

    list_display = ("ticket", "solved_at", "rating", "rated_at", "counts")
    list_filter = ("rating", "counts")
    readonly_fields = (
        "ticket",
        "solved_at",
        "language",
        "sent_at",
        "rating",
        "comment",
        "rated_at",
        "counts",
        "follow_up",
        "created_at",
    )
