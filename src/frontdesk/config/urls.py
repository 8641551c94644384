from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from frontdesk.config.api import api
from frontdesk.core.views import healthz
from frontdesk.live import urls as live_urls
from frontdesk.schedules import urls as schedule_urls
from frontdesk.tickets import urls as ticket_urls
from frontdesk.triage import urls as triage_urls

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Browsers ask for /favicon.ico by themselves (on the API's JSON, for one).
    path("favicon.ico", RedirectView.as_view(url=static("frontdesk/favicon.ico"), permanent=True)),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("frontdesk.accounts.urls")),
    path("desk/", RedirectView.as_view(pattern_name="routing:queue"), name="desk"),
    path("desk/queue/", include("frontdesk.routing.urls")),
    path("desk/visits/", include(live_urls.desk_patterns)),
    path("desk/macros/", include("frontdesk.macros.urls")),
    path("desk/journal/", include("frontdesk.journal.urls")),
    path("desk/schedule/", include("frontdesk.schedules.urls")),
    path("", include((schedule_urls.public_patterns, "public"))),
    path("visit/", include("frontdesk.live.urls")),
    # The properties panel is triage's (it records corrections), under the tickets' names.
    path(
        "desk/tickets/",
        include((ticket_urls.urlpatterns + triage_urls.ticket_patterns, ticket_urls.app_name)),
    ),
    path("desk/customers/", include("frontdesk.customers.urls")),
    # The settings' home and the change record; each app adds its own section beneath.
    path("desk/settings/", include("frontdesk.core.urls")),
    path("", include("frontdesk.portal.urls")),
]

admin.site.site_header = "frontdesk"
admin.site.site_title = "frontdesk"
