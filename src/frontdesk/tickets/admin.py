from django.contrib import admin

from frontdesk.tickets.models import Attachment, Message, Ticket


class MessageInline(admin.StackedInline):
    model = Message
    extra = 0
    fields = (
        "direction",
        "channel",
        "author_agent",
        "author_customer",
        "text",
        "flags",
        "delivered_at",
    )
    readonly_fields = fields
    can_delete = False


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    list_display = (
        "reference",
        "subject",
        "customer",
        "channel",
        "status",
        "level",
        "assignee",
        "created_at",
    )
    list_filter = ("status", "level", "channel", "quick_win")
    search_fields = ("reference", "subject", "customer__name")
    raw_id_fields = ("customer", "assignee")
    inlines = [MessageInline]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ("name", "content_type", "size", "message", "created_at")
    readonly_fields = ("file", "storage_key", "name", "content_type", "size", "message")
