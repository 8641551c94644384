from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from frontdesk.customers.models import Customer, CustomerIdentity, Interaction, Tag
from frontdesk.customers.services import customer_rotate_portal_key


class IdentityInline(admin.TabularInline):
    model = CustomerIdentity
    extra = 0
    fields = ("kind", "display", "value", "is_primary")
    readonly_fields = ("value",)


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "organisation",
        "preferred_language",
        "is_key",
        "first_seen",
        "merged_into",
    )
    list_filter = ("is_key", "preferred_language")
    search_fields = ("name", "organisation", "identities__value")
    readonly_fields = ("portal_key", "search_text", "merged_into", "created_at", "updated_at")
    inlines = [IdentityInline]
    actions = ["revoke_portal_links"]

    @admin.action(description=_("Revoke every portal link sent to these customers"))
    def revoke_portal_links(self, request: HttpRequest, queryset: QuerySet[Customer]) -> None:
        for customer in queryset:
            customer_rotate_portal_key(customer=customer)
        self.message_user(request, _("Portal links revoked."), messages.SUCCESS)


@admin.register(Interaction)
class InteractionAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "customer", "kind", "direction", "summary", "agent")
    list_filter = ("kind", "direction")
    search_fields = ("summary", "customer__name")
    raw_id_fields = ("customer", "ticket", "agent")


admin.site.register(Tag)
