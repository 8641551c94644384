from django.contrib import admin

from frontdesk.mail.models import InboundMail, MailRoute, OutboundMail


@admin.register(InboundMail)
class InboundMailAdmin(admin.ModelAdmin):
    """Every message as it arrived; failed ones can be filed again with `frontdesk mail retry`."""

    list_display = ("received_at", "source", "envelope_from", "header_message_id", "state")
    list_filter = ("state", "source")
    search_fields = ("envelope_from", "header_message_id")
    readonly_fields = ("digest", "received_at", "flags", "error", "ticket", "message")
    exclude = ("raw",)


@admin.register(MailRoute)
class MailRouteAdmin(admin.ModelAdmin):
    """Which team the mail to each of the desk's addresses goes to."""

    list_display = ("address", "team")


@admin.register(OutboundMail)
class OutboundMailAdmin(admin.ModelAdmin):
    """Every message the desk queued, whether a relay took it, and the reason when it did not."""

    list_display = ("queued_at", "subject", "sent_at", "attempts", "error")
    list_filter = ("about",)
    search_fields = ("subject",)
    readonly_fields = ("queued_at", "sent_at", "attempts", "error", "about", "about_id")
