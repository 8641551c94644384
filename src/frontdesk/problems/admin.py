from django.contrib import admin

from frontdesk.problems.models import Alert, Problem, ProblemTicket


class ProblemTicketInline(admin.TabularInline[ProblemTicket, Problem]):
    model = ProblemTicket
    extra = 0
    raw_id_fields = ["ticket", "linked_by"]


@admin.register(Problem)
class ProblemAdmin(admin.ModelAdmin[Problem]):
    list_display = ["title", "status", "posted", "created_at", "solved_at"]
    list_filter = ["status", "posted"]
    search_fields = ["title"]
    inlines = [ProblemTicketInline]
    raw_id_fields = ["created_by", "solved_by"]


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin[Alert]):
    list_display = ["__str__", "status", "customers", "first_at", "alert_at"]
    list_filter = ["status"]
    raw_id_fields = ["tickets", "decided_by", "problem"]
