from django.urls import path

from frontdesk.routing import views

app_name = "routing"
urlpatterns = [
    path("", views.queue_page, name="queue"),
    path("next/", views.take_next_page, name="next"),
    path("sweep/", views.sweep_page, name="sweep"),
    path("settings/", views.queue_settings_page, name="settings"),
    path("presence/", views.presence_page, name="presence"),
]
