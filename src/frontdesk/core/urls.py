from django.urls import path

from frontdesk.core import views

app_name = "core"
urlpatterns = [
    path("", views.settings_home, name="settings"),
    path("changes/", views.changes_page, name="changes"),
]
