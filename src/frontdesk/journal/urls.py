from django.urls import path

from frontdesk.journal import views

app_name = "journal"
urlpatterns = [
    path("log/", views.log_line_page, name="log"),
    path("promises/", views.promises_page, name="promises"),
]
