from collections.abc import Sequence
from types import ModuleType

from django.contrib import admin
from django.templatetags.static import static
from django.urls import URLPattern, URLResolver, include, path
from django.views.generic import RedirectView

from frontdesk.accounts import urls as accounts_urls
from frontdesk.config.api import api
from frontdesk.config.metrics import metrics
from frontdesk.core.views import healthz
from frontdesk.customers import urls as customer_urls
from frontdesk.journal import urls as journal_urls
from frontdesk.live import urls as live_urls
from frontdesk.macros import urls as macro_urls
from frontdesk.outreach import urls as outreach_urls
from frontdesk.routing import urls as routing_urls
from frontdesk.satisfaction import urls as satisfaction_urls
from frontdesk.schedules import urls as schedule_urls
from frontdesk.tickets import urls as ticket_urls
from frontdesk.triage import urls as triage_urls


def desk_and_settings(
    prefix: str, urls: ModuleType, *, section: str = "", more: Sequence[URLPattern] = ()
) -> URLResolver:
    """An app's desk pages under desk/<prefix>/ (with `more` served by apps above it) and its
    settings pages under desk/settings/<section>/ (section "": the app names its sections
    itself), in the app's one namespace, so `macros:settings` and `macros:expand` both reverse."""
    settings_prefix = f"settings/{section}/" if section else "settings/"
    return path(
        "desk/",
        include(
            (
                [
                    path(f"{prefix}/", include([*urls.urlpatterns, *more])),
                    path(settings_prefix, include(urls.settings_patterns)),
                ],
                urls.app_name,
            )
        ),
    )


def one_namespace(urls: ModuleType, *patterns: URLPattern | URLResolver) -> URLResolver:
    """An app's pages at several places of the site (the desk, public links, settings), all in
    the app's one namespace, so `outreach:list` and `outreach:unsubscribe` both reverse."""
    return path("", include((list(patterns), urls.app_name)))


# A database that does not answer is a 503 "try again", not a 500 (core/outage.py).
handler500 = "frontdesk.core.outage.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics, name="metrics"),
    # Browsers ask for /favicon.ico by themselves (on the API's JSON, for one).
    path("favicon.ico", RedirectView.as_view(url=static("frontdesk/favicon.ico"), permanent=True)),
    path("api/v1/", api.urls),
    # The admin logs in through the desk's own log-in: lockout and second factor included.
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("frontdesk.accounts.urls")),
    path("oidc/", include(accounts_urls.oidc_patterns)),
    path("desk/", RedirectView.as_view(pattern_name="routing:queue"), name="desk"),
    path("desk/queue/", include("frontdesk.routing.urls")),
    path("desk/visits/", include(live_urls.desk_patterns)),
    path("desk/recordings/", include(live_urls.recording_patterns)),
    desk_and_settings("macros", macro_urls, section="macros"),
    desk_and_settings("journal", journal_urls, section="log-codes"),
    desk_and_settings("schedule", schedule_urls),
    path("", include((schedule_urls.public_patterns, "public"))),
    path("visit/", include("frontdesk.live.urls")),
    # The properties panel is triage's (it records corrections), under the tickets' names.
    desk_and_settings("tickets", ticket_urls, section="texts", more=triage_urls.ticket_patterns),
    path("desk/customers/", include("frontdesk.customers.urls")),
    path("desk/problems/", include("frontdesk.problems.urls")),
    path("desk/reports/", include("frontdesk.reports.urls")),
    # Campaigns for leads, and the unsubscribe link every campaign mail carries.
    one_namespace(
        outreach_urls,
        path("desk/outreach/", include(outreach_urls.urlpatterns)),
        *outreach_urls.public_patterns,
    ),
    # The settings' home and the change record; each app adds its own section beneath.
    path("desk/settings/", include("frontdesk.core.urls")),
    path("desk/settings/audit/", include("frontdesk.audit.urls")),
    path("desk/settings/", include(accounts_urls.settings_patterns)),
    path("desk/settings/", include("frontdesk.sla.urls")),
    path("desk/settings/", include(routing_urls.settings_patterns)),
    path("desk/settings/fields/", include((customer_urls.settings_patterns, "fields"))),
    # The customer's rating page from the survey mail, and the lead's switch for it.
    one_namespace(
        satisfaction_urls,
        path("rate/", include(satisfaction_urls.urlpatterns)),
        path("desk/settings/satisfaction/", include(satisfaction_urls.settings_patterns)),
    ),
    path("", include("frontdesk.portal.urls")),
]

admin.site.site_header = "frontdesk"
admin.site.site_title = "frontdesk"
