from django.contrib import admin

from frontdesk.outreach.models import Campaign, CampaignContent, CampaignRecipient, OptOut


class ContentInline(admin.TabularInline):
    model = CampaignContent
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("name", "status", "scheduled_at", "created_by", "created_at")
    list_filter = ("status",)
    inlines = [ContentInline]


@admin.register(CampaignRecipient)
class CampaignRecipientAdmin(admin.ModelAdmin):
    list_display = ("campaign", "address", "language", "status", "reason")
    list_filter = ("status",)
    raw_id_fields = ("customer", "mail")


@admin.register(OptOut)
class OptOutAdmin(admin.ModelAdmin):
    list_display = ("customer", "how", "created_at", "undone_at", "undone_by")
    raw_id_fields = ("customer", "campaign")
