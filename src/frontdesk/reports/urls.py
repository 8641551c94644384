from django.urls import path

from frontdesk.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.reports_page, name="index"),
]
