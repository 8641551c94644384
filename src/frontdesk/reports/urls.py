from django.urls import path

from frontdesk.reports import views, whatif_views

app_name = "reports"
urlpatterns = [
    path("", views.reports_page, name="index"),
    path("what-if/", whatif_views.whatif_page, name="whatif"),
]
