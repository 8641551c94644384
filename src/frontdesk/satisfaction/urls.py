from django.urls import path, re_path

from frontdesk.satisfaction import views

app_name = "satisfaction"
# The customer's rating page, reached from the survey mail: /rate/<token>/.
urlpatterns = [
    path("<str:token>/", views.rating_page, name="rate"),
    re_path(r"^(?P<token>[^/]+)/(?P<choice>good|bad)/$", views.rating_choose_page, name="choose"),
]
# The lead's switch, under /desk/settings/satisfaction/.
settings_patterns = [
    path("", views.satisfaction_settings_page, name="settings"),
]
