from django.urls import path

from frontdesk.sla import views

# The settings' sections for hours and service levels, under /desk/settings/.
app_name = "sla"
urlpatterns = [
    path("hours/", views.hours_page, name="hours"),
    path("service-levels/", views.service_levels_page, name="service_levels"),
]
