from django.urls import path
from django.views.generic import RedirectView

from frontdesk.routing import views

app_name = "routing"
urlpatterns = [
    path("", views.queue_page, name="queue"),
    path("next/", views.take_next_page, name="next"),
    path("sweep/", views.sweep_page, name="sweep"),
    # The queue's settings moved to the settings' own pages; old bookmarks land there.
    path("settings/", RedirectView.as_view(pattern_name="core:settings"), name="settings"),
    path("presence/", views.presence_page, name="presence"),
]
# The settings' section for the queue's order, under /desk/settings/.
settings_patterns = (
    [
        path("queue/", views.queue_weights_page, name="weights"),
        path("queue/teams/", views.queue_team_scope_page, name="team_scope"),
    ],
    "queue_settings",
)
