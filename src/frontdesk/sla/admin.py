from django.contrib import admin

from frontdesk.sla.models import BusinessHours, SlaTarget


@admin.register(BusinessHours)
class BusinessHoursAdmin(admin.ModelAdmin):
    """A team's own hours; the row without a team is the desk's (also on the settings page)."""

    list_display = ("team", "time_zone", "holiday_country", "holiday_subdivision")


@admin.register(SlaTarget)
class SlaTargetAdmin(admin.ModelAdmin):
    list_display = ("level", "first_response_minutes", "resolution_minutes")
